import { DynamicModule, Module, Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { BaseEnv } from '@ticketing/config';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { APP_CONFIG, sessionRevocationProviders } from '@ticketing/platform';
import { AuditEntryOrmEntity } from './audit/infrastructure/audit-entry.orm-entity';
import { AuditReader } from './audit/infrastructure/audit.reader';
import { ListAuditHandler } from './audit/queries/list-audit/list-audit.handler';
import { ListAuditHttpController } from './audit/queries/list-audit/list-audit.http.controller';
import { ChangePasswordHandler } from './auth/commands/change-password/change-password.handler';
import { ChangePasswordHttpController } from './auth/commands/change-password/change-password.http.controller';
import { IssueStreamTicketHandler } from './auth/commands/issue-stream-ticket/issue-stream-ticket.handler';
import { IssueStreamTicketHttpController } from './auth/commands/issue-stream-ticket/issue-stream-ticket.http.controller';
import { LoginHandler } from './auth/commands/login/login.handler';
import { LoginHttpController } from './auth/commands/login/login.http.controller';
import { LogoutHandler } from './auth/commands/logout/logout.handler';
import { LogoutHttpController } from './auth/commands/logout/logout.http.controller';
import { RefreshSessionHandler } from './auth/commands/refresh-session/refresh-session.handler';
import { RefreshSessionHttpController } from './auth/commands/refresh-session/refresh-session.http.controller';
import { LoginAttempts } from './auth/domain/login-attempts';
import { LoginFailureRepository } from './auth/domain/login-failure.repository';
import { PasswordHasher } from './auth/domain/password-hasher';
import { RefreshTokenRepository } from './auth/domain/refresh-token.repository';
import { LoginThrottleGuard } from './auth/http/login-throttle.guard';
import { LoginAttemptsTypeormRepository } from './auth/infrastructure/login-attempts.typeorm-repository';
import { LoginFailureOrmEntity } from './auth/infrastructure/login-failure.orm-entity';
import { LoginFailureTypeormRepository } from './auth/infrastructure/login-failure.typeorm-repository';
import { RefreshTokenOrmEntity } from './auth/infrastructure/refresh-token.orm-entity';
import { RefreshTokenTypeormRepository } from './auth/infrastructure/refresh-token.typeorm-repository';
import { LoginLockout, sleep } from './auth/login-lockout';
import { GetMeHandler } from './auth/queries/get-me/get-me.handler';
import { GetMeHttpController } from './auth/queries/get-me/get-me.http.controller';
import { SessionIssuer } from './auth/session.issuer';
import { CreateDepartmentHandler } from './departments/commands/create-department/create-department.handler';
import { CreateDepartmentHttpController } from './departments/commands/create-department/create-department.http.controller';
import { UpdateDepartmentHandler } from './departments/commands/update-department/update-department.handler';
import { UpdateDepartmentHttpController } from './departments/commands/update-department/update-department.http.controller';
import { DepartmentRepository } from './departments/domain/department.repository';
import { DepartmentOrmEntity } from './departments/infrastructure/department.orm-entity';
import { DepartmentReader } from './departments/infrastructure/department.reader';
import { DepartmentTypeormRepository } from './departments/infrastructure/department.typeorm-repository';
import { GetDepartmentHandler } from './departments/queries/get-department/get-department.handler';
import { ListDepartmentsHandler } from './departments/queries/list-departments/list-departments.handler';
import { ListDepartmentsHttpController } from './departments/queries/list-departments/list-departments.http.controller';
import { DirectoryChangesWriter } from './directory/infrastructure/directory-changes.writer';
import { CreateEnterpriseHandler } from './enterprises/commands/create-enterprise/create-enterprise.handler';
import { CreateEnterpriseHttpController } from './enterprises/commands/create-enterprise/create-enterprise.http.controller';
import { UpdateEnterpriseHandler } from './enterprises/commands/update-enterprise/update-enterprise.handler';
import { UpdateEnterpriseHttpController } from './enterprises/commands/update-enterprise/update-enterprise.http.controller';
import { EnterpriseRepository } from './enterprises/domain/enterprise.repository';
import { EnterpriseOrmEntity } from './enterprises/infrastructure/enterprise.orm-entity';
import { EnterpriseReader } from './enterprises/infrastructure/enterprise.reader';
import { EnterpriseTypeormRepository } from './enterprises/infrastructure/enterprise.typeorm-repository';
import { GetEnterpriseHandler } from './enterprises/queries/get-enterprise/get-enterprise.handler';
import { ListEnterprisesHandler } from './enterprises/queries/list-enterprises/list-enterprises.handler';
import { ListEnterprisesHttpController } from './enterprises/queries/list-enterprises/list-enterprises.http.controller';
import { CreateGridHandler } from './grids/commands/create-grid/create-grid.handler';
import { CreateGridHttpController } from './grids/commands/create-grid/create-grid.http.controller';
import { UpdateGridHandler } from './grids/commands/update-grid/update-grid.handler';
import { UpdateGridHttpController } from './grids/commands/update-grid/update-grid.http.controller';
import { GridRepository } from './grids/domain/grid.repository';
import { GridOrmEntity } from './grids/infrastructure/grid.orm-entity';
import { GridReader } from './grids/infrastructure/grid.reader';
import { GridTypeormRepository } from './grids/infrastructure/grid.typeorm-repository';
import { GetGridHandler } from './grids/queries/get-grid/get-grid.handler';
import { ListGridsHandler } from './grids/queries/list-grids/list-grids.handler';
import { ListGridsHttpController } from './grids/queries/list-grids/list-grids.http.controller';
import { IdentityEnv, identitySettingsFrom, IdentitySettings, loadIdentitySettings } from './identity.env';
import { IDENTITY_SETTINGS, LOGIN_FAILURE_DELAY } from './identity.tokens';
import { identityMigrations } from './migrations';
import { IssueResetLinkHandler } from './password-resets/commands/issue-reset-link/issue-reset-link.handler';
import { IssueResetLinkHttpController } from './password-resets/commands/issue-reset-link/issue-reset-link.http.controller';
import { RedeemResetLinkHandler } from './password-resets/commands/redeem-reset-link/redeem-reset-link.handler';
import { RedeemResetLinkHttpController } from './password-resets/commands/redeem-reset-link/redeem-reset-link.http.controller';
import { ResetLinkRepository } from './password-resets/domain/reset-link.repository';
import { ResetLinkOrmEntity } from './password-resets/infrastructure/reset-link.orm-entity';
import { ResetLinkTypeormRepository } from './password-resets/infrastructure/reset-link.typeorm-repository';
import { ApproveRegistrationHandler } from './registrations/commands/approve-registration/approve-registration.handler';
import { ApproveRegistrationHttpController } from './registrations/commands/approve-registration/approve-registration.http.controller';
import { RejectRegistrationHandler } from './registrations/commands/reject-registration/reject-registration.handler';
import { RejectRegistrationHttpController } from './registrations/commands/reject-registration/reject-registration.http.controller';
import { SubmitRegistrationHandler } from './registrations/commands/submit-registration/submit-registration.handler';
import { SubmitRegistrationHttpController } from './registrations/commands/submit-registration/submit-registration.http.controller';
import { RegistrationRepository } from './registrations/domain/registration.repository';
import { RegistrationOrmEntity } from './registrations/infrastructure/registration.orm-entity';
import { RegistrationReader } from './registrations/infrastructure/registration.reader';
import { RegistrationTypeormRepository } from './registrations/infrastructure/registration.typeorm-repository';
import { ListRegistrationsHandler } from './registrations/queries/list-registrations/list-registrations.handler';
import { ListRegistrationsHttpController } from './registrations/queries/list-registrations/list-registrations.http.controller';
import { DirectorySeeder } from './seed/directory.seeder';
import { SeedLock } from './seed/infrastructure/seed.lock';
import { CreateUserHandler } from './users/commands/create-user/create-user.handler';
import { CreateUserHttpController } from './users/commands/create-user/create-user.http.controller';
import { ResetPasswordHandler } from './users/commands/reset-password/reset-password.handler';
import { ResetPasswordHttpController } from './users/commands/reset-password/reset-password.http.controller';
import { UpdateUserHandler } from './users/commands/update-user/update-user.handler';
import { UpdateUserHttpController } from './users/commands/update-user/update-user.http.controller';
import { UserRepository } from './users/domain/user.repository';
import { UserAccountOrmEntity } from './users/infrastructure/user-account.orm-entity';
import { UserGridOrmEntity } from './users/infrastructure/user-grid.orm-entity';
import { UserReader } from './users/infrastructure/user.reader';
import { UserTypeormRepository } from './users/infrastructure/user.typeorm-repository';
import { GetUserHandler } from './users/queries/get-user/get-user.handler';
import { ListUsersHandler } from './users/queries/list-users/list-users.handler';
import { ListUsersHttpController } from './users/queries/list-users/list-users.http.controller';
import { UserScopeCheck } from './users/user-scope.check';

export const IDENTITY_SCHEMA = 'identity';

const entities = [
  DepartmentOrmEntity,
  GridOrmEntity,
  EnterpriseOrmEntity,
  UserAccountOrmEntity,
  UserGridOrmEntity,
  RefreshTokenOrmEntity,
  LoginFailureOrmEntity,
  AuditEntryOrmEntity,
  RegistrationOrmEntity,
  ResetLinkOrmEntity,
];

const controllers = [
  LoginHttpController,
  RefreshSessionHttpController,
  LogoutHttpController,
  ChangePasswordHttpController,
  IssueStreamTicketHttpController,
  GetMeHttpController,
  ListUsersHttpController,
  CreateUserHttpController,
  UpdateUserHttpController,
  ResetPasswordHttpController,
  ListEnterprisesHttpController,
  CreateEnterpriseHttpController,
  UpdateEnterpriseHttpController,
  ListDepartmentsHttpController,
  CreateDepartmentHttpController,
  UpdateDepartmentHttpController,
  ListGridsHttpController,
  CreateGridHttpController,
  UpdateGridHttpController,
  ListAuditHttpController,
  SubmitRegistrationHttpController,
  ListRegistrationsHttpController,
  ApproveRegistrationHttpController,
  RejectRegistrationHttpController,
  IssueResetLinkHttpController,
  RedeemResetLinkHttpController,
];

const handlers = [
  LoginHandler,
  RefreshSessionHandler,
  LogoutHandler,
  ChangePasswordHandler,
  IssueStreamTicketHandler,
  GetMeHandler,
  ListUsersHandler,
  GetUserHandler,
  CreateUserHandler,
  UpdateUserHandler,
  ResetPasswordHandler,
  ListEnterprisesHandler,
  GetEnterpriseHandler,
  CreateEnterpriseHandler,
  UpdateEnterpriseHandler,
  ListDepartmentsHandler,
  GetDepartmentHandler,
  CreateDepartmentHandler,
  UpdateDepartmentHandler,
  ListGridsHandler,
  GetGridHandler,
  CreateGridHandler,
  UpdateGridHandler,
  ListAuditHandler,
  SubmitRegistrationHandler,
  ListRegistrationsHandler,
  ApproveRegistrationHandler,
  RejectRegistrationHandler,
  IssueResetLinkHandler,
  RedeemResetLinkHandler,
];

/** The ports and their TypeORM implementations (the specs give handlers in-memory ones). */
const repositories: Provider[] = [
  { provide: UserRepository, useClass: UserTypeormRepository },
  { provide: EnterpriseRepository, useClass: EnterpriseTypeormRepository },
  { provide: DepartmentRepository, useClass: DepartmentTypeormRepository },
  { provide: GridRepository, useClass: GridTypeormRepository },
  { provide: RefreshTokenRepository, useClass: RefreshTokenTypeormRepository },
  { provide: LoginFailureRepository, useClass: LoginFailureTypeormRepository },
  { provide: LoginAttempts, useClass: LoginAttemptsTypeormRepository },
  { provide: RegistrationRepository, useClass: RegistrationTypeormRepository },
  { provide: ResetLinkRepository, useClass: ResetLinkTypeormRepository },
];

const readers = [UserReader, EnterpriseReader, DepartmentReader, GridReader, AuditReader, RegistrationReader];

function settingsProvider(given?: IdentitySettings): Provider {
  if (given) return { provide: IDENTITY_SETTINGS, useValue: given };
  return {
    provide: IDENTITY_SETTINGS,
    inject: [APP_CONFIG],
    // Run by its own main.ts the shell already read IdentityEnv; composed into another process
    // (standalone), the same class reads the same environment.
    useFactory: (config: BaseEnv) =>
      config instanceof IdentityEnv ? identitySettingsFrom(config) : loadIdentitySettings(),
  };
}

function moduleDefinition(settings?: IdentitySettings) {
  return {
    imports: [
      CqrsModule,
      DatabaseModule.forService({ schema: IDENTITY_SCHEMA, entities, migrations: identityMigrations }),
      MessagingModule.forService({ service: 'identity', schema: IDENTITY_SCHEMA }),
    ],
    controllers,
    providers: [
      ...sessionRevocationProviders(IDENTITY_SCHEMA),
      settingsProvider(settings),
      { provide: PasswordHasher, useValue: new PasswordHasher() },
      { provide: LOGIN_FAILURE_DELAY, useValue: sleep },
      LoginThrottleGuard,
      DirectoryChangesWriter,
      ...repositories,
      ...readers,
      LoginLockout,
      SessionIssuer,
      UserScopeCheck,
      SeedLock,
      DirectorySeeder,
      ...handlers,
    ],
  };
}

/**
 * Users, enterprises, departments, grids; login and tokens; the directory events. Import the class
 * as is (settings from the environment), or `IdentityModule.forRoot(loadIdentitySettings())`.
 */
@Module(moduleDefinition())
export class IdentityModule {
  static forRoot(settings: IdentitySettings): DynamicModule {
    return { module: ConfiguredIdentityModule, ...moduleDefinition(settings) };
  }
}

/** The same module with settings given by the caller (a separate class: Nest merges a dynamic module into its class's static metadata). */
@Module({})
class ConfiguredIdentityModule {}
