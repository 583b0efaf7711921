import { Visit } from './visit.aggregate';

/** Visits. `lockById` holds the visit for the rest of the unit of work. */
export abstract class VisitRepository {
  abstract lockById(id: string): Promise<Visit | null>;
  abstract add(visit: Visit): Promise<void>;
  abstract save(visit: Visit): Promise<void>;
}
