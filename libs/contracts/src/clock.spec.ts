import { Clock } from './clock';
import { createEnvelope } from './event-envelope';

const actor = { id: 'system', role: 'system' as const };

describe('Clock', () => {
  afterEach(() => Clock.resume());

  it('is system time unless told otherwise', () => {
    const before = Date.now();
    const now = Clock.nowMs();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    expect(Clock.simulating).toBe(false);
  });

  it('stands at the given moment inside Clock.at, also across awaits, and nowhere else', async () => {
    const at = new Date('2026-09-01T02:00:00Z');
    const seen = await Clock.at(at, async () => {
      await new Promise((r) => setTimeout(r, 5));
      return Clock.now().toISOString();
    });
    expect(seen).toBe(at.toISOString());
    expect(Math.abs(Clock.nowMs() - Date.now())).toBeLessThan(1000);
  });

  it('moves the whole process on travel, flows from there, only forward, until resumed', async () => {
    Clock.travel(new Date('2026-09-01T01:00:00Z'));
    const first = Clock.nowMs();
    expect(first - Date.parse('2026-09-01T01:00:00Z')).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 20));
    expect(Clock.nowMs()).toBeGreaterThan(first);
    expect(Clock.simulating).toBe(true);
    expect(() => Clock.travel(new Date('2026-08-31T00:00:00Z'))).toThrow(/only moves forward/);
    Clock.travel(new Date('2026-10-08T03:30:00Z'));
    expect(Clock.now().toISOString().slice(0, 13)).toBe('2026-10-08T03');
    Clock.resume();
    expect(Math.abs(Clock.nowMs() - Date.now())).toBeLessThan(1000);
  });

  it('dates an event without its own time at the clock’s now', () => {
    const e = Clock.at(new Date('2026-09-02T03:04:05.006Z'), () =>
      createEnvelope({ type: 'x.y', aggregateId: 'a', aggregateVersion: 1, actor, payload: {} }),
    );
    expect(e.occurredAt).toBe('2026-09-02T03:04:05.006Z');
  });
});
