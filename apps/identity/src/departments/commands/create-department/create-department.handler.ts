import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { newId } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../../../audit/audit.trail';
import { DirectoryPublisher } from '../../../directory/infrastructure/directory.publisher';
import { conflictOnUnique, takenValue } from '../../../shared/problems';
import { DepartmentResponseDto } from '../../department.response.dto';
import { DepartmentOrmEntity } from '../../infrastructure/department.orm-entity';
import { CreateDepartmentRequestDto } from './create-department.request.dto';

@Injectable()
export class CreateDepartmentHandler {
  constructor(
    @InjectDataSource('identity') private readonly ds: DataSource,
    private readonly publish: DirectoryPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(dto: CreateDepartmentRequestDto, actor: AuthUser): Promise<DepartmentResponseDto> {
    const taken = `a department with code ${dto.code} already exists`;
    try {
      return await this.ds.transaction(async (m) => {
        if (await m.existsBy(DepartmentOrmEntity, { code: dto.code })) throw takenValue('code', taken);
        const now = new Date();
        const row: DepartmentOrmEntity = {
          id: newId(),
          code: dto.code,
          nameZh: dto.nameZh,
          nameEn: dto.nameEn ?? null,
          active: dto.active ?? true,
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        await m.insert(DepartmentOrmEntity, row);
        await this.publish.department(m, row.id, actor);
        await this.audit.append(m, { actor, action: 'department.created', entityType: 'department', entityId: row.id, details: { ...dto } });
        return DepartmentResponseDto.from(row);
      });
    } catch (e) {
      throw conflictOnUnique(e, taken, 'code');
    }
  }
}
