import { DynamicModule, Module, Provider } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { BaseEnv } from '@ticketing/config';
import { DatabaseModule } from '@ticketing/database';
import { MessagingModule } from '@ticketing/messaging';
import { APP_CONFIG } from '@ticketing/platform';
import { AuditTrail } from './audit/audit.trail';
import { AuditEntryOrmEntity } from './audit/infrastructure/audit-entry.orm-entity';
import { ListAuditHandler } from './audit/queries/list-audit/list-audit.handler';
import { ListAuditHttpController } from './audit/queries/list-audit/list-audit.http.controller';
import { ChangePasswordHandler } from './auth/commands/change-password/change-password.handler';
import { ChangePasswordHttpController } from './auth/commands/change-password/change-password.http.controller';
import { LoginHandler } from './auth/commands/login/login.handler';
import { LoginHttpController } from './auth/commands/login/login.http.controller';
import { LogoutHandler } from './auth/commands/logout/logout.handler';
import { LogoutHttpController } from './auth/commands/logout/logout.http.controller';
import { RefreshSessionHandler } from './auth/commands/refresh-session/refresh-session.handler';
import { RefreshSessionHttpController } from './auth/commands/refresh-session/refresh-session.http.controller';
import { PasswordHasher } from './auth/domain/password-hasher';
import { LoginFailureOrmEntity } from './auth/infrastructure/login-failure.orm-entity';
import { LoginFailures } from './auth/infrastructure/login-guard.service';
import { LoginThrottleGuard } from './auth/infrastructure/login-throttle.guard';
import { RefreshTokenOrmEntity } from './auth/infrastructure/refresh-token.orm-entity';
import { SessionIssuer } from './auth/infrastructure/session.issuer';
import { GetMeHttpController } from './auth/queries/get-me/get-me.http.controller';
import { CreateDepartmentHandler } from './departments/commands/create-department/create-department.handler';
import { CreateDepartmentHttpController } from './departments/commands/create-department/create-department.http.controller';
import { UpdateDepartmentHandler } from './departments/commands/update-department/update-department.handler';
import { UpdateDepartmentHttpController } from './departments/commands/update-department/update-department.http.controller';
import { DepartmentOrmEntity } from './departments/infrastructure/department.orm-entity';
import { ListDepartmentsHandler } from './departments/queries/list-departments/list-departments.handler';
import { ListDepartmentsHttpController } from './departments/queries/list-departments/list-departments.http.controller';
import { DirectoryPublisher } from './directory/infrastructure/directory.publisher';
import { CreateEnterpriseHandler } from './enterprises/commands/create-enterprise/create-enterprise.handler';
import { CreateEnterpriseHttpController } from './enterprises/commands/create-enterprise/create-enterprise.http.controller';
import { UpdateEnterpriseHandler } from './enterprises/commands/update-enterprise/update-enterprise.handler';
import { UpdateEnterpriseHttpController } from './enterprises/commands/update-enterprise/update-enterprise.http.controller';
import { EnterpriseOrmEntity } from './enterprises/infrastructure/enterprise.orm-entity';
import { ListEnterprisesHandler } from './enterprises/queries/list-enterprises/list-enterprises.handler';
import { ListEnterprisesHttpController } from './enterprises/queries/list-enterprises/list-enterprises.http.controller';
import { CreateGridHandler } from './grids/commands/create-grid/create-grid.handler';
import { CreateGridHttpController } from './grids/commands/create-grid/create-grid.http.controller';
import { UpdateGridHandler } from './grids/commands/update-grid/update-grid.handler';
import { UpdateGridHttpController } from './grids/commands/update-grid/update-grid.http.controller';
import { GridOrmEntity } from './grids/infrastructure/grid.orm-entity';
import { ListGridsHandler } from './grids/queries/list-grids/list-grids.handler';
import { ListGridsHttpController } from './grids/queries/list-grids/list-grids.http.controller';
import { IdentityEnv, identitySettingsFrom, IdentitySettings, loadIdentitySettings } from './identity.env';
import { IDENTITY_SETTINGS, LOGIN_THROTTLE_STORAGE } from './identity.tokens';
import { identityMigrations } from './migrations';
import { DirectorySeeder } from './seed/directory.seeder';
import { CreateUserHandler } from './users/commands/create-user/create-user.handler';
import { CreateUserHttpController } from './users/commands/create-user/create-user.http.controller';
import { ResetPasswordHandler } from './users/commands/reset-password/reset-password.handler';
import { ResetPasswordHttpController } from './users/commands/reset-password/reset-password.http.controller';
import { UpdateUserHandler } from './users/commands/update-user/update-user.handler';
import { UpdateUserHttpController } from './users/commands/update-user/update-user.http.controller';
import { UserAccountOrmEntity } from './users/infrastructure/user-account.orm-entity';
import { UserGridOrmEntity } from './users/infrastructure/user-grid.orm-entity';
import { ListUsersHandler } from './users/queries/list-users/list-users.handler';
import { ListUsersHttpController } from './users/queries/list-users/list-users.http.controller';

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
];

const controllers = [
  LoginHttpController,
  RefreshSessionHttpController,
  LogoutHttpController,
  ChangePasswordHttpController,
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
];

const handlers = [
  LoginHandler,
  RefreshSessionHandler,
  LogoutHandler,
  ChangePasswordHandler,
  ListUsersHandler,
  CreateUserHandler,
  UpdateUserHandler,
  ResetPasswordHandler,
  ListEnterprisesHandler,
  CreateEnterpriseHandler,
  UpdateEnterpriseHandler,
  ListDepartmentsHandler,
  CreateDepartmentHandler,
  UpdateDepartmentHandler,
  ListGridsHandler,
  CreateGridHandler,
  UpdateGridHandler,
  ListAuditHandler,
];

function settingsProvider(given?: IdentitySettings): Provider {
  if (given) return { provide: IDENTITY_SETTINGS, useValue: given };
  return {
    provide: IDENTITY_SETTINGS,
    inject: [APP_CONFIG],
    // Run by its own main.ts the shell already read IdentityEnv; composed into another process
    // (standalone), the same class reads the same environment.
    useFactory: (config: BaseEnv) => (config instanceof IdentityEnv ? identitySettingsFrom(config) : loadIdentitySettings()),
  };
}

function moduleDefinition(settings?: IdentitySettings) {
  return {
    imports: [
      DatabaseModule.forService({ schema: IDENTITY_SCHEMA, entities, migrations: identityMigrations }),
      MessagingModule.forService({ service: 'identity', schema: IDENTITY_SCHEMA }),
    ],
    controllers,
    providers: [
      settingsProvider(settings),
      { provide: PasswordHasher, useValue: new PasswordHasher() },
      { provide: LOGIN_THROTTLE_STORAGE, useClass: ThrottlerStorageService },
      LoginThrottleGuard,
      DirectoryPublisher,
      AuditTrail,
      LoginFailures,
      SessionIssuer,
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
