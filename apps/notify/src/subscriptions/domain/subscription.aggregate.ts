import { SendTarget } from '../../channels/domain/send-target';
import { EventView } from '../../events/domain/event-view';
import { Channel, matches, SubscriptionDefinition, SubscriptionInput } from './subscription-definition';

export interface SubscriptionState extends SubscriptionDefinition {
  id: string;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Deleted subscriptions stay, so that their deliveries keep their history. */
  deletedAt: Date | null;
}

export type SubscriptionChange = 'created' | 'replaced' | 'deleted';

const DEFINITION_KEYS = [
  'name',
  'channel',
  'events',
  'departmentIds',
  'categories',
  'gridIds',
  'urgencies',
  'url',
  'secret',
  'msgtype',
  'mentionMobiles',
  'mentionAll',
  'recipients',
  'sms',
  'language',
  'enabled',
] as const satisfies readonly (keyof SubscriptionDefinition)[];

/** JSON with keys in one order (jsonb keeps its own): equal values, equal text. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );

const same = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((x, i) => x === b[i])
    : a !== null && b !== null && typeof a === 'object' && typeof b === 'object'
      ? canonical(a) === canonical(b)
      : a === b;

/**
 * A channel subscribed to events: what to send, where, and for which events. Replacing it with the
 * definition it already has changes nothing (no new version), so a client that saves an unchanged
 * form does not make another admin's edit stale.
 */
export class Subscription {
  private changes: SubscriptionChange[] = [];

  private constructor(
    private state: SubscriptionState,
    /** The version stored when it was loaded; 0 for a subscription not stored yet. */
    private storedVersion: number,
  ) {}

  static create(p: {
    id: string;
    definition: SubscriptionDefinition;
    createdBy: string;
    now: Date;
  }): Subscription {
    const sub = new Subscription(
      {
        ...p.definition,
        id: p.id,
        version: 1,
        createdBy: p.createdBy,
        createdAt: p.now,
        updatedAt: p.now,
        deletedAt: null,
      },
      0,
    );
    sub.changes.push('created');
    return sub;
  }

  static restore(state: SubscriptionState): Subscription {
    return new Subscription({ ...state }, state.version);
  }

  get id(): string {
    return this.state.id;
  }
  get version(): number {
    return this.state.version;
  }
  get name(): string {
    return this.state.name;
  }
  get channel(): Channel {
    return this.state.channel;
  }
  get language(): 'zh' | 'en' {
    return this.state.language;
  }
  get deleted(): boolean {
    return this.state.deletedAt !== null;
  }
  /** Messages go out only to a subscription that is enabled and not deleted. */
  get usable(): boolean {
    return this.state.enabled && !this.deleted;
  }

  /** A copy of everything it holds, secret included: for the repository and the admin's view. */
  snapshot(): SubscriptionState {
    return { ...this.state };
  }

  get target(): SendTarget {
    const s = this.state;
    return {
      channel: s.channel,
      url: s.url,
      secret: s.secret,
      msgtype: s.msgtype,
      mentionMobiles: s.mentionMobiles,
      mentionAll: s.mentionAll,
      recipients: s.recipients,
      sms: s.sms,
    };
  }

  /** Whether an event passes this subscription's event types and filters. */
  matches(view: EventView): boolean {
    return matches(this.state, view);
  }

  /**
   * A secret is never shown, so a replacement that does not retype it means "keep it", as long as
   * the channel stays the same (another channel's secret means something else).
   */
  completeReplacement(input: SubscriptionInput): SubscriptionInput {
    if (input.secret !== undefined || input.channel !== this.state.channel) return input;
    return { ...input, secret: this.state.secret ?? undefined };
  }

  /** Takes a new definition; false (and nothing changes) when it is the one it has. */
  replace(definition: SubscriptionDefinition, now: Date): boolean {
    if (DEFINITION_KEYS.every((k) => same(definition[k], this.state[k]))) return false;
    this.state = { ...this.state, ...definition, version: this.state.version + 1, updatedAt: now };
    this.changes.push('replaced');
    return true;
  }

  /** Soft delete: nothing more is sent; what it was sent stays on record. */
  delete(now: Date): void {
    if (this.deleted) return;
    this.state = { ...this.state, enabled: false, deletedAt: now, updatedAt: now };
    this.changes.push('deleted');
  }

  /**
   * What changed since it was loaded, and the version it was loaded at (0: new); forgets both, so
   * a second save writes nothing.
   */
  pullChanges(): { storedVersion: number; changes: SubscriptionChange[] } {
    const pulled = { storedVersion: this.storedVersion, changes: this.changes };
    this.changes = [];
    this.storedVersion = this.state.version;
    return pulled;
  }
}
