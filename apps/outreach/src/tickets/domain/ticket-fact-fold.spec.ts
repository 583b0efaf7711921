import { TicketCopy, TicketFact } from './ticket-copies';
import { copyAfter, foldTicketFacts } from './ticket-fact-fold';

/** One fact on the copy, as the copy took facts one statement each before the fold (the reference). */
function oneByOne(held: TicketCopy | null, f: TicketFact): TicketCopy {
  if (held && held.sourceVersion >= f.sourceVersion) return held;
  return {
    ticketId: f.ticketId,
    number: f.number,
    enterpriseId: f.enterpriseId,
    gridId: f.gridId,
    leadDepartmentId: f.leadDepartmentId,
    coHandlerDepartmentIds: [...f.coHandlerDepartmentIds],
    status: f.status,
    visitId: held?.visitId ?? f.visit?.id ?? null,
    visitProblemIndex: held?.visitProblemIndex ?? f.visit?.problemIndex ?? null,
    solved: f.outcome !== undefined ? (f.outcome?.solved ?? null) : (held?.solved ?? null),
    satisfaction: f.outcome !== undefined ? (f.outcome?.satisfaction ?? null) : (held?.satisfaction ?? null),
    closedAt: f.closedAt !== undefined ? f.closedAt : (held?.closedAt ?? null),
    sourceVersion: f.sourceVersion,
  };
}

type Copies = Map<string, TicketCopy>;

const sequentially = (held: Copies, facts: TicketFact[]): Copies => {
  const rows = new Map(held);
  for (const f of facts) rows.set(f.ticketId, oneByOne(rows.get(f.ticketId) ?? null, f));
  return rows;
};

const folded = (held: Copies, facts: TicketFact[]): Copies => {
  const rows = new Map(held);
  for (const f of foldTicketFacts(facts)) rows.set(f.ticketId, copyAfter(rows.get(f.ticketId) ?? null, f));
  return rows;
};

const fact = (ticketId: string, sourceVersion: number, over: Partial<TicketFact> = {}): TicketFact => ({
  ticketId,
  number: `CS-${ticketId}`,
  enterpriseId: 'ent-1',
  gridId: 'grid-1',
  leadDepartmentId: null,
  coHandlerDepartmentIds: [],
  status: `s${sourceVersion}`,
  sourceVersion,
  ...over,
});

const CLOSED = new Date('2026-03-05T08:00:00Z');

describe('foldTicketFacts', () => {
  it('one folded fact per ticket, in the order tickets first appear; a fact not newer than an earlier one is dropped', () => {
    const out = foldTicketFacts([
      fact('b', 1, { visit: { id: 'visit-1', problemIndex: 2 } }),
      fact('a', 1),
      fact('b', 3, { leadDepartmentId: 'dep-1', coHandlerDepartmentIds: ['dep-2'] }),
      fact('b', 2, { outcome: { solved: true, satisfaction: 'satisfied' } }), // late: dropped
      fact('a', 2, { outcome: { solved: false, satisfaction: 'unsatisfied' } }),
      fact('a', 4, { closedAt: CLOSED }),
      fact('a', 3, { closedAt: null }), // late: dropped
    ]);
    expect(out.map((f) => f.ticketId)).toEqual(['b', 'a']);
    expect(out[0]).toEqual({
      ...fact('b', 3, { leadDepartmentId: 'dep-1', coHandlerDepartmentIds: ['dep-2'] }),
      visitId: { value: 'visit-1', version: 1 },
      visitProblemIndex: { value: 2, version: 1 },
      outcome: null,
      closedAt: null,
    });
    expect(out[1]).toMatchObject({
      status: 's4',
      sourceVersion: 4,
      visitId: null,
      outcome: { value: { solved: false, satisfaction: 'unsatisfied' }, version: 2 },
      closedAt: { value: CLOSED, version: 4 },
    });
  });

  it('the last outcome given wins, a reset (null) included; the first visit is kept', () => {
    const [f] = foldTicketFacts([
      fact('a', 1, { visit: { id: 'visit-1', problemIndex: null } }),
      fact('a', 2, { visit: { id: 'visit-2', problemIndex: 3 } }),
      fact('a', 5, { outcome: { solved: true, satisfaction: 'satisfied' } }),
      fact('a', 6, { outcome: null }),
      fact('a', 7),
    ]);
    expect(f).toMatchObject({
      sourceVersion: 7,
      visitId: { value: 'visit-1', version: 1 },
      visitProblemIndex: { value: 3, version: 2 },
      outcome: { value: null, version: 6 },
    });
  });
});

describe('copyAfter', () => {
  const held: TicketCopy = {
    ...fact('a', 5),
    visitId: null,
    visitProblemIndex: null,
    solved: true,
    satisfaction: 'satisfied',
    closedAt: CLOSED,
  };

  it('a fold not newer than the copy changes nothing', () => {
    const [f] = foldTicketFacts([fact('a', 4, { outcome: null }), fact('a', 5, { status: 'other' })]);
    expect(copyAfter(held, f)).toBe(held);
  });

  it('what a fact older than the copy gave does not count, even folded with a newer one', () => {
    const facts = [
      fact('a', 4, { outcome: null, closedAt: null, visit: { id: 'visit-1', problemIndex: 1 } }),
      fact('a', 6),
    ];
    const [f] = foldTicketFacts(facts);
    expect(copyAfter(held, f)).toEqual({ ...held, status: 's6', sourceVersion: 6 });
    expect(copyAfter(held, f)).toEqual(facts.reduce(oneByOne, held));
  });

  it('with no copy held, everything the facts gave counts', () => {
    const [f] = foldTicketFacts([
      fact('a', 1, { visit: { id: 'visit-1', problemIndex: 0 } }),
      fact('a', 2, { outcome: { solved: false, satisfaction: 'unsatisfied' }, closedAt: CLOSED }),
    ]);
    expect(copyAfter(null, f)).toEqual({
      ...fact('a', 2),
      visitId: 'visit-1',
      visitProblemIndex: 0,
      solved: false,
      satisfaction: 'unsatisfied',
      closedAt: CLOSED,
    });
  });

  it('equals one-by-one application on random copies and random batches', () => {
    // A small deterministic generator (mulberry32), so that a failure can be replayed.
    let seed = 20260305;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const outcomes = [
      undefined,
      null,
      { solved: true, satisfaction: 'satisfied' },
      { solved: false, satisfaction: null },
    ];
    const closings = [undefined, null, CLOSED, new Date('2026-04-01T00:00:00Z')];
    const tickets = ['a', 'b', 'c'];

    for (let run = 0; run < 3000; run++) {
      const held: Copies = new Map();
      for (const id of tickets) {
        if (random() < 0.4) continue;
        held.set(id, {
          ...fact(id, 1 + Math.floor(random() * 6)),
          visitId: random() < 0.5 ? 'visit-held' : null,
          visitProblemIndex: random() < 0.5 ? 9 : null,
          solved: pick([null, true, false]),
          satisfaction: pick([null, 'basically_satisfied']),
          closedAt: pick([null, CLOSED]),
        });
      }
      const facts = Array.from({ length: 1 + Math.floor(random() * 12) }, () => {
        const version = 1 + Math.floor(random() * 9);
        return fact(pick(tickets), version, {
          status: pick(['assigned', 'resolved', 'closed']),
          leadDepartmentId: pick([null, 'dep-1', 'dep-2']),
          coHandlerDepartmentIds: pick([[], ['dep-3'], ['dep-3', 'dep-4']]),
          // Only ticket.submitted (version 1) names a visit.
          ...(version === 1 && random() < 0.6
            ? { visit: { id: pick(['visit-1', 'visit-2']), problemIndex: pick([null, 0, 2]) } }
            : {}),
          ...(random() < 0.5 ? { outcome: pick(outcomes) } : {}),
          ...(random() < 0.4 ? { closedAt: pick(closings) } : {}),
        });
      });
      expect({ run, rows: folded(held, facts) }).toEqual({ run, rows: sequentially(held, facts) });
    }
  });
});
