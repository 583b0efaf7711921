import { Liaisons } from './liaisons.aggregate';

/**
 * The liaisons of each enterprise. `lockByEnterprise` holds the row for the rest of the unit of work
 * (null when none were ever set); `save` writes the row, its history and its outbox events together.
 */
export abstract class LiaisonsRepository {
  abstract lockByEnterprise(enterpriseId: string): Promise<Liaisons | null>;
  abstract save(liaisons: Liaisons): Promise<void>;
}
