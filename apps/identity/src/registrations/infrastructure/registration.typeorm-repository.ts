import { Injectable } from '@nestjs/common';
import { newId } from '@ticketing/contracts';
import { TransactionContext } from '@ticketing/database';
import { Correlation } from '@ticketing/observability';
import { Registration } from '../domain/registration.aggregate';
import { RegistrationRepository } from '../domain/registration.repository';
import { RegistrationOrmEntity } from './registration.orm-entity';

@Injectable()
export class RegistrationTypeormRepository extends RegistrationRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async findByIdForUpdate(id: string): Promise<Registration | null> {
    const row = await this.tx.writer.findOne(RegistrationOrmEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row && Registration.fromState(row);
  }

  pendingWithCreditCode(creditCode: string): Promise<boolean> {
    return this.tx.manager.existsBy(RegistrationOrmEntity, { creditCode, status: 'pending' });
  }

  pendingWithUsername(username: string): Promise<boolean> {
    return this.tx.manager
      .getRepository(RegistrationOrmEntity)
      .createQueryBuilder('r')
      .where('lower(r.username) = lower(:username)', { username })
      .andWhere(`r.status = 'pending'`)
      .getExists();
  }

  async save(r: Registration): Promise<void> {
    const m = this.tx.writer;
    await m.upsert(RegistrationOrmEntity, { ...r.state }, ['id']);
    for (const line of r.pullHistory()) {
      await m.query(
        `INSERT INTO identity.registration_history (id, registration_id, occurred_at, actor_id, actor_role, action, details, correlation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
        [
          newId(),
          r.id,
          line.at,
          line.actor?.id ?? null,
          line.actor?.role ?? null,
          line.action,
          JSON.stringify(line.details),
          Correlation.id() ?? null,
        ],
      );
    }
  }
}
