import { ReplyTemplate, TemplateScope } from './reply-template.aggregate';

/** Which templates a list shows: the zone's, and those of the named departments (all departments: `'all'`). */
export interface TemplateFilter {
  zone: boolean;
  departmentIds: string[] | 'all';
}

/**
 * Reply templates. A port: the TypeORM implementation stores the row and one history row per
 * change in the unit of work's transaction; the in-memory one serves the handler specs.
 */
export abstract class ReplyTemplateRepository {
  /** Reads it and locks it for the rest of the unit of work. */
  abstract lockById(id: string): Promise<ReplyTemplate | null>;
  abstract findById(id: string): Promise<ReplyTemplate | null>;
  /** Whether the owner already has another template of this title (case-insensitive). */
  abstract titleTaken(
    scope: TemplateScope,
    departmentId: string | null,
    title: string,
    exceptId?: string,
  ): Promise<boolean>;
  /** Zone templates first, then by department, each by title. */
  abstract list(filter: TemplateFilter): Promise<ReplyTemplate[]>;
  /** Writes the state (or removes a deleted template) and its history. */
  abstract save(template: ReplyTemplate): Promise<void>;
}
