import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { newId } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../../../audit/audit.trail';
import { DirectoryPublisher } from '../../../directory/infrastructure/directory.publisher';
import { conflictOnUnique, takenValue } from '../../../shared/problems';
import { EnterpriseResponseDto } from '../../enterprise.response.dto';
import { checkGridExists } from '../../infrastructure/enterprise.checks';
import { EnterpriseOrmEntity } from '../../infrastructure/enterprise.orm-entity';
import { CreateEnterpriseRequestDto } from './create-enterprise.request.dto';

@Injectable()
export class CreateEnterpriseHandler {
  constructor(
    @InjectDataSource('identity') private readonly ds: DataSource,
    private readonly publish: DirectoryPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(dto: CreateEnterpriseRequestDto, actor: AuthUser): Promise<EnterpriseResponseDto> {
    const taken = `an enterprise with credit code ${dto.creditCode} is already registered`;
    try {
      return await this.ds.transaction(async (m) => {
        if (await m.existsBy(EnterpriseOrmEntity, { creditCode: dto.creditCode })) throw takenValue('creditCode', taken);
        await checkGridExists(m, dto.gridId);
        const now = new Date();
        const row: EnterpriseOrmEntity = {
          id: newId(),
          name: dto.name,
          creditCode: dto.creditCode,
          industry: dto.industry ?? null,
          address: dto.address ?? null,
          gridId: dto.gridId ?? null,
          contacts: (dto.contacts ?? []).map((c) => ({ name: c.name, phone: c.phone, email: c.email ?? null })),
          active: dto.active ?? true,
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        await m.insert(EnterpriseOrmEntity, row);
        await this.publish.enterprise(m, row.id, actor);
        await this.audit.append(m, { actor, action: 'enterprise.created', entityType: 'enterprise', entityId: row.id, details: { ...dto } });
        return EnterpriseResponseDto.from(row);
      });
    } catch (e) {
      throw conflictOnUnique(e, taken, 'creditCode');
    }
  }
}
