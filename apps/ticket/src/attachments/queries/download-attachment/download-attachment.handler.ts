import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@ticketing/contracts';
import { ReadStream } from 'node:fs';
import { DataSource } from 'typeorm';
import { TicketAccessPolicy } from '../../../tickets/access/ticket-access.policy';
import { TicketScopeReader } from '../../../tickets/infrastructure/ticket-scope.reader';
import { AttachmentOrmEntity } from '../../infrastructure/attachment.orm-entity';
import { AttachmentStorage } from '../../infrastructure/attachment.storage';
import { DownloadAttachmentQuery } from './download-attachment.query';

export interface AttachmentDownload {
  row: AttachmentOrmEntity;
  stream: ReadStream;
}

/** A file is readable by whoever can see its ticket; before it belongs to one, only by its uploader. */
@QueryHandler(DownloadAttachmentQuery)
export class DownloadAttachmentHandler implements IQueryHandler<DownloadAttachmentQuery, AttachmentDownload> {
  constructor(
    @InjectDataSource('ticket') private readonly dataSource: DataSource,
    private readonly scopes: TicketScopeReader,
    private readonly storage: AttachmentStorage,
  ) {}

  async execute(q: DownloadAttachmentQuery): Promise<AttachmentDownload> {
    const notFound = new DomainError('notFound', `attachment ${q.attachmentId} was not found`);
    const row = await this.dataSource.getRepository(AttachmentOrmEntity).findOneBy({ id: q.attachmentId });
    if (!row) throw notFound;
    if (row.ticketId) {
      const scope = await this.scopes.read(this.dataSource.manager, row.ticketId);
      if (!scope || !TicketAccessPolicy.canSee(q.user, scope)) throw notFound;
    } else if (row.uploadedById !== q.user.id) {
      throw notFound;
    }
    return { row, stream: await this.storage.open(row.sha256) };
  }
}
