/**
 * Notify reads its subscriptions and its copy of the directory on every event, from the settings
 * cache: a change to either is used by the very next event, in the process that had cached the
 * old values (and none of it is read from the database while nothing changes).
 */
import { AuthUser } from '@ticketing/auth';
import { SettingsCache } from '@ticketing/database';
import { RunningService } from '@ticketing/platform';
import { createTestDatabase, eventually } from '@ticketing/testing';
import { randomUUID } from 'node:crypto';
import {
  api,
  assigned,
  directory,
  json,
  publish,
  startNotify,
  startReceiver,
  Topics,
  users,
} from './notify-test-kit';

const hrA: AuthUser = { id: 'u-hr-a', role: 'department', name: '人社局甲', departmentId: 'dep-hr' };
const hrB: AuthUser = { id: 'u-hr-b', role: 'department', name: '人社局乙', departmentId: 'dep-hr' };

describe('notify’s settings cache', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let cache: SettingsCache;

  const bodies = async (u: AuthUser) =>
    ((await api(running, 'GET', '/api/v1/notify/notifications', u)).body.items as { body: string }[]).map(
      (i) => i.body,
    );
  const assign = (number: string) =>
    publish(running, Topics.Ticket, [
      assigned({ ticketId: randomUUID(), number, leadDepartmentId: 'dep-hr' }),
    ]);

  beforeAll(async () => {
    db = await createTestDatabase('notify_settings');
    receiver = await startReceiver((_r, res) => json(res, 200, { ok: true }));
    running = await startNotify(db.url);
    cache = running.app.get(SettingsCache, { strict: false });
    await publish(running, Topics.Directory, [
      directory.department('dep-hr', '人社局'),
      directory.enterprise('ent-1', '示例机械有限公司'),
      directory.user({ id: hrA.id, role: 'department', departmentId: 'dep-hr' }),
    ]);
  });
  afterAll(async () => {
    await running?.close();
    await receiver?.close();
    await db?.drop();
  });

  it('uses a renamed department, a new colleague and a departed one on the next event', async () => {
    // Until the cache's LISTEN connection is up its reads go to the database: wait for a hit.
    const hits = cache.stats.hits;
    await assign('CS-2026-000001');
    expect(
      await eventually(async () => (await assign('CS-2026-000002'), cache.stats.hits > hits), 10_000, 50),
    ).toBe(true);
    expect((await bodies(hrA)).some((b) => b.includes('人社局'))).toBe(true);

    await publish(running, Topics.Directory, [
      directory.department('dep-hr', '人力资源和社会保障局'),
      directory.user({ id: hrB.id, role: 'department', departmentId: 'dep-hr' }),
      directory.user({ id: hrA.id, role: 'department', departmentId: 'dep-hr', active: false }),
    ]);
    const before = (await bodies(hrA)).length;
    await assign('CS-2026-000099');
    const forB = await bodies(hrB);
    expect(forB).toHaveLength(1);
    expect(forB[0]).toContain('CS-2026-000099');
    expect(forB[0]).toContain('人力资源和社会保障局');
    expect(await bodies(hrA)).toHaveLength(before);
  });

  it('delivers to a subscription from the next event after it is created, and not after it is deleted', async () => {
    const received = receiver.received;
    await assign('CS-2026-000100'); // forEvent('ticket.assigned') cached: no subscription
    const created = await api(running, 'POST', '/api/v1/notify/subscriptions', users.admin, {
      name: '人社局机器人',
      channel: 'webhook',
      url: receiver.url,
      secret: 's'.repeat(24),
      events: ['ticket.assigned'],
    });
    expect(created.status).toBe(201);
    await assign('CS-2026-000101');
    expect(
      await eventually(
        async () => received.some((r) => JSON.stringify(r).includes('CS-2026-000101')),
        10_000,
        50,
      ),
    ).toBe(true);

    const off = await api(running, 'DELETE', `/api/v1/notify/subscriptions/${created.body.id}`, users.admin);
    expect(off.status).toBe(204);
    await assign('CS-2026-000102');
    await new Promise((r) => setTimeout(r, 1500)); // the delivery worker would have sent it by now
    expect(received.some((r) => JSON.stringify(r).includes('CS-2026-000102'))).toBe(false);
  });
});
