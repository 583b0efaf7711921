/** Directory events from identity, on ticketing.directory.v1, keyed by the entity's id. */
export const DirectoryEvents = {
  departmentUpserted: 'directory.department-upserted',
  enterpriseUpserted: 'directory.enterprise-upserted',
  gridUpserted: 'directory.grid-upserted',
  userUpserted: 'directory.user-upserted',
} as const;

export interface DepartmentUpsertedPayload {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  active: boolean;
}

export interface EnterpriseUpsertedPayload {
  id: string;
  name: string;
  creditCode: string;
  gridId: string | null;
  contacts: { name: string; phone: string; email?: string | null }[];
  active: boolean;
  /** 行业, free text (e.g. 装备制造); absent from events before it was added. */
  industry?: string | null;
  address?: string | null;
}

export interface GridUpsertedPayload {
  id: string;
  code: string;
  name: string;
  instructorUserIds: string[];
}

/** No credentials, ever: only who the user is and what they may see. */
export interface UserUpsertedPayload {
  id: string;
  username: string;
  displayName: string;
  role: string;
  enterpriseId: string | null;
  departmentId: string | null;
  gridIds: string[];
  mobile: string | null;
  email: string | null;
  active: boolean;
}
