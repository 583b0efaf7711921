import { CHINA_NOTICES } from '@ticketing/calendar';
import { refusal, slaKit, errorsOf } from '../../../handler-spec.fixture';
import { CreateCalendarCommand } from './create-calendar.command';
import { CreateCalendarHandler } from './create-calendar.handler';

const command = (over: Partial<Parameters<typeof CreateCalendarCommand.create>[0]> = {}) =>
  CreateCalendarCommand.create({
    id: 'zone-east',
    name: '东区',
    nameEn: 'East zone',
    timeZone: null,
    workingHours: [
      { start: '08:30', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ],
    notices: 'china',
    actorId: 'u-admin',
    ...over,
  });

describe('CreateCalendarHandler', () => {
  it('creates a calendar at version 1 with its own hours, China’s zone and the built-in notices, loaded by the admin', async () => {
    const kit = slaKit();
    const result = await new CreateCalendarHandler(kit.uow, kit.calendars).execute(command());
    expect(result).toEqual({ id: 'zone-east', version: 1 });
    const saved = kit.calendars.calendars.get('zone-east')!;
    expect(saved).toMatchObject({ name: '东区', timeZone: 'Asia/Shanghai', version: 1 });
    expect(saved.workingHours).toEqual([
      { start: '08:30', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ]);
    expect(kit.calendars.loadedBy.filter((n) => n.calendarId === 'zone-east')).toEqual(
      CHINA_NOTICES.map((n) => ({ calendarId: 'zone-east', year: n.year, by: 'u-admin' })),
    );
    // A new calendar governs no timer yet: nothing to recompute.
    expect(kit.calendars.recomputes).toEqual([]);
    expect(kit.uow.transactions).toBe(1);
  });

  it("starts without notices when asked to, with the office's default hours", async () => {
    const kit = slaKit();
    await new CreateCalendarHandler(kit.uow, kit.calendars).execute(
      command({ workingHours: null, notices: 'none' }),
    );
    expect(kit.calendars.calendars.get('zone-east')).toMatchObject({
      notices: [],
      workingHours: [
        { start: '09:00', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ],
    });
  });

  it('refuses a taken id with a 400 naming the field, writing nothing', async () => {
    const kit = slaKit();
    const e = await refusal(
      new CreateCalendarHandler(kit.uow, kit.calendars).execute(command({ id: 'default' })),
    );
    expect(e.code).toBe('validation');
    expect(e.message).toBe('calendar rejected: id: a calendar default already exists');
    expect(kit.calendars.calendars.get('default')!.name).toBe('全国（国务院通知）');
    expect(kit.calendars.loadedBy).toEqual([]);
  });

  it('refuses overlapping working hours, naming workingHours', async () => {
    const kit = slaKit();
    const e = await refusal(
      new CreateCalendarHandler(kit.uow, kit.calendars).execute(
        command({
          workingHours: [
            { start: '08:30', end: '12:00' },
            { start: '11:00', end: '18:00' },
          ],
        }),
      ),
    );
    expect(errorsOf(e)).toEqual([{ field: 'workingHours', messages: [expect.stringMatching(/overlaps/)] }]);
    expect(kit.calendars.calendars.has('zone-east')).toBe(false);
  });
});
