import { TicketCopy, TicketFact } from './ticket-copies';

/** A value one fact gave, with that fact's version: on a held copy it counts only if newer than the copy. */
export interface Given<T> {
  value: T;
  version: number;
}

/**
 * One ticket's facts of a list, folded in order, so that the copy takes them in one write. The
 * scope and status are the newest fact's; what a fact only sometimes says (its visit, its outcome,
 * its closing) carries the version of the fact that said it, because on a copy held at version S a
 * fact not newer than S changes nothing: such a value counts only if its version is above S.
 */
export type FoldedTicketFact = Omit<TicketFact, 'visit' | 'outcome' | 'closedAt'> & {
  /** The first visit named (kept once known). */
  visitId: Given<string> | null;
  /** The first problem index given with a visit (kept once known). */
  visitProblemIndex: Given<number> | null;
  /** The last outcome given; its value null: cleared (reopened). null: no fact gave one. */
  outcome: Given<NonNullable<TicketFact['outcome']> | null> | null;
  /** The last closing time given. null: no fact gave one. */
  closedAt: Given<Date | null> | null;
};

/**
 * Folds facts (any tickets, in delivery order) into one per ticket, in the order each ticket first
 * appears. Within a ticket a fact not newer than every earlier one is dropped, as one by one it
 * would meet a copy at least that new; the rest follow each other in rising versions.
 *
 * Exact against one-by-one application on any held copy (see `copyAfter`) for everything but one
 * case nobody publishes: two facts of a ticket naming a visit (only ticket.submitted, version 1,
 * names one) while the copy holds no visit at a version between theirs; the later visit is lost.
 */
export function foldTicketFacts(facts: readonly TicketFact[]): FoldedTicketFact[] {
  const folded = new Map<string, FoldedTicketFact>();
  for (const f of facts) {
    const before = folded.get(f.ticketId);
    if (before && before.sourceVersion >= f.sourceVersion) continue;
    const given = <T>(value: T): Given<T> => ({ value, version: f.sourceVersion });
    folded.set(f.ticketId, {
      ticketId: f.ticketId,
      number: f.number,
      enterpriseId: f.enterpriseId,
      gridId: f.gridId,
      leadDepartmentId: f.leadDepartmentId,
      coHandlerDepartmentIds: [...f.coHandlerDepartmentIds],
      status: f.status,
      sourceVersion: f.sourceVersion,
      visitId: before?.visitId ?? (f.visit ? given(f.visit.id) : null),
      visitProblemIndex:
        before?.visitProblemIndex ??
        (f.visit && f.visit.problemIndex !== null ? given(f.visit.problemIndex) : null),
      outcome: f.outcome !== undefined ? given(f.outcome) : (before?.outcome ?? null),
      closedAt: f.closedAt !== undefined ? given(f.closedAt) : (before?.closedAt ?? null),
    });
  }
  return [...folded.values()];
}

/**
 * The copy after a folded fact: unchanged when it holds a version at least as new; otherwise the
 * newest scope and status, the visit kept once known, and the outcome and closing time given by a
 * fact newer than the copy (else the copy's). What the repositories write, the SQL one included.
 */
export function copyAfter(held: TicketCopy | null, f: FoldedTicketFact): TicketCopy {
  if (held && held.sourceVersion >= f.sourceVersion) return held;
  const heldVersion = held?.sourceVersion ?? 0;
  const counts = <T>(g: Given<T> | null): g is Given<T> => g !== null && g.version > heldVersion;
  return {
    ticketId: f.ticketId,
    number: f.number,
    enterpriseId: f.enterpriseId,
    gridId: f.gridId,
    leadDepartmentId: f.leadDepartmentId,
    coHandlerDepartmentIds: [...f.coHandlerDepartmentIds],
    status: f.status,
    visitId: held?.visitId ?? (counts(f.visitId) ? f.visitId.value : null),
    visitProblemIndex:
      held?.visitProblemIndex ?? (counts(f.visitProblemIndex) ? f.visitProblemIndex.value : null),
    solved: counts(f.outcome) ? (f.outcome.value?.solved ?? null) : (held?.solved ?? null),
    satisfaction: counts(f.outcome) ? (f.outcome.value?.satisfaction ?? null) : (held?.satisfaction ?? null),
    closedAt: counts(f.closedAt) ? f.closedAt.value : (held?.closedAt ?? null),
    sourceVersion: f.sourceVersion,
  };
}
