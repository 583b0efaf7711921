import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, newId } from '@ticketing/contracts';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AllowedContentTypes, cleanFileName, sniffContentType } from '../../domain/file-signature';
import { AttachmentOrmEntity } from '../../infrastructure/attachment.orm-entity';
import { AttachmentStorage } from '../../infrastructure/attachment.storage';
import { AttachmentResponseDto } from './attachment.response.dto';
import { UploadAttachmentCommand } from './upload-attachment.command';

@CommandHandler(UploadAttachmentCommand)
export class UploadAttachmentHandler implements ICommandHandler<
  UploadAttachmentCommand,
  AttachmentResponseDto
> {
  constructor(
    @InjectDataSource('ticket') private readonly dataSource: DataSource,
    private readonly storage: AttachmentStorage,
  ) {}

  async execute(c: UploadAttachmentCommand): Promise<AttachmentResponseDto> {
    const contentType = sniffContentType(c.bytes);
    if (!contentType) {
      throw new DomainError(
        'unsupportedMediaType',
        `file: only ${AllowedContentTypes.join(', ')} are accepted (checked from the content, not the name)`,
        {
          errors: [{ field: 'file', messages: ['unsupported file type'] }],
        },
      );
    }
    const sha256 = createHash('sha256').update(c.bytes).digest('hex');
    // Bytes first: a row never points at a file that is not there. An orphan file (row insert
    // failed) is harmless and is reused by the next upload of the same content.
    await this.storage.put(sha256, c.bytes);
    const row: AttachmentOrmEntity = {
      id: newId(),
      sha256,
      size: c.bytes.length,
      contentType,
      fileName: cleanFileName(c.originalName, contentType),
      uploadedById: c.user.id,
      uploadedByRole: c.user.role,
      ticketId: null,
      createdAt: new Date(),
    };
    await this.dataSource.getRepository(AttachmentOrmEntity).insert(row);
    return { id: row.id, fileName: row.fileName, contentType, size: row.size, sha256 };
  }
}
