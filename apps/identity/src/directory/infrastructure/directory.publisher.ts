import { Injectable } from '@nestjs/common';
import {
  Actor,
  DepartmentUpsertedPayload,
  DirectoryEvents,
  EnterpriseUpsertedPayload,
  GridUpsertedPayload,
  Topics,
  UserUpsertedPayload,
} from '@ticketing/contracts';
import { newEvent, OutboxWriter } from '@ticketing/messaging';
import { EntityManager } from 'typeorm';
import { DepartmentOrmEntity } from '../../departments/infrastructure/department.orm-entity';
import { EnterpriseOrmEntity } from '../../enterprises/infrastructure/enterprise.orm-entity';
import { GridOrmEntity } from '../../grids/infrastructure/grid.orm-entity';
import { UserAccountOrmEntity } from '../../users/infrastructure/user-account.orm-entity';
import { UserGridOrmEntity } from '../../users/infrastructure/user-grid.orm-entity';

/**
 * Announces the current state of a directory entity, read back inside the writer's transaction,
 * so the event always matches what was committed (event-carried state transfer).
 */
@Injectable()
export class DirectoryPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  async department(m: EntityManager, id: string, actor: Actor): Promise<void> {
    const d = await m.findOneByOrFail(DepartmentOrmEntity, { id });
    const payload: DepartmentUpsertedPayload = { id: d.id, code: d.code, name: d.nameZh, nameEn: d.nameEn, active: d.active };
    await this.append(m, DirectoryEvents.departmentUpserted, d.id, d.version, actor, payload);
  }

  async grid(m: EntityManager, id: string, actor: Actor): Promise<void> {
    const g = await m.findOneByOrFail(GridOrmEntity, { id });
    const links = await m.find(UserGridOrmEntity, { where: { gridId: id }, order: { userId: 'ASC' } });
    const payload: GridUpsertedPayload = { id: g.id, code: g.code, name: g.name, instructorUserIds: links.map((l) => l.userId) };
    await this.append(m, DirectoryEvents.gridUpserted, g.id, g.version, actor, payload);
  }

  async enterprise(m: EntityManager, id: string, actor: Actor): Promise<void> {
    const e = await m.findOneByOrFail(EnterpriseOrmEntity, { id });
    const payload: EnterpriseUpsertedPayload = {
      id: e.id,
      name: e.name,
      creditCode: e.creditCode,
      gridId: e.gridId,
      contacts: e.contacts.map((c) => ({ name: c.name, phone: c.phone, email: c.email ?? null })),
      active: e.active,
      industry: e.industry,
      address: e.address,
    };
    await this.append(m, DirectoryEvents.enterpriseUpserted, e.id, e.version, actor, payload);
  }

  async user(m: EntityManager, id: string, actor: Actor): Promise<void> {
    // The entity never selects passwordHash unless asked; the payload is built field by field anyway.
    const u = await m.findOneByOrFail(UserAccountOrmEntity, { id });
    const grids = await m.find(UserGridOrmEntity, { where: { userId: id }, order: { gridId: 'ASC' } });
    const payload: UserUpsertedPayload = {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      enterpriseId: u.enterpriseId,
      departmentId: u.departmentId,
      gridIds: grids.map((g) => g.gridId),
      mobile: u.mobile,
      email: u.email,
      active: u.active,
    };
    await this.append(m, DirectoryEvents.userUpserted, u.id, u.version, actor, payload);
  }

  private append<P>(m: EntityManager, type: string, id: string, version: number, actor: Actor, payload: P): Promise<void> {
    return this.outbox.append(m, Topics.Directory, [newEvent({ type, aggregateId: id, aggregateVersion: version, actor, payload })]);
  }
}
