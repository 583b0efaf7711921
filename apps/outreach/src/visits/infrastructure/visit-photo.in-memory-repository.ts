import { Readable } from 'node:stream';
import { PhotoStorage, VisitPhoto, VisitPhotoRepository } from '../domain/visit-photos';

/** Photos' records in memory, for handler specs. */
export class InMemoryVisitPhotoRepository extends VisitPhotoRepository {
  readonly rows = new Map<string, VisitPhoto>();

  async add(p: VisitPhoto): Promise<void> {
    this.rows.set(p.id, { ...p });
  }
  async findById(id: string): Promise<VisitPhoto | null> {
    return this.rows.get(id) ?? null;
  }
  async lockMany(ids: string[]): Promise<VisitPhoto[]> {
    return ids.flatMap((id) => (this.rows.has(id) ? [{ ...this.rows.get(id)! }] : []));
  }
  async assignToVisit(ids: string[], visitId: string): Promise<void> {
    for (const id of ids) this.rows.get(id)!.visitId = visitId;
  }
}

/** Photo bytes in memory, for handler specs. */
export class InMemoryPhotoStorage extends PhotoStorage {
  readonly files = new Map<string, Buffer>();

  async put(sha256: string, bytes: Buffer): Promise<void> {
    this.files.set(sha256, bytes);
  }
  async open(sha256: string): Promise<Readable> {
    const bytes = this.files.get(sha256);
    if (!bytes) throw new Error(`photo ${sha256} is missing`);
    return Readable.from([bytes]);
  }
}
