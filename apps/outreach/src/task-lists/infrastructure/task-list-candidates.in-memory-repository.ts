import { TaskListCandidates } from '../domain/task-list-candidates';
import { PlanCandidate } from '../domain/visit-plan';

/** Candidates as a spec sets them, by instructor. */
export class InMemoryTaskListCandidates extends TaskListCandidates {
  readonly byInstructor = new Map<string, PlanCandidate[]>();

  async candidatesFor(instructorUserId: string): Promise<PlanCandidate[]> {
    return this.byInstructor.get(instructorUserId) ?? [];
  }
}
