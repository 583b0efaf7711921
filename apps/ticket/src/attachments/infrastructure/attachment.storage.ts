import { Inject, Injectable } from '@nestjs/common';
import { createReadStream, ReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { TICKET_CONFIG, TicketConfig } from '../../ticket.config';

/**
 * Attachment bytes on disk, outside the database: DATA_DIR/attachments/<first two hex of the
 * sha256>/<sha256>. Content-addressed, so the same file uploaded twice is stored once, and a
 * stored file can be checked against its name.
 */
@Injectable()
export class AttachmentStorage {
  private readonly root: string;

  constructor(@Inject(TICKET_CONFIG) config: TicketConfig) {
    this.root = resolve(config.dataDir, 'attachments');
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
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

  /** Throws when the bytes are gone: a row without its file is lost data, not a missing attachment. */
  async open(sha256: string): Promise<ReadStream> {
    const path = this.pathOf(sha256);
    if (!(await exists(path))) throw new Error(`attachment file ${sha256} is missing under ${this.root}`);
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
