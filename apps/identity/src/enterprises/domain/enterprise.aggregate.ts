import { Actor, DirectoryEvents, EnterpriseUpsertedPayload, SYSTEM_ACTOR } from '@ticketing/contracts';
import { DirectoryRecord, given } from '../../directory/domain/directory-record';

export interface EnterpriseContact {
  name: string;
  phone: string;
  email?: string | null;
}

export interface EnterpriseState {
  id: string;
  name: string;
  /** 统一社会信用代码, checked at the edge (GB 32100-2015) and unique. */
  creditCode: string;
  industry: string | null;
  address: string | null;
  gridId: string | null;
  contacts: EnterpriseContact[];
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewEnterprise = Omit<EnterpriseState, 'version' | 'createdAt' | 'updatedAt'>;

/** What a PATCH asks for: `undefined` leaves a field, `null` clears it; `contacts` is the full new list. */
export interface EnterpriseChange {
  name?: string;
  creditCode?: string;
  industry?: string | null;
  address?: string | null;
  gridId?: string | null;
  contacts?: EnterpriseContact[];
  active?: boolean;
}

/** Stored and announced alike: an absent e-mail is null. */
const normalised = (contacts: EnterpriseContact[]): EnterpriseContact[] =>
  contacts.map((c) => ({ name: c.name, phone: c.phone, email: c.email ?? null }));

const sameContacts = (a: EnterpriseContact[], b: EnterpriseContact[]): boolean =>
  a.length === b.length &&
  a.every(
    (c, i) => c.name === b[i].name && c.phone === b[i].phone && (c.email ?? null) === (b[i].email ?? null),
  );

/** An enterprise's profile (一企一档): who it is, where it is, whom to call. */
export class Enterprise extends DirectoryRecord<typeof DirectoryEvents.enterpriseUpserted> {
  readonly id: string;
  private s: NewEnterprise;

  private constructor(s: EnterpriseState) {
    super(DirectoryEvents.enterpriseUpserted, s.version, s.createdAt, s.updatedAt);
    this.id = s.id;
    this.s = {
      id: s.id,
      name: s.name,
      creditCode: s.creditCode,
      industry: s.industry,
      address: s.address,
      gridId: s.gridId,
      contacts: s.contacts,
      active: s.active,
    };
  }

  static fromState(s: EnterpriseState): Enterprise {
    return new Enterprise(s);
  }

  /** Registered by an admin: announced and audited with what was asked for. */
  static register(e: NewEnterprise, actor: Actor, at: Date, asked: Record<string, unknown>): Enterprise {
    const enterprise = new Enterprise({
      ...e,
      contacts: normalised(e.contacts),
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    enterprise.announce(actor, at);
    enterprise.audit('enterprise.created', actor, asked);
    return enterprise;
  }

  /** A demo enterprise put in at the first start: announced by the system, not an admin's act. */
  static seed(e: NewEnterprise, at: Date): Enterprise {
    const enterprise = new Enterprise({ ...e, version: 1, createdAt: at, updatedAt: at });
    enterprise.announce(SYSTEM_ACTOR, at);
    return enterprise;
  }

  get name(): string {
    return this.s.name;
  }
  get creditCode(): string {
    return this.s.creditCode;
  }
  get industry(): string | null {
    return this.s.industry;
  }
  get address(): string | null {
    return this.s.address;
  }
  get gridId(): string | null {
    return this.s.gridId;
  }
  get contacts(): EnterpriseContact[] {
    return this.s.contacts.map((c) => ({ ...c }));
  }
  get active(): boolean {
    return this.s.active;
  }

  /** Returns false, and changes nothing, when every value asked for is the current one. */
  update(change: EnterpriseChange, actor: Actor, at: Date, asked: Record<string, unknown>): boolean {
    const next: NewEnterprise = {
      id: this.id,
      name: given(change.name, this.s.name),
      creditCode: given(change.creditCode, this.s.creditCode),
      industry: given(change.industry, this.s.industry),
      address: given(change.address, this.s.address),
      gridId: given(change.gridId, this.s.gridId),
      contacts: change.contacts === undefined ? this.s.contacts : normalised(change.contacts),
      active: given(change.active, this.s.active),
    };
    const same =
      next.name === this.s.name &&
      next.creditCode === this.s.creditCode &&
      next.industry === this.s.industry &&
      next.address === this.s.address &&
      next.gridId === this.s.gridId &&
      sameContacts(next.contacts, this.s.contacts) &&
      next.active === this.s.active;
    if (same) return false;
    this.s = next;
    this.changed(actor, at);
    this.audit('enterprise.updated', actor, asked);
    return true;
  }

  protected payload(): EnterpriseUpsertedPayload {
    return {
      id: this.id,
      name: this.s.name,
      creditCode: this.s.creditCode,
      gridId: this.s.gridId,
      contacts: normalised(this.s.contacts),
      active: this.s.active,
      industry: this.s.industry,
      address: this.s.address,
    };
  }
}
