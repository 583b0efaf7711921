import { Actor, DepartmentUpsertedPayload, DirectoryEvents, SYSTEM_ACTOR } from '@ticketing/contracts';
import { DirectoryRecord, given } from '../../directory/domain/directory-record';

export interface DepartmentState {
  id: string;
  /** Stable: routing rules elsewhere refer to it, so it never changes. */
  code: string;
  nameZh: string;
  nameEn: string | null;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewDepartment = Pick<DepartmentState, 'id' | 'code' | 'nameZh' | 'nameEn' | 'active'>;

/** What a PATCH asks for: `undefined` leaves a field, `null` clears nameEn. */
export interface DepartmentChange {
  nameZh?: string;
  nameEn?: string | null;
  active?: boolean;
}

/** A department of the zone (部门): who reports for duty on tickets. */
export class Department extends DirectoryRecord<typeof DirectoryEvents.departmentUpserted> {
  readonly id: string;
  readonly code: string;
  private name: { zh: string; en: string | null };
  private isActive: boolean;

  private constructor(s: DepartmentState) {
    super(DirectoryEvents.departmentUpserted, s.version, s.createdAt, s.updatedAt);
    this.id = s.id;
    this.code = s.code;
    this.name = { zh: s.nameZh, en: s.nameEn };
    this.isActive = s.active;
  }

  static fromState(s: DepartmentState): Department {
    return new Department(s);
  }

  /** Added by an admin: announced and audited with what was asked for. */
  static register(d: NewDepartment, actor: Actor, at: Date, asked: Record<string, unknown>): Department {
    const department = new Department({ ...d, version: 1, createdAt: at, updatedAt: at });
    department.announce(actor, at);
    department.audit('department.created', actor, asked);
    return department;
  }

  /** One of the default departments, put in at start: announced by the system, not an admin's act. */
  static seed(d: NewDepartment, at: Date): Department {
    const department = new Department({ ...d, version: 1, createdAt: at, updatedAt: at });
    department.announce(SYSTEM_ACTOR, at);
    return department;
  }

  get nameZh(): string {
    return this.name.zh;
  }

  get nameEn(): string | null {
    return this.name.en;
  }

  get active(): boolean {
    return this.isActive;
  }

  /** Returns false, and changes nothing, when every value asked for is the current one. */
  update(change: DepartmentChange, actor: Actor, at: Date, asked: Record<string, unknown>): boolean {
    const next = {
      zh: given(change.nameZh, this.name.zh),
      en: given(change.nameEn, this.name.en),
      active: given(change.active, this.isActive),
    };
    if (next.zh === this.name.zh && next.en === this.name.en && next.active === this.isActive) return false;
    this.name = { zh: next.zh, en: next.en };
    this.isActive = next.active;
    this.changed(actor, at);
    this.audit('department.updated', actor, asked);
    return true;
  }

  protected payload(): DepartmentUpsertedPayload {
    return { id: this.id, code: this.code, name: this.name.zh, nameEn: this.name.en, active: this.isActive };
  }
}
