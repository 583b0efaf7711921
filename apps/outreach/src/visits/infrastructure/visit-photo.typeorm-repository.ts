import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { VisitPhoto, VisitPhotoRepository } from '../domain/visit-photos';

interface Row {
  id: string;
  sha256: string;
  size: string;
  content_type: string;
  file_name: string;
  uploaded_by_id: string;
  visit_id: string | null;
  created_at: Date;
}

const photo = (r: Row): VisitPhoto => ({
  id: r.id,
  sha256: r.sha256,
  size: Number(r.size),
  contentType: r.content_type,
  fileName: r.file_name,
  uploadedById: r.uploaded_by_id,
  visitId: r.visit_id,
  createdAt: new Date(r.created_at),
});

@Injectable()
export class TypeormVisitPhotoRepository extends VisitPhotoRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async add(p: VisitPhoto): Promise<void> {
    // One statement: it commits alone when no unit of work is open (an upload is its own unit).
    await this.tx.manager.query(
      `INSERT INTO outreach.visit_photos (id, sha256, size, content_type, file_name, uploaded_by_id, visit_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [p.id, p.sha256, p.size, p.contentType, p.fileName, p.uploadedById, p.visitId, p.createdAt],
    );
  }

  async findById(id: string): Promise<VisitPhoto | null> {
    const [row]: Row[] = await this.tx.manager.query(`SELECT * FROM outreach.visit_photos WHERE id = $1`, [
      id,
    ]);
    return row ? photo(row) : null;
  }

  async lockMany(ids: string[]): Promise<VisitPhoto[]> {
    const rows: Row[] = await this.tx.writer.query(
      `SELECT * FROM outreach.visit_photos WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    return rows.map(photo);
  }

  async assignToVisit(ids: string[], visitId: string): Promise<void> {
    await this.tx.writer.query(`UPDATE outreach.visit_photos SET visit_id = $2 WHERE id = ANY($1::uuid[])`, [
      ids,
      visitId,
    ]);
  }
}
