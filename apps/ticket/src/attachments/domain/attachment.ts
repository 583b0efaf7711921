import { AttachmentRef } from '@ticketing/contracts';

/** An uploaded file: its bytes are stored by content hash; a ticket claims it once. */
export interface Attachment extends AttachmentRef {
  uploadedById: string;
  uploadedByRole: string;
  ticketId: string | null;
  /** Kept with an internal note: only the departments on the ticket and the committee may read it. */
  internal: boolean;
  createdAt: Date;
}

export const toRef = (a: Attachment): AttachmentRef => ({
  id: a.id,
  fileName: a.fileName,
  contentType: a.contentType,
  size: a.size,
  sha256: a.sha256,
});

/**
 * Uploaded files and who holds them. `lockMany` holds the rows for the rest of the unit of work,
 * so two tickets cannot claim one file.
 */
export abstract class AttachmentRepository {
  abstract add(a: Attachment): Promise<void>;
  abstract findById(id: string): Promise<Attachment | null>;
  abstract lockMany(ids: string[]): Promise<Attachment[]>;
  abstract assignToTicket(ids: string[], ticketId: string, internal: boolean): Promise<void>;
}
