import { DomainError, Topics } from '@ticketing/contracts';
import { applyToFact } from './fact-reducer';
import { LedgerProjection, projected } from './ledger-projection.aggregate';
import { ProjectedEntry, TicketFact } from './ticket-fact';

let seq = 100;
const at = (h: number) => new Date(Date.UTC(2026, 2, 2, 1) + h * 3600_000).toISOString();
const ticket = (
  type: string,
  ticketId: string,
  h: number,
  lead: string | null,
  extra: Record<string, unknown> = {},
): ProjectedEntry => ({
  seq: ++seq,
  type,
  topic: Topics.Ticket,
  occurredAt: at(h),
  ticketId,
  payload: {
    ticketId,
    number: `CS-${ticketId}`,
    status: 'assigned',
    enterpriseId: 'e1',
    category: 'labour',
    urgency: 'normal',
    gridId: 'g1',
    leadDepartmentId: lead,
    coHandlerDepartmentIds: [],
    ...extra,
  },
});
const directory = (type: string, payload: Record<string, unknown>): ProjectedEntry => ({
  seq: ++seq,
  type,
  topic: Topics.Directory,
  occurredAt: at(0),
  ticketId: null,
  payload,
});
const fold = (entries: ProjectedEntry[]): TicketFact =>
  entries.reduce<TicketFact | undefined>((f, e) => applyToFact(f, e) ?? f, undefined)!;

describe('LedgerProjection', () => {
  it('folds a chunk over the facts loaded, and keeps the facts it changed in the order they first changed', () => {
    const before = fold([ticket('ticket.submitted', 't1', 0, null), ticket('ticket.assigned', 't1', 1, 'A')]);
    const p = LedgerProjection.of(new Map([['t1', before]]));
    p.apply([
      ticket('ticket.submitted', 't2', 2, null),
      ticket('ticket.acknowledged', 't1', 2, 'A', { status: 'in_progress' }),
      ticket('ticket.assigned', 't2', 3, 'B'),
    ]);
    expect(p.changedFacts.map((f) => [f.ticketId, f.status, f.departmentId])).toEqual([
      ['t2', 'assigned', 'B'],
      ['t1', 'in_progress', 'A'],
    ]);
    expect(p.fact('t1')!.acknowledgedAt).toBe(at(2));
    expect(before.acknowledgedAt).toBeNull(); // the loaded fact is not changed in place
  });

  it('recomputes the rollup rows a changed ticket was in and is in now, a transfer both departments', () => {
    const before = fold([ticket('ticket.submitted', 't3', 0, null), ticket('ticket.assigned', 't3', 1, 'A')]);
    const p = LedgerProjection.of(new Map([['t3', before]]));
    p.apply([ticket('ticket.assigned', 't3', 5, 'B', { via: 'transfer' })]);
    const keys = p.rollupKeys.map((k) => `${k.departmentId}|${k.category}|${k.gridId}|${k.month}`);
    expect(new Set(keys)).toEqual(new Set(['A|labour|g1|2026-03', 'B|labour|g1|2026-03']));
  });

  it('keeps the last copy of each directory entity; of a user its name and role only', () => {
    const p = LedgerProjection.of(new Map());
    p.apply([
      directory('directory.department-upserted', {
        id: 'A',
        code: 'hrss',
        name: '人社',
        nameEn: null,
        active: true,
      }),
      directory('directory.grid-upserted', { id: 'g1', code: 'G1', name: '东区', instructorUserIds: [] }),
      directory('directory.department-upserted', {
        id: 'A',
        code: 'hrss',
        name: '人社局',
        nameEn: 'HRSS',
        active: false,
      }),
      directory('directory.user-upserted', { id: 'u1', username: 'x', displayName: 'X', role: 'admin' }),
    ]);
    expect(p.directoryChanges).toEqual([
      { table: 'departments', id: 'A', code: 'hrss', name: '人社局', nameEn: 'HRSS', active: false },
      { table: 'grids', id: 'g1', code: 'G1', name: '东区' },
      { table: 'users', id: 'u1', name: 'X', role: 'admin', departmentId: null, active: true },
    ]);
    expect(p.changedFacts).toEqual([]);
  });

  it('names the tickets a chunk needs the facts of (directory entries need none)', () => {
    expect(
      LedgerProjection.ticketsOf([
        ticket('ticket.submitted', 't4', 0, null),
        directory('directory.grid-upserted', { id: 'g1' }),
        ticket('ticket.assigned', 't4', 1, 'A'),
        ticket('ticket.submitted', 't5', 1, null),
      ]),
    ).toEqual(['t4', 't5']);
  });

  it('refuses an entry that is not after the last one folded into its ticket: it would count twice', () => {
    const assigned = ticket('ticket.assigned', 't6', 1, 'A', { via: 'transfer' });
    const p = LedgerProjection.of(
      new Map([['t6', fold([ticket('ticket.submitted', 't6', 0, null), assigned])]]),
    );
    const refused = (() => {
      try {
        p.apply([assigned]);
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'conflict', details: { seq: assigned.seq, ticketId: 't6' } });
    expect(p.changedFacts).toEqual([]);
  });

  it('a projection from scratch says so: the whole rollup is recomputed', () => {
    expect(LedgerProjection.fromScratch().fromScratch).toBe(true);
    expect(LedgerProjection.of(new Map()).fromScratch).toBe(false);
  });

  it('reads a chain entry with its payload as a record (anything else as an empty one)', () => {
    const entry = { seq: 1, type: 't', topic: Topics.Ticket, occurredAt: at(0), ticketId: 't7' };
    expect(projected({ ...entry, payload: { a: 1 } }).payload).toEqual({ a: 1 });
    expect(projected({ ...entry, payload: null }).payload).toEqual({});
    expect(projected({ ...entry, payload: [1] }).payload).toEqual({});
  });
});
