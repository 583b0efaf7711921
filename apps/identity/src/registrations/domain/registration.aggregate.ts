import { Actor, DomainError } from '@ticketing/contracts';

export const RegistrationStatuses = ['pending', 'approved', 'rejected'] as const;
export type RegistrationStatus = (typeof RegistrationStatuses)[number];

/** An enterprise's application to join the zone, until the committee or the admin decides on it. */
export interface RegistrationState {
  id: string;
  enterpriseName: string;
  /** 统一社会信用代码, checked at the edge (GB 32100-2015). */
  creditCode: string;
  contactName: string;
  phone: string;
  /** The username the applicant asked for (lowercase). */
  username: string;
  /** The applicant's chosen password, hashed; dropped once the application is decided. */
  passwordHash: string | null;
  status: RegistrationStatus;
  /** Why it was rejected. */
  reason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  /** What approval created. */
  enterpriseId: string | null;
  userId: string | null;
  submittedAt: Date;
  version: number;
}

export type NewRegistration = Pick<
  RegistrationState,
  'id' | 'enterpriseName' | 'creditCode' | 'contactName' | 'phone' | 'username' | 'passwordHash'
>;

/** One line of an application's history. `actor` is null for the applicant, who has no account yet. */
export interface RegistrationHistoryLine {
  action: 'registration.submitted' | 'registration.approved' | 'registration.rejected';
  actor: Actor | null;
  at: Date;
  details: Record<string, unknown>;
}

/**
 * An application is decided once: approved (the enterprise and its first user are created) or
 * rejected with a reason. Its history is kept with it, written by the repository in the same
 * transaction as the row.
 */
export class Registration {
  private lines: RegistrationHistoryLine[] = [];

  private constructor(private s: RegistrationState) {}

  static submit(r: NewRegistration, at: Date): Registration {
    const registration = new Registration({
      ...r,
      status: 'pending',
      reason: null,
      decidedBy: null,
      decidedAt: null,
      enterpriseId: null,
      userId: null,
      submittedAt: at,
      version: 1,
    });
    registration.lines.push({
      action: 'registration.submitted',
      actor: null,
      at,
      details: { enterpriseName: r.enterpriseName, creditCode: r.creditCode, username: r.username },
    });
    return registration;
  }

  static fromState(s: RegistrationState): Registration {
    return new Registration(s);
  }

  get state(): Readonly<RegistrationState> {
    return this.s;
  }
  get id(): string {
    return this.s.id;
  }
  get status(): RegistrationStatus {
    return this.s.status;
  }

  /**
   * Hands over the applicant's password hash for the new user account, and records the decision.
   * The ids are those of the enterprise and the user the handler creates with it.
   */
  approve(ids: { enterpriseId: string; userId: string }, actor: Actor, at: Date): string {
    this.mustBePending();
    const passwordHash = this.s.passwordHash;
    if (!passwordHash)
      throw new DomainError('illegalTransition', `registration ${this.s.id} has no password`);
    this.decide('approved', actor, at, { ...ids, passwordHash: null, reason: null });
    this.lines.push({ action: 'registration.approved', actor, at, details: ids });
    return passwordHash;
  }

  reject(reason: string, actor: Actor, at: Date): void {
    this.mustBePending();
    this.decide('rejected', actor, at, { passwordHash: null, reason });
    this.lines.push({ action: 'registration.rejected', actor, at, details: { reason } });
  }

  /** What happened since the last call, for the repository to store with the row. */
  pullHistory(): RegistrationHistoryLine[] {
    const lines = this.lines;
    this.lines = [];
    return lines;
  }

  private mustBePending(): void {
    if (this.s.status !== 'pending')
      throw new DomainError(
        'illegalTransition',
        `registration ${this.s.id} was already ${this.s.status}; it cannot be decided again`,
      );
  }

  private decide(
    status: RegistrationStatus,
    actor: Actor,
    at: Date,
    change: Partial<RegistrationState>,
  ): void {
    this.s = {
      ...this.s,
      ...change,
      status,
      decidedBy: actor.id,
      decidedAt: at,
      version: this.s.version + 1,
    };
  }
}
