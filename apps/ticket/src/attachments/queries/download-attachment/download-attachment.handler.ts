import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TicketAccessPolicy } from '../../../tickets/access/ticket-access.policy';
import { DomainError } from '@ticketing/contracts';
import { Readable } from 'node:stream';
import { TicketScopeReader } from '../../../tickets/infrastructure/ticket-scope.reader';
import { Attachment, AttachmentRepository } from '../../domain/attachment';
import { AttachmentStorage } from '../../domain/attachment-storage';
import { DownloadAttachmentQuery } from './download-attachment.query';

export interface AttachmentDownload {
  row: Attachment;
  stream: Readable;
}

/**
 * A file is readable by whoever can see its ticket (a file kept with an internal note: by whoever
 * reads the ticket's notes); before it belongs to one, only by its uploader. The evidence of a
 * main ticket's resolution, which its merged duplicates received as their own, is readable by
 * whoever sees such a duplicate. Any other caller is told it does not exist.
 */
@QueryHandler(DownloadAttachmentQuery)
export class DownloadAttachmentHandler implements IQueryHandler<DownloadAttachmentQuery, AttachmentDownload> {
  constructor(
    private readonly attachments: AttachmentRepository,
    private readonly scopes: TicketScopeReader,
    private readonly storage: AttachmentStorage,
  ) {}

  async execute(q: DownloadAttachmentQuery): Promise<AttachmentDownload> {
    const notFound = new DomainError('notFound', `attachment ${q.attachmentId} was not found`);
    const row = await this.attachments.findById(q.attachmentId);
    if (!row) throw notFound;
    if (row.ticketId) {
      const scope = await this.scopes.read(row.ticketId);
      if (!scope) throw notFound;
      if (row.internal) {
        if (!TicketAccessPolicy.canReadNotes(q.user, scope)) throw notFound;
      } else if (!TicketAccessPolicy.canSee(q.user, scope)) {
        // A duplicate merged into the ticket received its answers, evidence included: its readers read those files.
        const carriers = await this.scopes.duplicatesCarrying(row.ticketId, row.id);
        if (!carriers.some((d) => TicketAccessPolicy.canSee(q.user, d))) throw notFound;
      }
    } else if (row.uploadedById !== q.user.id) {
      throw notFound;
    }
    return { row, stream: await this.storage.open(row.sha256) };
  }
}
