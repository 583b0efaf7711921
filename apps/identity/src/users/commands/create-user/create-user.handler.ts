import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { newId } from '@ticketing/contracts';
import { DataSource, Raw } from 'typeorm';
import { AuditTrail } from '../../../audit/audit.trail';
import { PasswordHasher } from '../../../auth/domain/password-hasher';
import { DirectoryPublisher } from '../../../directory/infrastructure/directory.publisher';
import { conflictOnUnique, takenValue } from '../../../shared/problems';
import { resolveUserScope } from '../../domain/user-scope';
import { UserAccountOrmEntity } from '../../infrastructure/user-account.orm-entity';
import { checkScopeExists } from '../../infrastructure/user.checks';
import { UserGridLinks } from '../../infrastructure/user-grid.links';
import { userView } from '../../infrastructure/user.reader';
import { UserResponseDto } from '../../user.response.dto';
import { CreateUserRequestDto } from './create-user.request.dto';

@Injectable()
export class CreateUserHandler {
  constructor(
    @InjectDataSource('identity') private readonly ds: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly publish: DirectoryPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(dto: CreateUserRequestDto, actor: AuthUser): Promise<UserResponseDto> {
    const taken = `the username ${dto.username} is taken`;
    const { scope, problems } = resolveUserScope(dto.role, null, dto, true);
    // Hash before the transaction: scrypt is slow on purpose, and row locks should not wait on it.
    const passwordHash = await this.hasher.hash(dto.initialPassword);
    try {
      return await this.ds.transaction(async (m) => {
        await checkScopeExists(m, scope, problems);
        if (await m.existsBy(UserAccountOrmEntity, { username: Raw((c) => `lower(${c}) = :u`, { u: dto.username }) })) {
          throw takenValue('username', taken);
        }
        const now = new Date();
        const id = newId();
        await m.insert(UserAccountOrmEntity, {
          id,
          username: dto.username,
          displayName: dto.displayName,
          role: dto.role,
          enterpriseId: scope.enterpriseId,
          departmentId: scope.departmentId,
          mobile: dto.mobile ?? null,
          email: dto.email ?? null,
          active: true,
          passwordHash,
          mustChangePassword: true,
          passwordChangedAt: now,
          version: 1,
          createdAt: now,
          updatedAt: now,
        });
        const touchedGrids = await UserGridLinks.setGridsOfUser(m, id, scope.gridIds);
        await this.publish.user(m, id, actor);
        for (const gridId of touchedGrids) await this.publish.grid(m, gridId, actor);
        const { initialPassword: _, ...details } = dto;
        await this.audit.append(m, { actor, action: 'user.created', entityType: 'user', entityId: id, details });
        return (await userView(m, id))!;
      });
    } catch (e) {
      throw conflictOnUnique(e, taken, 'username');
    }
  }
}
