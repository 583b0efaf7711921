import { api } from '../../../api/client';
import type { Attachment, TicketChanged, TicketDetail } from '../../../api/types';

/**
 * The service desk's tools on a ticket (issue 16): asking the enterprise (补充材料), messages both
 * ways, internal notes, the named handler, merging and linking, the callback; reply templates and
 * search. The fields GET /api/v1/tickets/:id adds for them are optional here, so that the page
 * still draws against a ticket service that does not have them yet.
 */
export interface InformationRequest {
  id: string;
  departmentId: string;
  question: string;
  askedBy: string;
  askedAt: string;
  state: 'open' | 'answered' | 'unanswered';
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  attachments: Attachment[];
}

export interface ConversationEntry {
  id: string;
  actor: { id: string; role: string };
  author: 'enterprise' | 'department' | 'committee' | 'instructor';
  departmentId: string | null;
  text: string;
  attachments: Attachment[];
  at: string;
}

export interface DeskFields {
  conversation?: {
    informationRequests: InformationRequest[];
    messages: ConversationEntry[];
    /** Present only for those who may read internal notes. */
    notes?: ConversationEntry[];
  };
  handler?: { userId: string; name: string } | null;
  mergedInto?: { ticketId: string; number: string } | null;
  followsMain?: boolean;
  duplicates?: { ticketId: string; number: string }[];
  relatedTicketIds?: string[];
  awaitingCallback?: boolean;
}

export type DeskTicket = TicketDetail &
  DeskFields & {
    deadlines: TicketDetail['deadlines'] & {
      callback?: string | null;
      paused?: Record<string, string>;
      feedbackLapsedAt?: string | null;
    };
  };

export interface ReplyTemplate {
  id: string;
  scope: 'zone' | 'department';
  departmentId: string | null;
  title: string;
  body: string;
  placeholders: string[];
  version: number;
  updatedAt: string;
}

export interface SearchHit {
  id: string;
  number: string;
  title: string;
  status: string;
  category: string;
  urgency: string;
  channel: string;
  enterpriseId: string;
  enterpriseName: string;
  leadDepartmentId: string | null;
  submittedAt: string;
  score: number;
  highlights: { field: string; text: string; matches: { start: number; end: number }[] }[];
}

export interface SearchPage {
  items: SearchHit[];
  total: number;
  totalIsLowerBound: boolean;
  nextCursor: string | null;
}

export interface SimilarTicket {
  id: string;
  number: string;
  title: string;
  status: string;
  submittedAt: string;
  similarity: number;
  likelyDuplicate: boolean;
}

const T = '/api/v1/tickets';
const post = (id: string, path: string, body: unknown) =>
  api<TicketChanged>(`${T}/${encodeURIComponent(id)}/${path}`, { method: 'POST', body });

export const deskApi = {
  requestInformation: (t: DeskTicket, question: string) =>
    post(t.id, 'request-information', { expectedVersion: t.version, question }),
  provideInformation: (t: DeskTicket, requestId: string, answer: string, attachmentIds: string[]) =>
    post(t.id, 'provide-information', { requestId, answer, attachmentIds }),
  message: (t: DeskTicket, text: string, attachmentIds: string[]) =>
    post(t.id, 'messages', { text, attachmentIds }),
  note: (t: DeskTicket, text: string, attachmentIds: string[]) =>
    post(t.id, 'notes', { text, attachmentIds }),
  assignHandler: (t: DeskTicket, handlerUserId: string | null) =>
    post(t.id, 'handler', { expectedVersion: t.version, handlerUserId }),
  merge: (t: DeskTicket, mainTicketId: string, reason: string) =>
    post(t.id, 'merge', { expectedVersion: t.version, mainTicketId, reason }),
  link: (t: DeskTicket, ticketIds: string[], reason: string) =>
    post(t.id, 'link', { expectedVersion: t.version, ticketIds, reason }),
  callback: (
    t: DeskTicket,
    body: { contacted: boolean; solved: boolean; satisfaction: string; comment?: string },
  ) => post(t.id, 'callback', { expectedVersion: t.version, ...body }),
  templates: () => api<{ items: ReplyTemplate[] }>(`${T}/templates`),
  renderTemplate: (templateId: string, ticketId: string) =>
    api<{ templateId: string; title: string; text: string }>(
      `${T}/templates/${encodeURIComponent(templateId)}/render`,
      { method: 'POST', body: { ticketId } },
    ),
  createTemplate: (body: { title: string; body: string }) =>
    api<ReplyTemplate>(`${T}/templates`, { method: 'POST', body }),
  updateTemplate: (id: string, body: { expectedVersion: number; title?: string; body?: string }) =>
    api<ReplyTemplate>(`${T}/templates/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  deleteTemplate: (id: string) => api<void>(`${T}/templates/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  search: (q: string, query: Record<string, string | string[] | boolean | undefined | null>) =>
    api<SearchPage>(`${T}/search`, { query: { q, limit: 20, ...query } }),
  similar: (title: string, description: string, enterpriseId?: string) =>
    api<{ items: SimilarTicket[] }>(`${T}/similar`, { query: { title, description, enterpriseId } }),
};
