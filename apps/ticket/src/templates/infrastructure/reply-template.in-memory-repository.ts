import {
  ReplyTemplate,
  ReplyTemplateProps,
  TemplateChange,
  TemplateScope,
} from '../domain/reply-template.aggregate';
import { ReplyTemplateRepository, TemplateFilter } from '../domain/reply-template.repository';

/** Templates in memory, for handler specs; keeps every change it was asked to save. */
export class InMemoryReplyTemplateRepository extends ReplyTemplateRepository {
  readonly rows = new Map<string, ReplyTemplateProps>();
  readonly history: (TemplateChange & { templateId: string })[] = [];

  async lockById(id: string): Promise<ReplyTemplate | null> {
    const p = this.rows.get(id);
    return p ? ReplyTemplate.rehydrate(p) : null;
  }

  findById(id: string): Promise<ReplyTemplate | null> {
    return this.lockById(id);
  }

  async titleTaken(
    scope: TemplateScope,
    departmentId: string | null,
    title: string,
    exceptId?: string,
  ): Promise<boolean> {
    return [...this.rows.values()].some(
      (t) =>
        t.scope === scope &&
        t.departmentId === departmentId &&
        t.title.toLowerCase() === title.toLowerCase() &&
        t.id !== exceptId,
    );
  }

  async list(filter: TemplateFilter): Promise<ReplyTemplate[]> {
    return [...this.rows.values()]
      .filter((t) =>
        t.scope === 'zone'
          ? filter.zone
          : filter.departmentIds === 'all' || filter.departmentIds.includes(t.departmentId ?? ''),
      )
      .sort(
        (a, b) =>
          (a.scope === 'zone' ? 0 : 1) - (b.scope === 'zone' ? 0 : 1) ||
          (a.departmentId ?? '').localeCompare(b.departmentId ?? '') ||
          a.title.localeCompare(b.title),
      )
      .map((p) => ReplyTemplate.rehydrate(p));
  }

  async save(template: ReplyTemplate): Promise<void> {
    const changes = template.pullChanges();
    if (!changes.length) return;
    const s = template.snapshot();
    if (template.deleted) this.rows.delete(s.id);
    else this.rows.set(s.id, { ...s });
    this.history.push(...changes.map((c) => ({ ...c, templateId: s.id })));
  }
}
