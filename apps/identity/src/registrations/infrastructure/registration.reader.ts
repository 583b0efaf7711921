import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { Page, toPage } from '@ticketing/platform';
import { RegistrationStatus } from '../domain/registration.aggregate';
import { RegistrationResponseDto } from '../registration.response.dto';
import { RegistrationOrmEntity } from './registration.orm-entity';

/** Applications for the committee and the admin to review, oldest first (ids are time-ordered). */
@Injectable()
export class RegistrationReader {
  constructor(private readonly tx: TransactionContext) {}

  async list(f: {
    status: RegistrationStatus;
    cursor?: string;
    limit: number;
  }): Promise<Page<RegistrationResponseDto>> {
    const qb = this.tx.manager
      .getRepository(RegistrationOrmEntity)
      .createQueryBuilder('r')
      .where('r.status = :status', { status: f.status })
      .orderBy('r.id', 'ASC')
      .take(f.limit + 1);
    if (f.cursor) qb.andWhere('r.id > :cursor', { cursor: f.cursor });
    return toPage(await qb.getMany(), f.limit, RegistrationResponseDto.from, (r) => r.id);
  }
}
