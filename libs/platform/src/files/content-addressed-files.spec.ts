import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { ContentAddressedFiles, sha256Of } from './content-addressed-files';

describe('ContentAddressedFiles', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'cas-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores bytes once under their checksum and reads them back', async () => {
    const files = new ContentAddressedFiles(root);
    const bytes = Buffer.from('走访现场照片');
    const sha = sha256Of(bytes);
    expect(await files.has(sha)).toBe(false);
    await files.put(sha, bytes);
    await files.put(sha, bytes);
    expect(await files.has(sha)).toBe(true);
    expect(readdirSync(join(root, sha.slice(0, 2)))).toEqual([sha]);
    expect(await text(await files.open(sha))).toBe('走访现场照片');
  });

  it('refuses a name that is not a checksum (no path escapes), and says when bytes are gone', async () => {
    const files = new ContentAddressedFiles(root);
    expect(() => files.pathOf('../../etc/passwd')).toThrow('not a sha256');
    await expect(files.open('b'.repeat(64))).rejects.toThrow('missing');
  });
});
