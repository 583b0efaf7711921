import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ticketing/platform';
import { Readable } from 'node:stream';
import { OutreachAccessPolicy } from '../../../access/outreach-access.policy';
import { VisitReader } from '../../infrastructure/visit.reader';
import { PhotoStorage, VisitPhoto, VisitPhotoRepository } from '../../domain/visit-photos';
import { DownloadVisitPhotoQuery } from './download-visit-photo.query';

export interface VisitPhotoDownload {
  photo: VisitPhoto;
  stream: Readable;
}

/** A photo is readable by whoever sees its visit's notes; before a visit claims it, only by its uploader. */
@QueryHandler(DownloadVisitPhotoQuery)
export class DownloadVisitPhotoHandler implements IQueryHandler<DownloadVisitPhotoQuery, VisitPhotoDownload> {
  constructor(
    private readonly photos: VisitPhotoRepository,
    private readonly visits: VisitReader,
    private readonly storage: PhotoStorage,
  ) {}

  async execute(q: DownloadVisitPhotoQuery): Promise<VisitPhotoDownload> {
    const photo = await this.photos.findById(q.photoId);
    if (!photo) throw notFound('photo', q.photoId);
    if (photo.visitId) {
      const visit = await this.visits.find(photo.visitId);
      if (
        !visit ||
        !OutreachAccessPolicy.canSeeVisit(q.user, visit.scope) ||
        !OutreachAccessPolicy.seesVisitNotes(q.user)
      )
        throw notFound('photo', q.photoId);
    } else if (photo.uploadedById !== q.user.id) {
      throw notFound('photo', q.photoId);
    }
    return { photo, stream: await this.storage.open(photo.sha256) };
  }
}
