import { Readable } from 'node:stream';

/** Attachment bytes, addressed by their sha256: the same file uploaded twice is stored once. */
export abstract class AttachmentStorage {
  abstract put(sha256: string, bytes: Buffer): Promise<void>;
  /** Throws when the bytes are gone: a row without its file is lost data, not a missing attachment. */
  abstract open(sha256: string): Promise<Readable>;
}
