import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, newId } from '@ticketing/contracts';
import { cleanFileName, ImageContentTypes, isImage, sha256Of, sniffContentType } from '@ticketing/platform';
import { PhotoStorage, VisitPhotoRepository } from '../../domain/visit-photos';
import { VisitPhotoResponseDto } from './visit-photo.response.dto';
import { UploadVisitPhotoCommand } from './upload-visit-photo.command';

/**
 * A photo checked by its content (a picture, whatever its name says), stored by its hash in the
 * store the ticket service shares, held by nobody until a visit claims it.
 */
@CommandHandler(UploadVisitPhotoCommand)
export class UploadVisitPhotoHandler implements ICommandHandler<
  UploadVisitPhotoCommand,
  VisitPhotoResponseDto
> {
  constructor(
    private readonly photos: VisitPhotoRepository,
    private readonly storage: PhotoStorage,
  ) {}

  async execute(c: UploadVisitPhotoCommand): Promise<VisitPhotoResponseDto> {
    const contentType = sniffContentType(c.bytes);
    if (!contentType || !isImage(contentType)) {
      throw new DomainError(
        'unsupportedMediaType',
        `file: only ${ImageContentTypes.join(', ')} are accepted (checked from the content, not the name)`,
        { errors: [{ field: 'file', messages: ['not a photo'] }] },
      );
    }
    const sha256 = sha256Of(c.bytes);
    // Bytes first: a row never points at a file that is not there. An orphan file (row insert
    // failed) is harmless and is reused by the next upload of the same content.
    await this.storage.put(sha256, c.bytes);
    const photo = {
      id: newId(),
      sha256,
      size: c.bytes.length,
      contentType,
      fileName: cleanFileName(c.originalName, contentType),
      uploadedById: c.user.id,
      visitId: null,
      createdAt: new Date(),
    };
    await this.photos.add(photo);
    return { id: photo.id, fileName: photo.fileName, contentType, size: photo.size, sha256 };
  }
}
