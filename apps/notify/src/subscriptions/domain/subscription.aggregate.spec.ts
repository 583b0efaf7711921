import { emptyFacts, viewOf } from '../../events/domain/event-view';
import { SubscriptionDefinition } from './subscription-definition';
import { Subscription } from './subscription.aggregate';

const definition: SubscriptionDefinition = {
  name: 'hook',
  channel: 'webhook',
  events: ['ticket.resolved'],
  departmentIds: ['dep-hr'],
  categories: [],
  gridIds: [],
  urgencies: [],
  url: 'https://hooks.example.org/a',
  secret: 'sixteen-chars-secret',
  msgtype: null,
  mentionMobiles: [],
  mentionAll: false,
  recipients: [],
  sms: null,
  language: 'zh',
  enabled: true,
};
const t0 = new Date('2026-03-02T01:00:00Z');
const t1 = new Date('2026-03-02T02:00:00Z');
const created = () => {
  const sub = Subscription.create({ id: 's-1', definition, createdBy: 'u-admin', now: t0 });
  sub.pullChanges();
  return sub;
};

describe('Subscription', () => {
  it('is created at version 1, new to the repository', () => {
    const sub = Subscription.create({ id: 's-1', definition, createdBy: 'u-admin', now: t0 });
    expect(sub.snapshot()).toMatchObject({ version: 1, createdAt: t0, updatedAt: t0, deletedAt: null });
    expect(sub.pullChanges()).toEqual({ storedVersion: 0, changes: ['created'] });
    expect(sub.pullChanges()).toEqual({ storedVersion: 1, changes: [] });
  });

  it('takes a new definition as a new version, and the same one as no change at all', () => {
    const sub = created();
    expect(sub.replace({ ...definition, events: [...definition.events] }, t1)).toBe(false);
    expect(sub.version).toBe(1);
    expect(sub.pullChanges().changes).toEqual([]);

    expect(sub.replace({ ...definition, departmentIds: ['dep-hr', 'dep-tax'] }, t1)).toBe(true);
    expect(sub.snapshot()).toMatchObject({ version: 2, updatedAt: t1, departmentIds: ['dep-hr', 'dep-tax'] });
    expect(sub.pullChanges()).toEqual({ storedVersion: 1, changes: ['replaced'] });
  });

  it('keeps its secret when a replacement on the same channel does not retype it', () => {
    const sub = created();
    const input = { name: 'hook', channel: 'webhook' as const, events: ['resolved'] };
    expect(sub.completeReplacement(input).secret).toBe('sixteen-chars-secret');
    expect(sub.completeReplacement({ ...input, secret: 'another-secret-16' }).secret).toBe(
      'another-secret-16',
    );
    expect(sub.completeReplacement({ ...input, channel: 'dingtalk' }).secret).toBeUndefined();
  });

  it('is deleted softly: nothing more is sent, the record stays', () => {
    const sub = created();
    expect(sub.usable).toBe(true);
    sub.delete(t1);
    expect(sub.usable).toBe(false);
    expect(sub.snapshot()).toMatchObject({ enabled: false, deletedAt: t1, version: 1 });
    expect(sub.pullChanges().changes).toEqual(['deleted']);
    sub.delete(t1);
    expect(sub.pullChanges().changes).toEqual([]);
  });

  it('matches an event by type and filters, and says where to send', () => {
    const sub = created();
    const view = (type: string, lead: string) =>
      viewOf(
        { id: 'e-1', type, occurredAt: t0.toISOString(), payload: {} },
        { ...emptyFacts('t-1'), leadDepartmentId: lead },
      );
    expect(sub.matches(view('ticket.resolved', 'dep-hr'))).toBe(true);
    expect(sub.matches(view('ticket.resolved', 'dep-tax'))).toBe(false);
    expect(sub.matches(view('ticket.assigned', 'dep-hr'))).toBe(false);
    expect(sub.target).toEqual({
      channel: 'webhook',
      url: 'https://hooks.example.org/a',
      secret: 'sixteen-chars-secret',
      msgtype: null,
      mentionMobiles: [],
      mentionAll: false,
      recipients: [],
      sms: null,
    });
  });
});
