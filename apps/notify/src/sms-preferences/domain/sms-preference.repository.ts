import { SmsPreference } from './sms-preference.aggregate';

/**
 * Each enterprise's SMS choice (an enterprise never set: SMS on). A port: the TypeORM
 * implementation stores it, the in-memory one serves the handler specs.
 */
export abstract class SmsPreferenceRepository {
  /** Reads it without a lock. */
  abstract get(enterpriseId: string): Promise<SmsPreference>;

  /** Reads it and locks it for the rest of the unit of work. */
  abstract lock(enterpriseId: string): Promise<SmsPreference>;

  /** Writes it if it is still at the version it was read at; a 409 otherwise. */
  abstract save(preference: SmsPreference): Promise<void>;
}
