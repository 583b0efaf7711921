import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../../../audit/audit.trail';
import { DirectoryPublisher } from '../../../directory/infrastructure/directory.publisher';
import { expectVersion, notFound } from '../../../shared/problems';
import { UserGridLinks } from '../../../users/infrastructure/user-grid.links';
import { GridResponseDto } from '../../grid.response.dto';
import { GridOrmEntity } from '../../infrastructure/grid.orm-entity';
import { gridViews } from '../../infrastructure/grid.reader';
import { checkInstructors } from '../../infrastructure/instructor-check';
import { UpdateGridRequestDto } from './update-grid.request.dto';

@Injectable()
export class UpdateGridHandler {
  constructor(
    @InjectDataSource('identity') private readonly ds: DataSource,
    private readonly publish: DirectoryPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(id: string, dto: UpdateGridRequestDto, actor: AuthUser): Promise<GridResponseDto> {
    return this.ds.transaction(async (m) => {
      const row = await m.findOne(GridOrmEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('grid', id);
      expectVersion(row.version, dto.expectedVersion, 'the grid');
      const { expectedVersion: _, ...changes } = dto;
      let touchedUsers: string[] = [];
      if (changes.instructorUserIds) {
        const instructors = [...new Set(changes.instructorUserIds)];
        await checkInstructors(m, id, instructors);
        touchedUsers = await UserGridLinks.setUsersOfGrid(m, id, instructors);
      }
      if (changes.name !== undefined) row.name = changes.name;
      row.version += 1;
      row.updatedAt = new Date();
      await m.save(GridOrmEntity, row);
      await this.publish.grid(m, id, actor);
      for (const userId of touchedUsers) await this.publish.user(m, userId, actor);
      await this.audit.append(m, { actor, action: 'grid.updated', entityType: 'grid', entityId: id, details: changes });
      return (await gridViews(m, [row]))[0];
    });
  }
}
