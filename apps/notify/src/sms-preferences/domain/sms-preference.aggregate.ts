import { DomainError } from '@ticketing/contracts';

export interface SmsPreferenceState {
  enterpriseId: string;
  /** SMS about the enterprise's tickets go to its contact's phone. */
  enabled: boolean;
  /** 0: never set (SMS are on). */
  version: number;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** Whether a user may set an enterprise's SMS: its own users only. */
export function assertOwnEnterprise(user: { role: string; enterpriseId?: string }): string {
  if (user.role !== 'enterprise' || !user.enterpriseId)
    throw new DomainError('forbidden', 'only an enterprise user turns SMS for its own tickets on or off');
  return user.enterpriseId;
}

/**
 * An enterprise's choice about SMS to its contact's phone: on until it turns them off. Setting
 * the value it has changes nothing (no new version).
 */
export class SmsPreference {
  private changed = false;

  private constructor(
    private state: SmsPreferenceState,
    private storedVersion: number,
  ) {}

  /** Never set: SMS are on. */
  static initial(enterpriseId: string): SmsPreference {
    return new SmsPreference(
      { enterpriseId, enabled: true, version: 0, updatedBy: null, updatedAt: null },
      0,
    );
  }

  static restore(state: SmsPreferenceState): SmsPreference {
    return new SmsPreference({ ...state }, state.version);
  }

  get enabled(): boolean {
    return this.state.enabled;
  }
  get version(): number {
    return this.state.version;
  }

  snapshot(): SmsPreferenceState {
    return { ...this.state };
  }

  /** False (and nothing changes) when it is already so. */
  set(enabled: boolean, by: string, now: Date): boolean {
    if (enabled === this.state.enabled && this.state.version > 0) return false;
    this.state = { ...this.state, enabled, version: this.state.version + 1, updatedBy: by, updatedAt: now };
    this.changed = true;
    return true;
  }

  pullChanges(): { storedVersion: number; changed: boolean } {
    const pulled = { storedVersion: this.storedVersion, changed: this.changed };
    this.changed = false;
    this.storedVersion = this.state.version;
    return pulled;
  }
}
