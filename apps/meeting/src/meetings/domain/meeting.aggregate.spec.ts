import { Actor, DomainError } from '@ticketing/contracts';
import { AgendaItem, Meeting } from './meeting.aggregate';

const AT = new Date('2026-03-10T02:00:00Z');
const committee: Actor = { id: 'u-com', role: 'committee' };
const item = (over: Partial<AgendaItem> = {}): AgendaItem => ({
  itemId: 'i-1',
  kind: 'ticket',
  source: 'escalation',
  title: '道路破损',
  ticketId: 't-1',
  ticketNumber: 'CS-2026-000001',
  needId: null,
  decisionId: null,
  enterpriseId: 'ent-1',
  departmentIds: ['dep-tr', 'dep-ur'],
  addedAt: AT,
  ...over,
});
const schedule = (agenda: AgendaItem[] = [item()]) =>
  Meeting.schedule({
    id: 'm-1',
    title: ' 联席会议 ',
    startsAt: new Date('2026-03-20T06:30:00Z'),
    place: '会议室',
    convenor: { id: 'u-com', name: '张书记' },
    agenda,
    invitedDepartmentIds: ['dep-tax'],
    invitedEnterpriseIds: [],
    actor: committee,
    at: AT,
  });
const error = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
};
const fields = (e: DomainError) => (e.details as { errors: { field: string }[] }).errors.map((f) => f.field);

describe('Meeting', () => {
  it('is scheduled with the items’ departments and enterprises invited, announced whole', () => {
    const m = schedule();
    const [c] = m.pullChanges();
    expect(c).toMatchObject({
      eventType: 'meeting.scheduled',
      version: 1,
      payload: {
        title: '联席会议',
        invitedDepartmentIds: ['dep-tax', 'dep-tr', 'dep-ur'],
        invitedEnterpriseIds: ['ent-1'],
        agenda: [{ itemId: 'i-1', kind: 'ticket', source: 'escalation', ticketNumber: 'CS-2026-000001' }],
      },
    });
    expect(c.payload).not.toHaveProperty('agenda.0.departmentIds');
  });

  it('refuses an empty agenda, a ticket twice and an empty title', () => {
    expect(fields(error(() => schedule([])))).toEqual(['items']);
    expect(fields(error(() => schedule([item(), item({ itemId: 'i-2' })])))).toEqual(['items.1']);
    expect(fields(error(() => schedule([item({ kind: 'topic', ticketId: null, title: ' ' })])))).toEqual([
      'items.0.title',
    ]);
  });

  it('a ticket and a follow-up of a decision on that ticket may share an agenda', () => {
    const followUp = item({ itemId: 'i-2', kind: 'decision', source: 'follow_up', decisionId: 'd-1' });
    expect(schedule([item(), followUp]).snapshot().agenda).toHaveLength(2);
  });

  it('changes before it is held; a change of nothing is refused; the items’ departments stay invited', () => {
    const m = schedule();
    m.pullChanges();
    m.update({ invitedDepartmentIds: [] }, committee, AT);
    expect(m.snapshot().invitedDepartmentIds).toEqual(['dep-tr', 'dep-ur']);
    expect(m.version).toBe(2);
    expect(error(() => m.update({ place: '会议室' }, committee, AT)).message).toContain('nothing to change');
    m.update(
      {
        addItems: [
          item({
            itemId: 'i-3',
            kind: 'need',
            ticketId: null,
            needId: 'n-1',
            enterpriseId: 'ent-2',
            departmentIds: [],
          }),
        ],
      },
      committee,
      AT,
    );
    expect(m.snapshot().invitedEnterpriseIds).toEqual(['ent-1', 'ent-2']);
    expect(m.pullChanges().map((c) => c.eventType)).toEqual(['meeting.updated', 'meeting.updated']);
  });

  it('is held once, with one decision per agenda item at most; then nothing changes it', () => {
    const m = schedule();
    m.pullChanges();
    expect(
      fields(
        error(() =>
          m.hold(
            {
              heldAt: AT,
              attendance: { departmentIds: [], enterpriseIds: [], people: [] },
              summary: '纪要',
              decisions: [{ decisionId: 'd-1', itemId: 'i-9' }],
            },
            committee,
            AT,
          ),
        ),
      ),
    ).toEqual(['decisions.0.itemId']);
    expect(
      fields(
        error(() =>
          m.hold(
            {
              heldAt: new Date(AT.getTime() + 3600_000),
              attendance: { departmentIds: [], enterpriseIds: [], people: [] },
              summary: '纪要',
              decisions: [],
            },
            committee,
            AT,
          ),
        ),
      ),
    ).toEqual(['heldAt']);
    m.hold(
      {
        heldAt: AT,
        attendance: { departmentIds: ['dep-tr', 'dep-tr'], enterpriseIds: [], people: [' 张书记 ', ''] },
        summary: '纪要',
        decisions: [{ decisionId: 'd-1', itemId: 'i-1' }],
      },
      committee,
      AT,
    );
    expect(m.pullChanges()[0]).toMatchObject({
      eventType: 'meeting.held',
      payload: { attendance: { departmentIds: ['dep-tr'], people: ['张书记'] }, decisionIds: ['d-1'] },
    });
    expect(error(() => m.cancel('改期', committee, AT)).code).toBe('illegalTransition');
    expect(error(() => m.update({ place: '二楼' }, committee, AT)).code).toBe('illegalTransition');
  });

  it('a stale version is a conflict naming where it stands', () => {
    const e = error(() => schedule().assertVersion(3));
    expect(e.code).toBe('versionConflict');
    expect(e.details).toMatchObject({ currentVersion: 1, currentStatus: 'scheduled' });
  });
});
