import { people, refusal } from '../../../shared/handler-spec.fixture';
import {
  InMemoryPhotoStorage,
  InMemoryVisitPhotoRepository,
} from '../../infrastructure/visit-photo.in-memory-repository';
import { UploadVisitPhotoCommand } from './upload-visit-photo.command';
import { UploadVisitPhotoHandler } from './upload-visit-photo.handler';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('jpeg body')]);
const PDF = Buffer.from('%PDF-1.7\n');

function kit() {
  const photos = new InMemoryVisitPhotoRepository();
  const storage = new InMemoryPhotoStorage();
  return { photos, storage, handler: new UploadVisitPhotoHandler(photos, storage) };
}

describe('UploadVisitPhotoHandler', () => {
  it('stores a picture by its content hash, unclaimed, under a clean name', async () => {
    const k = kit();
    const r = await k.handler.execute(
      UploadVisitPhotoCommand.create({ user: people.instructor, bytes: JPEG, originalName: '../现场\n.jpg' }),
    );
    expect(r).toMatchObject({ contentType: 'image/jpeg', size: JPEG.length, fileName: '现场.jpg' });
    expect(k.storage.files.get(r.sha256)).toEqual(JPEG);
    expect(k.photos.rows.get(r.id)).toMatchObject({ uploadedById: 'u-ins', visitId: null });
  });

  it('refuses what is not a picture (a PDF, a renamed executable) with 415 naming the file', async () => {
    const k = kit();
    for (const bytes of [PDF, Buffer.from('MZ\x90\x00', 'latin1')]) {
      const e = await refusal(
        k.handler.execute(
          UploadVisitPhotoCommand.create({ user: people.instructor, bytes, originalName: 'x.jpg' }),
        ),
      );
      expect([e.code, e.details.errors]).toEqual([
        'unsupportedMediaType',
        [{ field: 'file', messages: ['not a photo'] }],
      ]);
    }
    expect(k.photos.rows.size).toBe(0);
  });
});
