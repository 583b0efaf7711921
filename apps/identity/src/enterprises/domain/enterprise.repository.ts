import { Enterprise } from './enterprise.aggregate';

/** Where enterprise profiles are kept. `save` stores the row, its audit notes and its events together. */
export abstract class EnterpriseRepository {
  /** Locks the row for the rest of the unit of work: two admins on one profile are serialised. */
  abstract findByIdForUpdate(id: string): Promise<Enterprise | null>;
  abstract exists(id: string): Promise<boolean>;
  /** Whether another enterprise than `exceptId` holds the code. */
  abstract creditCodeTaken(creditCode: string, exceptId?: string): Promise<boolean>;
  abstract save(enterprise: Enterprise): Promise<void>;
}
