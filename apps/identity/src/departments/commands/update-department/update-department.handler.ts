import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../../../audit/audit.trail';
import { DirectoryPublisher } from '../../../directory/infrastructure/directory.publisher';
import { expectVersion, notFound } from '../../../shared/problems';
import { DepartmentResponseDto } from '../../department.response.dto';
import { DepartmentOrmEntity } from '../../infrastructure/department.orm-entity';
import { UpdateDepartmentRequestDto } from './update-department.request.dto';

@Injectable()
export class UpdateDepartmentHandler {
  constructor(
    @InjectDataSource('identity') private readonly ds: DataSource,
    private readonly publish: DirectoryPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(id: string, dto: UpdateDepartmentRequestDto, actor: AuthUser): Promise<DepartmentResponseDto> {
    return this.ds.transaction(async (m) => {
      const row = await m.findOne(DepartmentOrmEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('department', id);
      expectVersion(row.version, dto.expectedVersion, 'the department');
      const { expectedVersion: _, ...changes } = dto;
      if (changes.nameZh !== undefined) row.nameZh = changes.nameZh;
      if (changes.nameEn !== undefined) row.nameEn = changes.nameEn;
      if (changes.active !== undefined) row.active = changes.active;
      row.version += 1;
      row.updatedAt = new Date();
      await m.save(DepartmentOrmEntity, row);
      await this.publish.department(m, id, actor);
      await this.audit.append(m, { actor, action: 'department.updated', entityType: 'department', entityId: id, details: changes });
      return DepartmentResponseDto.from(row);
    });
  }
}
