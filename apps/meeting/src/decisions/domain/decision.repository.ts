import { Decision, DecisionClock } from './decision.aggregate';

/** A decision still open (or done, not closed) that no scheduled meeting has on its agenda yet. */
export interface FollowUpDecision {
  decisionId: string;
  title: string;
  ticketId: string | null;
  ticketNumber: string | null;
  needId: string | null;
  enterpriseId: string | null;
  departmentIds: string[];
}

/** Decisions. `lockById` holds the decision for the rest of the unit of work. */
export abstract class DecisionRepository {
  abstract lockById(id: string): Promise<Decision | null>;
  abstract add(decision: Decision): Promise<void>;
  abstract save(decision: Decision): Promise<void>;
  /** The open decisions of earlier meetings to report on at the next one, oldest first. */
  abstract awaitingFollowUp(): Promise<FollowUpDecision[]>;
  /** What the SLA engine said of the clock; false when the decision is unknown. Not a change of the decision. */
  abstract recordClock(decisionId: string, clock: Partial<DecisionClock>): Promise<boolean>;
}
