import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, ReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Where uploaded files live under DATA_DIR. One store for every service that takes uploads: a
 * visit's photo becomes an attachment of the ticket raised from it, and the ticket service reads
 * the same bytes by the same checksum (in containers, the services mount one volume there).
 */
export const uploadsDir = (dataDir: string): string => resolve(dataDir, 'attachments');

/**
 * File bytes on disk, outside the database: <root>/<first two hex of the sha256>/<sha256>.
 * Content-addressed, so the same file uploaded twice is stored once, a stored file can be checked
 * against its name, and a file once written never changes: two services may share the store.
 */
export class ContentAddressedFiles {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(sha256);
    if (await exists(target)) return;
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    // Write aside and rename: a reader never sees half a file, and concurrent uploads of the same bytes agree.
    const temp = `${target}.${randomUUID()}.part`;
    await writeFile(temp, bytes, { mode: 0o640 });
    await rename(temp, target);
  }

  /** Throws when the bytes are gone: a row without its file is lost data, not a missing file. */
  async open(sha256: string): Promise<ReadStream> {
    const path = this.pathOf(sha256);
    if (!(await exists(path))) throw new Error(`file ${sha256} is missing under ${this.root}`);
    return createReadStream(path);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
