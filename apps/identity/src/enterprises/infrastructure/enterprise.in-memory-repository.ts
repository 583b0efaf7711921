import { DirectoryEvents } from '@ticketing/contracts';
import { RecordedChanges } from '../../directory/infrastructure/recorded-changes';
import { Enterprise, EnterpriseState } from '../domain/enterprise.aggregate';
import { EnterpriseRepository } from '../domain/enterprise.repository';

/** Enterprises in a map, for handler specs: `changes` keeps what each save stored besides the row. */
export class InMemoryEnterpriseRepository extends EnterpriseRepository {
  readonly rows = new Map<string, EnterpriseState>();
  readonly changes = new RecordedChanges<typeof DirectoryEvents.enterpriseUpserted>('enterprise');

  constructor(...enterprises: EnterpriseState[]) {
    super();
    for (const e of enterprises) this.rows.set(e.id, structuredClone(e));
  }

  async findByIdForUpdate(id: string): Promise<Enterprise | null> {
    const row = this.rows.get(id);
    return row ? Enterprise.fromState(structuredClone(row)) : null;
  }

  async exists(id: string): Promise<boolean> {
    return this.rows.has(id);
  }

  async creditCodeTaken(creditCode: string, exceptId?: string): Promise<boolean> {
    return [...this.rows.values()].some((e) => e.creditCode === creditCode && e.id !== exceptId);
  }

  async save(e: Enterprise): Promise<void> {
    this.rows.set(e.id, {
      id: e.id,
      name: e.name,
      creditCode: e.creditCode,
      industry: e.industry,
      address: e.address,
      gridId: e.gridId,
      contacts: e.contacts,
      active: e.active,
      version: e.version,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
    this.changes.add(e.id, e.pullChanges());
  }
}
