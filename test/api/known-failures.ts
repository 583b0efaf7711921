/**
 * Hostile inputs the edge (libs/platform) cannot refuse for a service: what is left needs the
 * service's own DTO bound or handler fix. The suite reports these and does not fail on them, and it
 * FAILS when an entry no longer fails, so this list can only shrink: fix the service, then delete
 * the entry.
 */
import { InputKind } from './support/hostile-cases';

export type FailureClass = 'no-answer' | '5xx' | 'not-problem' | 'write' | 'edge';

export interface KnownFailure {
  /** As in the API document: `PUT /api/v1/sla/calendars/{calendarId}/working-hours`. */
  operation: string;
  kind: InputKind;
  /** `workingHours`, `query.before`, `params.id`, `body`. */
  field: string;
  failure: FailureClass;
  /** What the service must change. */
  fix: string;
}

export const KNOWN_FAILURES: KnownFailure[] = [];
