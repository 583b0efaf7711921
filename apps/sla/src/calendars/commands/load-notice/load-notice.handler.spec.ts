import { refusal, slaKit } from '../../../handler-spec.fixture';
import { LoadNoticeCommand } from './load-notice.command';
import { LoadNoticeHandler } from './load-notice.handler';

const NOTICE_2027 = {
  year: 2027,
  title: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  reference: '测试〔2026〕1号',
  publishedOn: '2026-11-10',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-12' },
  ],
  makeUpWorkdays: ['2027-02-20'],
};

const load = (notice: Record<string, unknown>, calendarId = 'default') =>
  LoadNoticeCommand.create({ calendarId, notice, actorId: 'u-admin' });

describe('LoadNoticeHandler', () => {
  it("loads a new year's notice: the calendar's version moves on, and its open timers are recomputed", async () => {
    const kit = slaKit();
    const result = await new LoadNoticeHandler(kit.uow, kit.calendars).execute(load(NOTICE_2027));
    expect(result).toEqual({ calendarId: 'default', year: 2027, version: 2 });
    expect(kit.calendars.loadedBy).toEqual([{ calendarId: 'default', year: 2027, by: 'u-admin' }]);
    expect(kit.calendars.recomputes).toEqual([{ calendarId: 'default', reason: 'notice 2027 loaded' }]);
    const calendar = await kit.calendars.workCalendar('default');
    expect(calendar.kind('2027-02-08')).toMatchObject({ kind: 'holiday', name: '春节' });
    expect(calendar.kind('2027-02-20')).toMatchObject({ kind: 'makeup_workday' });
    expect(kit.uow.transactions).toBe(1);
  });

  it('refuses a year already loaded, writing nothing', async () => {
    const kit = slaKit();
    const e = await refusal(
      new LoadNoticeHandler(kit.uow, kit.calendars).execute(
        load({
          ...NOTICE_2027,
          year: 2025,
          publishedOn: '2024-11-12',
          holidays: [{ name: '元旦', from: '2025-01-01', to: '2025-01-01' }],
          makeUpWorkdays: [],
        }),
      ),
    );
    expect(e.code).toBe('validation');
    expect(e.message).toContain('notice rejected: notice: ');
    expect(e.message).toContain('a notice for 2025 is already loaded');
    expect(kit.calendars.calendars.get('default')!.version).toBe(1);
    expect(kit.calendars.loadedBy).toEqual([]);
    expect(kit.calendars.recomputes).toEqual([]);
  });

  it('refuses a malformed notice, naming its problem', async () => {
    const kit = slaKit();
    const e = await refusal(
      new LoadNoticeHandler(kit.uow, kit.calendars).execute(
        load({ ...NOTICE_2027, makeUpWorkdays: ['2027-02-30'] }),
      ),
    );
    expect(e.message).toContain('makeUpWorkdays[0] must be an ISO date');
    expect(kit.calendars.loadedBy).toEqual([]);
  });

  it('answers 404 for an unknown calendar', async () => {
    const kit = slaKit();
    const e = await refusal(
      new LoadNoticeHandler(kit.uow, kit.calendars).execute(load(NOTICE_2027, 'nowhere')),
    );
    expect(e.code).toBe('notFound');
  });
});
