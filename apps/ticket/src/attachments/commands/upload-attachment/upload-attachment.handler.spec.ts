import { createHash } from 'node:crypto';
import { InMemoryAttachmentRepository } from '../../infrastructure/attachment.in-memory-repository';
import { InMemoryAttachmentStorage } from '../../infrastructure/attachment-storage.in-memory';
import { UploadAttachmentCommand } from './upload-attachment.command';
import { UploadAttachmentHandler } from './upload-attachment.handler';

const user = { id: 'u-ent', role: 'enterprise' as const, name: '企业', enterpriseId: 'ent-1' };
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(16)]);

describe('UploadAttachmentHandler', () => {
  it('stores a PNG by its hash and records it, held by no ticket yet', async () => {
    const rows = new InMemoryAttachmentRepository();
    const storage = new InMemoryAttachmentStorage();
    const result = await new UploadAttachmentHandler(rows, storage).execute(
      UploadAttachmentCommand.create({ user, bytes: PNG, originalName: '现场.png' }),
    );
    const sha256 = createHash('sha256').update(PNG).digest('hex');
    expect(result).toMatchObject({
      contentType: 'image/png',
      sha256,
      size: PNG.length,
      fileName: '现场.png',
    });
    expect(storage.files.get(sha256)).toEqual(PNG);
    expect((await rows.findById(result.id))!.ticketId).toBeNull();
  });

  it('refuses an executable whatever its name (415), storing nothing', async () => {
    const rows = new InMemoryAttachmentRepository();
    const storage = new InMemoryAttachmentStorage();
    const e = await new UploadAttachmentHandler(rows, storage)
      .execute(
        UploadAttachmentCommand.create({
          user,
          bytes: Buffer.from('MZ\x90\x00 executable'),
          originalName: 'a.png',
        }),
      )
      .catch((err: { code: string }) => err);
    expect((e as { code: string }).code).toBe('unsupportedMediaType');
    expect(storage.files.size).toBe(0);
    expect(rows.rows.size).toBe(0);
  });
});
