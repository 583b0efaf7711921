import { PlanCandidate } from './visit-plan';

/**
 * The enterprises an instructor looks after, with when they were last visited: those that name them
 * as liaison instructor, and the enterprises of their grids that name no instructor at all.
 */
export abstract class TaskListCandidates {
  abstract candidatesFor(
    instructorUserId: string,
    gridIds: string[],
    month: string,
  ): Promise<PlanCandidate[]>;
}
