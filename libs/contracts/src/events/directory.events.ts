import { Flag, Id, Ids, Instant, NestedList, OneOf, optional, Text } from './payload-rules';

/** Directory events from identity, on ticketing.directory.v1, keyed by the entity's id. */
export const DirectoryEvents = {
  departmentUpserted: 'directory.department-upserted',
  enterpriseUpserted: 'directory.enterprise-upserted',
  gridUpserted: 'directory.grid-upserted',
  userUpserted: 'directory.user-upserted',
  sessionsRevoked: 'directory.sessions-revoked',
} as const;
export type DirectoryEventType = (typeof DirectoryEvents)[keyof typeof DirectoryEvents];

export class DepartmentUpsertedPayload {
  @Id() id!: string;
  @Text() code!: string;
  @Text() name!: string;
  @Text(optional) nameEn!: string | null;
  @Flag() active!: boolean;
}

export class EnterpriseContact {
  @Text() name!: string;
  @Text() phone!: string;
  @Text(optional) email?: string | null;
}

export class EnterpriseUpsertedPayload {
  @Id() id!: string;
  @Text() name!: string;
  @Text() creditCode!: string;
  @Id(optional) gridId!: string | null;
  @NestedList(EnterpriseContact) contacts!: EnterpriseContact[];
  @Flag() active!: boolean;
  /** 行业, free text (e.g. 装备制造); absent from events before it was added. */
  @Text(optional) industry?: string | null;
  @Text(optional) address?: string | null;
}

export class GridUpsertedPayload {
  @Id() id!: string;
  @Text() code!: string;
  @Text() name!: string;
  @Ids() instructorUserIds!: string[];
}

/** No credentials, ever: only who the user is and what they may see. */
export class UserUpsertedPayload {
  @Id() id!: string;
  @Text() username!: string;
  @Text() displayName!: string;
  @Text() role!: string;
  @Id(optional) enterpriseId!: string | null;
  @Id(optional) departmentId!: string | null;
  @Ids() gridIds!: string[];
  @Text(optional) mobile!: string | null;
  @Text(optional) email!: string | null;
  @Flag() active!: boolean;
}

export const SessionRevocationReasons = [
  'deactivated',
  'role-changed',
  'scope-changed',
  'password-reset',
  'password-changed',
  'logout',
  /** A refresh token shown again after its rotation: it was copied, so its login ends everywhere. */
  'refresh-token-reused',
] as const;
export type SessionRevocationReason = (typeof SessionRevocationReasons)[number];

/**
 * Tokens of a user issued before `revokedAt` stop working in every service: all of them, or only
 * those of one session (`sessionId`, a logout). Every service keeps these and its guard refuses
 * such tokens, so deactivation or a password reset ends sessions at once, not at token expiry.
 */
export class SessionsRevokedPayload {
  @Id() userId!: string;
  @Id(optional) sessionId!: string | null;
  @Instant() revokedAt!: string;
  @OneOf(SessionRevocationReasons) reason!: SessionRevocationReason;
}

export const DirectoryEventPayloads = {
  [DirectoryEvents.departmentUpserted]: DepartmentUpsertedPayload,
  [DirectoryEvents.enterpriseUpserted]: EnterpriseUpsertedPayload,
  [DirectoryEvents.gridUpserted]: GridUpsertedPayload,
  [DirectoryEvents.userUpserted]: UserUpsertedPayload,
  [DirectoryEvents.sessionsRevoked]: SessionsRevokedPayload,
} as const;
