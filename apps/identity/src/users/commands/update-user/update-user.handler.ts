import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../../../audit/audit.trail';
import { RefreshTokens } from '../../../auth/infrastructure/refresh-tokens';
import { DirectoryPublisher } from '../../../directory/infrastructure/directory.publisher';
import { expectVersion, notFound } from '../../../shared/problems';
import { resolveUserScope } from '../../domain/user-scope';
import { UserAccountOrmEntity } from '../../infrastructure/user-account.orm-entity';
import { checkAnotherActiveAdmin, checkScopeExists } from '../../infrastructure/user.checks';
import { UserGridLinks } from '../../infrastructure/user-grid.links';
import { userView } from '../../infrastructure/user.reader';
import { UserResponseDto } from '../../user.response.dto';
import { UpdateUserRequestDto } from './update-user.request.dto';

@Injectable()
export class UpdateUserHandler {
  constructor(
    @InjectDataSource('identity') private readonly ds: DataSource,
    private readonly publish: DirectoryPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(id: string, dto: UpdateUserRequestDto, actor: AuthUser): Promise<UserResponseDto> {
    return this.ds.transaction(async (m) => {
      const row = await m.findOne(UserAccountOrmEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('user', id);
      expectVersion(row.version, dto.expectedVersion, 'the user');
      const { expectedVersion: _, ...changes } = dto;
      const role = changes.role ?? row.role;
      const current = { enterpriseId: row.enterpriseId, departmentId: row.departmentId, gridIds: (await UserGridLinks.gridIdsOf(m, [id])).get(id)! };
      const { scope, problems } = resolveUserScope(role, current, changes, role !== row.role);
      await checkScopeExists(m, scope, problems);
      const losesAdmin = row.role === 'admin' && row.active && (role !== 'admin' || changes.active === false);
      if (losesAdmin) await checkAnotherActiveAdmin(m, id);

      const scopeChanged =
        role !== row.role || scope.enterpriseId !== row.enterpriseId || scope.departmentId !== row.departmentId;
      if (changes.displayName !== undefined) row.displayName = changes.displayName;
      if (changes.mobile !== undefined) row.mobile = changes.mobile;
      if (changes.email !== undefined) row.email = changes.email;
      if (changes.active !== undefined) row.active = changes.active;
      row.role = role;
      row.enterpriseId = scope.enterpriseId;
      row.departmentId = scope.departmentId;
      row.version += 1;
      row.updatedAt = new Date();
      await m.save(UserAccountOrmEntity, row);
      const touchedGrids = await UserGridLinks.setGridsOfUser(m, id, scope.gridIds);
      // Access tokens carry role and scope: a deactivated user, or one whose role or scope changed,
      // must log in again rather than refresh into a token with the old claims.
      if (changes.active === false || scopeChanged || touchedGrids.length) await RefreshTokens.revokeAllOfUser(m, id);
      await this.publish.user(m, id, actor);
      for (const gridId of touchedGrids) await this.publish.grid(m, gridId, actor);
      await this.audit.append(m, { actor, action: 'user.updated', entityType: 'user', entityId: id, details: changes });
      return (await userView(m, id))!;
    });
  }
}
