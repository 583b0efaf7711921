import { AuthUser } from '@ticketing/auth';
import { AttachmentRef, newId } from '@ticketing/contracts';
import { invalid } from '../../tickets/domain/ticket.errors';
import { AttachmentRepository, toRef } from './attachment';

/**
 * Hands uploaded files to a ticket. Only the uploader's own files that no ticket holds yet can be
 * referenced, so nobody can attach (and thereby read) somebody else's upload. Runs inside the
 * ticket's unit of work: the files are locked until it commits.
 */
export class AttachmentBinder {
  constructor(private readonly attachments: AttachmentRepository) {}

  /** `internal`: the files go with an internal note, and only those who read notes may download them. */
  async bind(
    ids: string[],
    user: AuthUser,
    ticketId: string,
    field: string,
    opts: { internal?: boolean } = {},
  ): Promise<AttachmentRef[]> {
    if (!ids.length) return [];
    const unique = [...new Set(ids)];
    const rows = await this.attachments.lockMany(unique);
    const usable = new Map(
      rows.filter((r) => r.uploadedById === user.id && r.ticketId === null).map((r) => [r.id, r]),
    );
    const bad = unique.filter((id) => !usable.has(id));
    if (bad.length) throw invalid(field, `unknown, not yours, or already used: ${bad.join(', ')}`);
    await this.attachments.assignToTicket(unique, ticketId, opts.internal ?? false);
    return unique.map((id) => toRef(usable.get(id)!));
  }

  /**
   * Files uploaded elsewhere (a visit's photos, in the shared content-addressed store) become this
   * ticket's attachments: a row of our own per file, so the ticket's visibility rule governs who
   * may download them here. New ids: one photo may go with two problems, hence two tickets.
   */
  async adopt(
    refs: AttachmentRef[],
    uploadedBy: { id: string; role: string },
    ticketId: string,
    at: Date,
  ): Promise<AttachmentRef[]> {
    const adopted: AttachmentRef[] = [];
    for (const ref of refs) {
      const row = {
        id: newId(),
        sha256: ref.sha256,
        size: ref.size,
        contentType: ref.contentType,
        fileName: ref.fileName,
        uploadedById: uploadedBy.id,
        uploadedByRole: uploadedBy.role,
        ticketId,
        internal: false,
        createdAt: at,
      };
      await this.attachments.add(row);
      adopted.push(toRef(row));
    }
    return adopted;
  }
}
