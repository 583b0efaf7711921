import { Registration, RegistrationHistoryLine, RegistrationState } from '../domain/registration.aggregate';
import { RegistrationRepository } from '../domain/registration.repository';

/** Applications in a map, for handler specs: `history` keeps the lines each save stored. */
export class InMemoryRegistrationRepository extends RegistrationRepository {
  readonly rows = new Map<string, RegistrationState>();
  readonly history: (RegistrationHistoryLine & { registrationId: string })[] = [];

  constructor(...registrations: RegistrationState[]) {
    super();
    for (const r of registrations) this.rows.set(r.id, structuredClone(r));
  }

  async findByIdForUpdate(id: string): Promise<Registration | null> {
    const row = this.rows.get(id);
    return row ? Registration.fromState(structuredClone(row)) : null;
  }

  async pendingWithCreditCode(creditCode: string): Promise<boolean> {
    return [...this.rows.values()].some((r) => r.status === 'pending' && r.creditCode === creditCode);
  }

  async pendingWithUsername(username: string): Promise<boolean> {
    return [...this.rows.values()].some(
      (r) => r.status === 'pending' && r.username.toLowerCase() === username.toLowerCase(),
    );
  }

  async save(r: Registration): Promise<void> {
    this.rows.set(r.id, structuredClone({ ...r.state }));
    this.history.push(...r.pullHistory().map((l) => ({ ...l, registrationId: r.id })));
  }
}
