import { AttachmentRef } from '@ticketing/contracts';
import { Readable } from 'node:stream';

/** A photo uploaded for a visit: stored by content hash; a visit claims it once. */
export interface VisitPhoto extends AttachmentRef {
  uploadedById: string;
  visitId: string | null;
  createdAt: Date;
}

/** Photos' records. `lockMany` holds the rows for the rest of the unit of work, so two visits cannot claim one. */
export abstract class VisitPhotoRepository {
  abstract add(photo: VisitPhoto): Promise<void>;
  abstract findById(id: string): Promise<VisitPhoto | null>;
  abstract lockMany(ids: string[]): Promise<VisitPhoto[]>;
  abstract assignToVisit(ids: string[], visitId: string): Promise<void>;
}

/** Photo bytes, addressed by their sha256 (the store shared with the ticket service). */
export abstract class PhotoStorage {
  abstract put(sha256: string, bytes: Buffer): Promise<void>;
  abstract open(sha256: string): Promise<Readable>;
}

export const photoRef = (p: VisitPhoto): AttachmentRef => ({
  id: p.id,
  fileName: p.fileName,
  contentType: p.contentType,
  size: p.size,
  sha256: p.sha256,
});
