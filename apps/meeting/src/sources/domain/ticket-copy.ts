import { TicketCopy, TicketFact } from './agenda-sources';

/** A field only some events carry (title and enterprise name: ticket.submitted), with the version of the event that carried it. */
export interface CarriedField {
  value: string;
  sourceVersion: number;
}

/**
 * A ticket's facts of one batch folded into one, to be written in one go (an upsert may not touch
 * a row twice in one statement): the fields of its newest fact, and the newest title and
 * enterprise name that a fact of the fold carried, each with its version, since the copy already
 * held may be newer than that fact (see applyFoldedTicketFact).
 */
export type FoldedTicketFact = Omit<TicketFact, 'title' | 'enterpriseName'> & {
  title: CarriedField | null;
  enterpriseName: CarriedField | null;
};

const carried = (value: string | undefined, sourceVersion: number): CarriedField | null =>
  value === undefined ? null : { value, sourceVersion };

function start(f: TicketFact): FoldedTicketFact {
  return {
    ticketId: f.ticketId,
    number: f.number,
    enterpriseId: f.enterpriseId,
    leadDepartmentId: f.leadDepartmentId,
    coHandlerDepartmentIds: [...f.coHandlerDepartmentIds],
    status: f.status,
    sourceVersion: f.sourceVersion,
    title: carried(f.title, f.sourceVersion),
    enterpriseName: carried(f.enterpriseName, f.sourceVersion),
  };
}

/**
 * Folds facts (in delivery order, several tickets, several each) into one per ticket, in the order
 * each ticket first appears, as applying them one by one would: a fact newer than every earlier
 * fact of its ticket overwrites number, enterprise, lead, co-handlers, status and version, and
 * keeps the earlier title and enterprise name when it carries none; a fact not newer (a late or
 * repeated delivery) is ignored whole.
 */
export function foldTicketFacts(facts: readonly TicketFact[]): FoldedTicketFact[] {
  const folded = new Map<string, FoldedTicketFact>();
  for (const f of facts) {
    const held = folded.get(f.ticketId);
    if (!held) {
      folded.set(f.ticketId, start(f));
    } else if (held.sourceVersion < f.sourceVersion) {
      const next = start(f);
      folded.set(f.ticketId, {
        ...next,
        title: next.title ?? held.title,
        enterpriseName: next.enterpriseName ?? held.enterpriseName,
      });
    }
  }
  return [...folded.values()];
}

/**
 * The copy after a folded fact, or null when it changes nothing (the copy held is as new): what the
 * fold's facts applied one by one to `held` give. Newer, its fields replace the held ones; a title
 * (enterprise name) replaces the held one only if the fact that carried it is newer than `held`
 * (one that is not would have been ignored one by one).
 */
export function applyFoldedTicketFact(held: TicketCopy | null, f: FoldedTicketFact): TicketCopy | null {
  if (held && held.sourceVersion >= f.sourceVersion) return null;
  const since = held?.sourceVersion ?? 0;
  const keep = (c: CarriedField | null, kept: string | null | undefined): string | null =>
    c && c.sourceVersion > since ? c.value : (kept ?? null);
  return {
    ticketId: f.ticketId,
    number: f.number,
    title: keep(f.title, held?.title),
    enterpriseId: f.enterpriseId,
    enterpriseName: keep(f.enterpriseName, held?.enterpriseName),
    leadDepartmentId: f.leadDepartmentId,
    coHandlerDepartmentIds: [...f.coHandlerDepartmentIds],
    status: f.status,
    sourceVersion: f.sourceVersion,
  };
}
