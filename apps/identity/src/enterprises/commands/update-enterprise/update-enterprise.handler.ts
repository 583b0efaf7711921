import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { DataSource, Not } from 'typeorm';
import { AuditTrail } from '../../../audit/audit.trail';
import { DirectoryPublisher } from '../../../directory/infrastructure/directory.publisher';
import { conflictOnUnique, takenValue, expectVersion, notFound } from '../../../shared/problems';
import { EnterpriseResponseDto } from '../../enterprise.response.dto';
import { checkGridExists } from '../../infrastructure/enterprise.checks';
import { EnterpriseOrmEntity } from '../../infrastructure/enterprise.orm-entity';
import { UpdateEnterpriseRequestDto } from './update-enterprise.request.dto';

@Injectable()
export class UpdateEnterpriseHandler {
  constructor(
    @InjectDataSource('identity') private readonly ds: DataSource,
    private readonly publish: DirectoryPublisher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(id: string, dto: UpdateEnterpriseRequestDto, actor: AuthUser): Promise<EnterpriseResponseDto> {
    const taken = `an enterprise with credit code ${dto.creditCode} is already registered`;
    try {
      return await this.ds.transaction(async (m) => {
        const row = await m.findOne(EnterpriseOrmEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!row) throw notFound('enterprise', id);
        expectVersion(row.version, dto.expectedVersion, 'the enterprise');
        const { expectedVersion: _, ...changes } = dto;
        if (changes.creditCode && (await m.existsBy(EnterpriseOrmEntity, { creditCode: changes.creditCode, id: Not(id) }))) {
          throw takenValue('creditCode', taken);
        }
        await checkGridExists(m, changes.gridId);
        if (changes.name !== undefined) row.name = changes.name;
        if (changes.creditCode !== undefined) row.creditCode = changes.creditCode;
        if (changes.industry !== undefined) row.industry = changes.industry;
        if (changes.address !== undefined) row.address = changes.address;
        if (changes.gridId !== undefined) row.gridId = changes.gridId;
        if (changes.contacts !== undefined) {
          row.contacts = changes.contacts.map((c) => ({ name: c.name, phone: c.phone, email: c.email ?? null }));
        }
        if (changes.active !== undefined) row.active = changes.active;
        row.version += 1;
        row.updatedAt = new Date();
        await m.save(EnterpriseOrmEntity, row);
        await this.publish.enterprise(m, id, actor);
        await this.audit.append(m, { actor, action: 'enterprise.updated', entityType: 'enterprise', entityId: id, details: changes });
        return EnterpriseResponseDto.from(row);
      });
    } catch (e) {
      throw conflictOnUnique(e, taken, 'creditCode');
    }
  }
}
