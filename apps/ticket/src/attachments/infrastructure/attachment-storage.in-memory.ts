import { Readable } from 'node:stream';
import { AttachmentStorage } from '../domain/attachment-storage';

/** Attachment bytes in memory, for handler specs. */
export class InMemoryAttachmentStorage extends AttachmentStorage {
  readonly files = new Map<string, Buffer>();

  async put(sha256: string, bytes: Buffer): Promise<void> {
    this.files.set(sha256, bytes);
  }

  async open(sha256: string): Promise<Readable> {
    const bytes = this.files.get(sha256);
    if (!bytes) throw new Error(`attachment file ${sha256} is missing`);
    return Readable.from([bytes]);
  }
}
