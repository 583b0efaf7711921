import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { newId } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../../../audit/audit.trail';
import { DirectoryPublisher } from '../../../directory/infrastructure/directory.publisher';
import { conflictOnUnique, takenValue } from '../../../shared/problems';
import { UserGridLinks } from '../../../users/infrastructure/user-grid.links';
import { GridResponseDto } from '../../grid.response.dto';
import { GridOrmEntity } from '../../infrastructure/grid.orm-entity';
import { gridViews } from '../../infrastructure/grid.reader';
import { checkInstructors } from '../../infrastructure/instructor-check';
import { CreateGridRequestDto } from './create-grid.request.dto';

@Injectable()
export class CreateGridHandler {
  constructor(
    @InjectDataSource('identity') private readonly ds: DataSource,
    private readonly publish: DirectoryPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(dto: CreateGridRequestDto, actor: AuthUser): Promise<GridResponseDto> {
    const taken = `a grid with code ${dto.code} already exists`;
    try {
      return await this.ds.transaction(async (m) => {
        if (await m.existsBy(GridOrmEntity, { code: dto.code })) throw takenValue('code', taken);
        const instructors = [...new Set(dto.instructorUserIds ?? [])];
        await checkInstructors(m, null, instructors);
        const now = new Date();
        const row: GridOrmEntity = { id: newId(), code: dto.code, name: dto.name, version: 1, createdAt: now, updatedAt: now };
        await m.insert(GridOrmEntity, row);
        const touchedUsers = await UserGridLinks.setUsersOfGrid(m, row.id, instructors);
        await this.publish.grid(m, row.id, actor);
        for (const userId of touchedUsers) await this.publish.user(m, userId, actor);
        await this.audit.append(m, { actor, action: 'grid.created', entityType: 'grid', entityId: row.id, details: { ...dto } });
        return (await gridViews(m, [row]))[0];
      });
    } catch (e) {
      throw conflictOnUnique(e, taken, 'code');
    }
  }
}
