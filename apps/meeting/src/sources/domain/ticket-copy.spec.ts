import { TicketCopy, TicketFact } from './agenda-sources';
import { applyFoldedTicketFact, foldTicketFacts } from './ticket-copy';

/** What one fact did to the copy before batches (the former upsert): the reference the fold must match. */
function applyOne(held: TicketCopy | null, f: TicketFact): TicketCopy | null {
  if (held && held.sourceVersion >= f.sourceVersion) return held;
  return {
    ticketId: f.ticketId,
    number: f.number,
    title: f.title ?? held?.title ?? null,
    enterpriseId: f.enterpriseId,
    enterpriseName: f.enterpriseName ?? held?.enterpriseName ?? null,
    leadDepartmentId: f.leadDepartmentId,
    coHandlerDepartmentIds: [...f.coHandlerDepartmentIds],
    status: f.status,
    sourceVersion: f.sourceVersion,
  };
}

function oneByOne(held: Map<string, TicketCopy>, facts: readonly TicketFact[]): Map<string, TicketCopy> {
  const copies = new Map(held);
  for (const f of facts) copies.set(f.ticketId, applyOne(copies.get(f.ticketId) ?? null, f)!);
  return copies;
}

function folded(held: Map<string, TicketCopy>, facts: readonly TicketFact[]): Map<string, TicketCopy> {
  const copies = new Map(held);
  for (const f of foldTicketFacts(facts)) {
    const next = applyFoldedTicketFact(copies.get(f.ticketId) ?? null, f);
    if (next) copies.set(f.ticketId, next);
  }
  return copies;
}

const fact = (ticketId: string, sourceVersion: number, more: Partial<TicketFact> = {}): TicketFact => ({
  ticketId,
  number: `CS-${ticketId}`,
  enterpriseId: 'ent-1',
  leadDepartmentId: null,
  coHandlerDepartmentIds: [],
  status: `s${sourceVersion}`,
  sourceVersion,
  ...more,
});

describe('foldTicketFacts', () => {
  it('folds each ticket into its newest fact, keeping the title and enterprise name it does not carry', () => {
    const facts = [
      fact('a', 1, { title: '道路破损', enterpriseName: '六枝机械厂' }),
      fact('b', 2, { leadDepartmentId: 'dep-tax' }),
      fact('a', 2, { leadDepartmentId: 'dep-tr', coHandlerDepartmentIds: ['dep-ur'] }),
      fact('b', 1, { title: '留抵退税', enterpriseName: '高新电子' }), // late: ignored whole
      fact('a', 4, { leadDepartmentId: 'dep-tr', coHandlerDepartmentIds: ['dep-ur', 'dep-tax'] }),
      fact('a', 3, { leadDepartmentId: 'dep-old' }), // stale
      fact('a', 4, { status: 'repeated' }), // as new as the copy's: ignored
    ];
    expect(foldTicketFacts(facts)).toEqual([
      {
        ticketId: 'a',
        number: 'CS-a',
        enterpriseId: 'ent-1',
        leadDepartmentId: 'dep-tr',
        coHandlerDepartmentIds: ['dep-ur', 'dep-tax'],
        status: 's4',
        sourceVersion: 4,
        title: { value: '道路破损', sourceVersion: 1 },
        enterpriseName: { value: '六枝机械厂', sourceVersion: 1 },
      },
      {
        ticketId: 'b',
        number: 'CS-b',
        enterpriseId: 'ent-1',
        leadDepartmentId: 'dep-tax',
        coHandlerDepartmentIds: [],
        status: 's2',
        sourceVersion: 2,
        title: null,
        enterpriseName: null,
      },
    ]);
  });

  it('gives nothing for no facts', () => {
    expect(foldTicketFacts([])).toEqual([]);
  });
});

describe('applyFoldedTicketFact', () => {
  const held: TicketCopy = {
    ticketId: 'a',
    number: 'CS-a',
    title: null, // the copy began with a later event
    enterpriseId: 'ent-1',
    enterpriseName: '六枝机械厂',
    leadDepartmentId: 'dep-tr',
    coHandlerDepartmentIds: [],
    status: 'assigned',
    sourceVersion: 3,
  };

  it('changes nothing when the copy held is as new', () => {
    expect(applyFoldedTicketFact(held, foldTicketFacts([fact('a', 3), fact('a', 2)])[0])).toBeNull();
  });

  it('takes no title from a fact older than the copy held, though a newer fact follows it', () => {
    const [f] = foldTicketFacts([fact('a', 1, { title: '道路破损', enterpriseName: '旧名' }), fact('a', 4)]);
    expect(applyFoldedTicketFact(held, f)).toEqual({
      ...held,
      number: 'CS-a',
      status: 's4',
      leadDepartmentId: null,
      sourceVersion: 4,
    });
  });

  it('takes the title of a fact newer than the copy held', () => {
    const [f] = foldTicketFacts([fact('a', 4, { title: '道路破损' }), fact('a', 5)]);
    expect(applyFoldedTicketFact(held, f)).toMatchObject({
      title: '道路破损',
      enterpriseName: '六枝机械厂',
      sourceVersion: 5,
    });
  });

  it('makes a copy of a ticket it did not know', () => {
    const [f] = foldTicketFacts([fact('a', 2), fact('a', 1, { title: '道路破损' })]);
    expect(applyFoldedTicketFact(null, f)).toMatchObject({ title: null, sourceVersion: 2, status: 's2' });
  });
});

describe('fold, then apply: what one by one gives', () => {
  // A small deterministic generator: the same cases every run.
  let seed = 20260301;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

  const randomFact = (ticketId: string): TicketFact =>
    fact(ticketId, 1 + Math.floor(random() * 6), {
      number: pick(['CS-1', 'CS-2']),
      enterpriseId: pick(['ent-1', 'ent-2']),
      leadDepartmentId: pick([null, 'dep-tr', 'dep-tax']),
      coHandlerDepartmentIds: pick([[], ['dep-ur'], ['dep-ur', 'dep-tax']]),
      status: pick(['submitted', 'assigned', 'closed']),
      ...(random() < 0.3 ? { title: pick(['标题甲', '标题乙', '']) } : {}),
      ...(random() < 0.3 ? { enterpriseName: pick(['企业甲', '企业乙']) } : {}),
    });

  it('agrees with the facts applied one by one, over copies held or not', () => {
    for (let run = 0; run < 2000; run++) {
      const tickets = ['a', 'b', 'c'].slice(0, 1 + Math.floor(random() * 3));
      const held = oneByOne(
        new Map(),
        Array.from({ length: Math.floor(random() * 3) }, () => randomFact(pick(tickets))),
      );
      const facts = Array.from({ length: 1 + Math.floor(random() * 8) }, () => randomFact(pick(tickets)));
      expect(folded(held, facts)).toEqual(oneByOne(held, facts));
    }
  });
});
