import { api, ApiError, newIdempotencyKey } from '../../api/client';
import type { FieldError, Urgency } from '../../api/types';
import { NeedKind, OUTREACH, VisitMode, VisitPhoto, VisitRecorded } from './outreach-api';

/**
 * 走访 typed in the field, on a phone whose connection comes and goes: the form is a draft kept in the
 * browser (IndexedDB, photos included, as Blobs), saved as it is typed, so a reload or a lost tab
 * loses nothing. A submitted draft waits in an outbox until it is sent: once, with the
 * Idempotency-Key the draft was given when it was created, so a retry after an answer that never
 * arrived gets the same visit. Photos are uploaded at sending time and their ids kept in the draft,
 * so a retry sends the same body (the server compares it with the key's first request).
 */

export interface DraftPhoto {
  localId: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
  /** The id the photo upload answered; null until uploaded. */
  uploadedId: string | null;
}

export interface DraftProblem {
  title?: string;
  description?: string;
  category?: string;
  urgency: Urgency;
  contactName?: string;
  contactPhone?: string;
  location?: string;
  /** Attach the visit's photos to the ticket this problem becomes. */
  withPhotos: boolean;
}

export interface DraftNeed {
  kind?: NeedKind;
  title?: string;
  description?: string;
}

export interface VisitDraftValues {
  enterpriseId?: string;
  enterpriseName?: string;
  /** ISO instant: when the visit took place, kept as typed (a draft sent later keeps its time). */
  visitedAt: string;
  mode: VisitMode;
  companions: string[];
  topics: string[];
  findings?: string;
  problems: DraftProblem[];
  needs: DraftNeed[];
}

export type DraftState = 'editing' | 'queued';

export interface VisitDraft {
  id: string;
  userId: string;
  idempotencyKey: string;
  createdAt: string;
  updatedAt: string;
  values: VisitDraftValues;
  photos: DraftPhoto[];
  state: DraftState;
  attempts: number;
  /** Why the last attempt did not go through: offline / unavailable, or the API's refusal. */
  lastError: { status: number; message: string; fields: FieldError[] } | null;
  nextAttemptAt: string | null;
}

const DB_NAME = 'cs-outreach';
const STORE = 'visit-drafts';

let opened: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE))
        req.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  }).catch((e: unknown) => {
    opened = null;
    throw e;
  });
  return opened;
}

async function run<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = use(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

type Listener = () => void;
const listeners = new Set<Listener>();
const changed = () => listeners.forEach((l) => l());

/** The drafts kept in this browser, per user. */
export const visitDrafts = {
  async mine(userId: string): Promise<VisitDraft[]> {
    const all = await run<VisitDraft[]>('readonly', (s) => s.getAll() as IDBRequest<VisitDraft[]>);
    return all.filter((d) => d.userId === userId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  },
  get(id: string): Promise<VisitDraft | undefined> {
    return run<VisitDraft | undefined>('readonly', (s) => s.get(id) as IDBRequest<VisitDraft | undefined>);
  },
  async put(draft: VisitDraft): Promise<void> {
    await run('readwrite', (s) => s.put(draft));
    changed();
  },
  async remove(id: string): Promise<void> {
    await run('readwrite', (s) => s.delete(id));
    changed();
  },
  /** A new draft: its id and its Idempotency-Key are made once, here. */
  create(userId: string, values: VisitDraftValues): VisitDraft {
    const now = new Date().toISOString();
    return {
      id: crypto.randomUUID(),
      userId,
      idempotencyKey: newIdempotencyKey(),
      createdAt: now,
      updatedAt: now,
      values,
      photos: [],
      state: 'editing',
      attempts: 0,
      lastError: null,
      nextAttemptAt: null,
    };
  },
  subscribe(l: Listener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

/** What the API is sent for a draft: trimmed, empty optional fields left out, photo ids as uploaded. */
export function visitBody(d: VisitDraft): Record<string, unknown> {
  const v = d.values;
  const photoIds = d.photos.map((p) => p.uploadedId).filter((id): id is string => !!id);
  const text = (s?: string) => (s ?? '').trim();
  return {
    enterpriseId: v.enterpriseId,
    visitedAt: v.visitedAt,
    mode: v.mode,
    companions: v.companions.map((c) => c.trim()).filter(Boolean),
    topics: v.topics.map((c) => c.trim()).filter(Boolean),
    ...(text(v.findings) ? { findings: text(v.findings) } : {}),
    photoIds,
    problems: v.problems.map((p) => ({
      title: text(p.title),
      description: text(p.description),
      category: p.category,
      urgency: p.urgency,
      contact: { name: text(p.contactName), phone: text(p.contactPhone) },
      ...(text(p.location) ? { location: text(p.location) } : {}),
      photoIds: p.withPhotos ? photoIds : [],
    })),
    needs: v.needs.map((n) => ({ kind: n.kind, title: text(n.title), description: text(n.description) })),
  };
}

/** Network gone, server restarting or busy: worth another try later. Anything else is the API's answer. */
const retriable = (e: unknown) =>
  !(e instanceof ApiError) || e.status === 0 || e.status === 429 || e.status >= 500;

export interface SentVisit {
  draftId: string;
  visit: VisitRecorded;
  enterpriseName?: string;
}

type SentListener = (s: SentVisit) => void;

/**
 * The outbox: sends each queued draft of the signed-in instructor, one at a time, when the browser is
 * online; again when it comes back online (`online` event), and after a failed attempt with a
 * growing pause (5 s, 10 s … 60 s). A draft the API refuses (bad input, not your enterprise) goes
 * back to editing with the API's reasons.
 */
class VisitOutbox {
  private userId: string | null = null;
  private running = false;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly sent = new Set<SentListener>();
  private started = false;

  start(userId: string): void {
    this.userId = userId;
    if (!this.started) {
      this.started = true;
      window.addEventListener('online', () => void this.flush());
    }
    void this.flush();
  }

  onSent(l: SentListener): () => void {
    this.sent.add(l);
    return () => this.sent.delete(l);
  }

  /** Queues a draft for sending (the form was checked); `flush` sends it. */
  async queue(draft: VisitDraft): Promise<void> {
    await visitDrafts.put({
      ...draft,
      state: 'queued',
      lastError: null,
      updatedAt: new Date().toISOString(),
    });
  }

  /** Queues a draft and tries to send it at once. */
  async submit(draft: VisitDraft): Promise<void> {
    await this.queue(draft);
    await this.flush();
  }

  async flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    const userId = this.userId;
    if (!userId) return;
    this.running = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      do {
        this.again = false;
        const queued = (await visitDrafts.mine(userId)).filter((d) => d.state === 'queued');
        for (const d of queued) {
          if (!navigator.onLine) {
            await this.remember(d, { status: 0, message: 'offline', fields: [] }, false);
            continue;
          }
          await this.send(d);
        }
      } while (this.again);
    } finally {
      this.running = false;
    }
    const left = (await visitDrafts.mine(userId)).filter((d) => d.state === 'queued');
    if (left.length && navigator.onLine) {
      const attempts = Math.max(...left.map((d) => d.attempts));
      const pause = Math.min(60_000, 5_000 * 2 ** Math.max(0, attempts - 1));
      this.timer = setTimeout(() => void this.flush(), pause);
    }
  }

  private async send(initial: VisitDraft): Promise<void> {
    let d = initial;
    try {
      for (const p of d.photos) {
        if (p.uploadedId) continue;
        const form = new FormData();
        form.append('file', new File([p.blob], p.name, { type: p.type }));
        const up = await api<VisitPhoto>(`${OUTREACH}/visits/photos`, { method: 'POST', form });
        d = {
          ...d,
          photos: d.photos.map((x) => (x.localId === p.localId ? { ...x, uploadedId: up.id } : x)),
        };
        // Kept at once: a retry sends the same ids, so the server sees the same visit.
        await visitDrafts.put(d);
      }
      const visit = await api<VisitRecorded>(`${OUTREACH}/visits`, {
        method: 'POST',
        body: visitBody(d),
        headers: { 'Idempotency-Key': d.idempotencyKey },
      });
      await visitDrafts.remove(d.id);
      this.sent.forEach((l) => l({ draftId: d.id, visit, enterpriseName: d.values.enterpriseName }));
    } catch (e) {
      const err =
        e instanceof ApiError
          ? { status: e.status, message: e.detail || e.title, fields: e.fieldErrors }
          : { status: 0, message: String(e), fields: [] };
      await this.remember(d, err, !retriable(e));
    }
  }

  private async remember(d: VisitDraft, error: VisitDraft['lastError'], refused: boolean): Promise<void> {
    const current = await visitDrafts.get(d.id);
    if (!current) return;
    await visitDrafts.put({
      ...current,
      photos: d.photos,
      attempts: current.attempts + (error?.message === 'offline' ? 0 : 1),
      lastError: error,
      // A refused draft goes back to the form; the same key may be used again, since the server
      // rolled the refused request back with its key.
      state: refused ? 'editing' : 'queued',
      nextAttemptAt: null,
    });
  }
}

export const visitOutbox = new VisitOutbox();
