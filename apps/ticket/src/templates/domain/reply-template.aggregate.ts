import { Actor, DomainError } from '@ticketing/contracts';
import { ReplyPlaceholders, unknownPlaceholders } from './reply-placeholders';

/** zone: the committee's, offered in every reply box; department: one department's own. */
export const TemplateScopes = ['zone', 'department'] as const;
export type TemplateScope = (typeof TemplateScopes)[number];

export const TEMPLATE_TITLE_MAX = 100;
export const TEMPLATE_BODY_MAX = 2000;

export interface ReplyTemplateProps {
  id: string;
  scope: TemplateScope;
  /** The owning department (scope department), else null. */
  departmentId: string | null;
  title: string;
  body: string;
  createdById: string;
  updatedById: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** One entry of a template's history: what it said after each change (or that it was deleted). */
export interface TemplateChange {
  action: 'created' | 'updated' | 'deleted';
  actor: Actor;
  at: Date;
  version: number;
  title: string;
  body: string;
}

/**
 * 常用语: a reply a department (its own) or the committee (zone-wide) keeps to pick in a reply
 * box. A title unique within its owner, a body of at most 2000 characters whose placeholders are
 * among {enterprise} {number} {deadline}. Who may touch which template is the access policy's business.
 */
export class ReplyTemplate {
  private changes: TemplateChange[] = [];
  private removed = false;

  private constructor(private props: ReplyTemplateProps) {}

  static rehydrate(props: ReplyTemplateProps): ReplyTemplate {
    return new ReplyTemplate({ ...props });
  }

  static create(
    input: { id: string; scope: TemplateScope; departmentId: string | null; title: string; body: string },
    actor: Actor,
    at: Date,
  ): ReplyTemplate {
    if ((input.scope === 'department') !== !!input.departmentId)
      throw new DomainError('validation', 'a department template names its department, a zone one none');
    const { title, body } = checked(input.title, input.body);
    const t = new ReplyTemplate({
      id: input.id,
      scope: input.scope,
      departmentId: input.departmentId,
      title,
      body,
      createdById: actor.id,
      updatedById: actor.id,
      createdAt: at,
      updatedAt: at,
      version: 0,
    });
    t.record('created', actor, at);
    return t;
  }

  get id(): string {
    return this.props.id;
  }
  get scope(): TemplateScope {
    return this.props.scope;
  }
  get departmentId(): string | null {
    return this.props.departmentId;
  }
  get version(): number {
    return this.props.version;
  }
  get deleted(): boolean {
    return this.removed;
  }

  snapshot(): Readonly<ReplyTemplateProps> {
    return { ...this.props };
  }

  pullChanges(): TemplateChange[] {
    return this.changes.splice(0);
  }

  assertVersion(expected: number): void {
    if (expected !== this.props.version)
      throw new DomainError(
        'versionConflict',
        `template ${this.props.id} was changed meanwhile (version ${this.props.version}, you saw ${expected}); reload and retry`,
        { currentVersion: this.props.version },
      );
  }

  /** A change that changes nothing is refused, so the history holds only real edits. */
  update(input: { title?: string; body?: string }, actor: Actor, at: Date): void {
    const { title, body } = checked(input.title ?? this.props.title, input.body ?? this.props.body);
    if (title === this.props.title && body === this.props.body)
      throw new DomainError('validation', 'nothing to change: the title and body are as they are', {
        errors: [{ field: 'body', messages: ['nothing to change'] }],
      });
    this.props.title = title;
    this.props.body = body;
    this.props.updatedById = actor.id;
    this.props.updatedAt = at;
    this.record('updated', actor, at);
  }

  delete(actor: Actor, at: Date): void {
    this.removed = true;
    this.record('deleted', actor, at);
  }

  private record(action: TemplateChange['action'], actor: Actor, at: Date): void {
    this.props.version += 1;
    this.changes.push({
      action,
      actor,
      at,
      version: this.props.version,
      title: this.props.title,
      body: this.props.body,
    });
  }
}

function checked(rawTitle: string, rawBody: string): { title: string; body: string } {
  const title = rawTitle.trim();
  const body = rawBody.trim();
  const errors: { field: string; messages: string[] }[] = [];
  if (!title) errors.push({ field: 'title', messages: ['title is required'] });
  else if (title.length > TEMPLATE_TITLE_MAX)
    errors.push({ field: 'title', messages: [`title must be at most ${TEMPLATE_TITLE_MAX} characters`] });
  if (!body) errors.push({ field: 'body', messages: ['body is required'] });
  else if (body.length > TEMPLATE_BODY_MAX)
    errors.push({ field: 'body', messages: [`body must be at most ${TEMPLATE_BODY_MAX} characters`] });
  else {
    const unknown = unknownPlaceholders(body);
    if (unknown.length)
      errors.push({
        field: 'body',
        messages: [
          `unknown placeholder ${unknown.map((n) => `{${n}}`).join(', ')}; use ${ReplyPlaceholders.map((p) => `{${p}}`).join(' ')}`,
        ],
      });
  }
  if (errors.length)
    throw new DomainError(
      'validation',
      errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | '),
      { errors },
    );
  return { title, body };
}
