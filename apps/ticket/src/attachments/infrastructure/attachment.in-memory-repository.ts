import { Attachment, AttachmentRepository } from '../domain/attachment';

/** Uploaded files' records in memory, for handler specs. */
export class InMemoryAttachmentRepository extends AttachmentRepository {
  readonly rows = new Map<string, Attachment>();

  async add(a: Attachment): Promise<void> {
    this.rows.set(a.id, { ...a });
  }

  async findById(id: string): Promise<Attachment | null> {
    return this.rows.get(id) ?? null;
  }

  async lockMany(ids: string[]): Promise<Attachment[]> {
    return ids.flatMap((id) => (this.rows.has(id) ? [{ ...this.rows.get(id)! }] : []));
  }

  async assignToTicket(ids: string[], ticketId: string, internal: boolean): Promise<void> {
    for (const id of ids) Object.assign(this.rows.get(id)!, { ticketId, internal });
  }
}
