import { DomainError } from '@ticketing/contracts';
import { RenderedMessage } from '../../messages/domain/message';
import { becameDue, Delivery } from './delivery.aggregate';

const message: RenderedMessage = {
  eventType: 'ticket.assigned',
  ticketId: 't-1',
  ticketNumber: 'CS-2026-000001',
  title: '新诉求待签收',
  summary: '请人社局及时签收办理。',
  facts: [],
  link: null,
  linkLabel: '查看诉求',
  subject: '[吹哨报到] 新诉求待签收',
};
const at = (s: number) => new Date(Date.UTC(2026, 2, 2, 1, 0, s));
const policy = { maxAttempts: 3, baseMs: 1000, capMs: 1500 };
const queued = () => {
  const d = Delivery.queue({
    id: 'd-1',
    subscription: { id: 's-1', channel: 'webhook' },
    event: { id: 'e-1', type: 'ticket.assigned', occurredAt: at(0).toISOString() },
    ticketId: 't-1',
    message,
    now: at(0),
  });
  d.pullChanges();
  return d;
};

describe('Delivery', () => {
  it('is queued pending and due at once', () => {
    const d = Delivery.queue({
      id: 'd-1',
      subscription: { id: 's-1', channel: 'webhook' },
      event: { id: 'e-1', type: 'ticket.assigned', occurredAt: at(0).toISOString() },
      ticketId: 't-1',
      message,
      now: at(0),
    });
    expect(d.snapshot()).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: at(0) });
    const { storedStatus, changes } = d.pullChanges();
    expect(storedStatus).toBeNull();
    expect(becameDue(changes)).toBe(true);
  });

  it('is leased by each attempt, so a dead sender gives it back only when the lease ends', () => {
    const d = queued();
    d.attempt(at(1), 65_000);
    expect(d.snapshot()).toMatchObject({ attempts: 1, lastAttemptAt: at(1), nextAttemptAt: at(66) });
    d.succeeded(at(2));
    expect(d.snapshot()).toMatchObject({ status: 'delivered', deliveredAt: at(2), lastError: null });
    expect(() => d.attempt(at(3), 1000)).toThrow(/not pending/);
  });

  it('retries a failure after a growing, capped delay, then fails for good', () => {
    const d = queued();
    const half = () => 0.5;
    d.attempt(at(1), 60_000);
    d.failed('HTTP 503', policy, at(2), half);
    expect(d.snapshot()).toMatchObject({ status: 'pending', lastError: 'HTTP 503' });
    expect(d.snapshot().nextAttemptAt.getTime() - at(2).getTime()).toBe(750);
    d.attempt(at(3), 60_000);
    d.failed('HTTP 503', policy, at(4), half);
    expect(d.snapshot().nextAttemptAt.getTime() - at(4).getTime()).toBe(1125);
    expect(d.pullChanges().changes).toEqual(['attempted', 'retry-scheduled', 'attempted', 'retry-scheduled']);
    d.attempt(at(5), 60_000);
    d.failed('robot error 310000: sign not match', policy, at(6), half);
    expect(d.snapshot()).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'robot error 310000: sign not match',
    });
  });

  it('gives a failed delivery of a live subscription a new round, and nothing else', () => {
    const d = queued();
    for (let i = 0; i < 3; i++) {
      d.attempt(at(i), 60_000);
      d.failed('down', policy, at(i));
    }
    d.pullChanges();
    expect(() => d.retry(at(9), false)).toThrow(DomainError);
    d.retry(at(9), true);
    expect(d.snapshot()).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: at(9) });
    const { storedStatus, changes } = d.pullChanges();
    expect(storedStatus).toBe('failed');
    expect(becameDue(changes)).toBe(true);
    expect(() => d.retry(at(10), true)).toThrow(
      'delivery d-1 is pending; only a failed delivery of a live subscription can be retried',
    );
  });

  it('cancels only what is still pending', () => {
    const d = queued();
    expect(d.cancel('subscription deleted')).toBe(true);
    expect(d.snapshot()).toMatchObject({ status: 'cancelled', lastError: 'subscription deleted' });
    expect(d.cancel('again')).toBe(false);
  });
});
