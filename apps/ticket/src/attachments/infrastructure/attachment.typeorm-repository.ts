import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { In } from 'typeorm';
import { Attachment, AttachmentRepository } from '../domain/attachment';
import { AttachmentOrmEntity } from './attachment.orm-entity';

@Injectable()
export class TypeormAttachmentRepository extends AttachmentRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async add(a: Attachment): Promise<void> {
    // One statement: it commits alone when no unit of work is open (an upload is its own unit).
    await this.tx.manager.insert(AttachmentOrmEntity, a);
  }

  findById(id: string): Promise<Attachment | null> {
    return this.tx.manager.findOneBy(AttachmentOrmEntity, { id });
  }

  lockMany(ids: string[]): Promise<Attachment[]> {
    return this.tx.writer.find(AttachmentOrmEntity, {
      where: { id: In(ids) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async assignToTicket(ids: string[], ticketId: string, internal: boolean): Promise<void> {
    await this.tx.writer.update(AttachmentOrmEntity, { id: In(ids) }, { ticketId, internal });
  }
}
