import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, newId } from '@ticketing/contracts';
import { AttachmentRepository } from '../../domain/attachment';
import { AttachmentStorage } from '../../domain/attachment-storage';
import { AllowedContentTypes, cleanFileName, sha256Of, sniffContentType } from '@ticketing/platform';
import { AttachmentResponseDto } from './attachment.response.dto';
import { UploadAttachmentCommand } from './upload-attachment.command';

/** A file checked by its content, stored by its hash, held by nobody until a ticket claims it. */
@CommandHandler(UploadAttachmentCommand)
export class UploadAttachmentHandler implements ICommandHandler<
  UploadAttachmentCommand,
  AttachmentResponseDto
> {
  constructor(
    private readonly attachments: AttachmentRepository,
    private readonly storage: AttachmentStorage,
  ) {}

  async execute(c: UploadAttachmentCommand): Promise<AttachmentResponseDto> {
    const contentType = sniffContentType(c.bytes, c.originalName);
    if (!contentType) {
      throw new DomainError(
        'unsupportedMediaType',
        'file: only pictures (png, jpeg, gif, webp), PDF, Word, Excel, PowerPoint (.docx/.doc, .xlsx/.xls, .pptx/.ppt), OpenDocument (.odt/.ods) and UTF-8 text (.txt/.csv) are accepted, checked from the content, not the name',
        { errors: [{ field: 'file', messages: ['unsupported file type'] }], accepted: AllowedContentTypes },
      );
    }
    const sha256 = sha256Of(c.bytes);
    // Bytes first: a row never points at a file that is not there. An orphan file (row insert
    // failed) is harmless and is reused by the next upload of the same content.
    await this.storage.put(sha256, c.bytes);
    const attachment = {
      id: newId(),
      sha256,
      size: c.bytes.length,
      contentType,
      fileName: cleanFileName(c.originalName, contentType),
      uploadedById: c.user.id,
      uploadedByRole: c.user.role,
      ticketId: null,
      internal: false,
      createdAt: new Date(),
    };
    await this.attachments.add(attachment);
    const { id, fileName, size } = attachment;
    return { id, fileName, contentType, size, sha256 };
  }
}
