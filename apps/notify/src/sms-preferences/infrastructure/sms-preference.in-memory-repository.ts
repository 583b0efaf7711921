import { DomainError } from '@ticketing/contracts';
import { SmsPreference, SmsPreferenceState } from '../domain/sms-preference.aggregate';
import { SmsPreferenceRepository } from '../domain/sms-preference.repository';

/** SMS choices in a map, for handler specs. */
export class InMemorySmsPreferenceRepository extends SmsPreferenceRepository {
  readonly rows = new Map<string, SmsPreferenceState>();

  async get(enterpriseId: string): Promise<SmsPreference> {
    const row = this.rows.get(enterpriseId);
    return row ? SmsPreference.restore(row) : SmsPreference.initial(enterpriseId);
  }

  lock(enterpriseId: string): Promise<SmsPreference> {
    return this.get(enterpriseId);
  }

  async save(p: SmsPreference): Promise<void> {
    const { storedVersion, changed } = p.pullChanges();
    if (!changed) return;
    const s = p.snapshot();
    if ((this.rows.get(s.enterpriseId)?.version ?? 0) !== storedVersion)
      throw new DomainError('versionConflict', `the SMS choice of ${s.enterpriseId} was changed meanwhile`);
    this.rows.set(s.enterpriseId, s);
  }
}
