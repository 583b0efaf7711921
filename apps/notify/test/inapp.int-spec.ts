import { AuthUser, TokenService } from '@ticketing/auth';
import { RunningService } from '@ticketing/platform';
import { createTestDatabase, eventually } from '@ticketing/testing';
import { randomUUID } from 'node:crypto';
import {
  api,
  assigned,
  breached,
  directory,
  publish,
  startNotify,
  submitted,
  ticketEvent,
  SECRET,
  Topics,
} from './notify-test-kit';

const hrA: AuthUser = { id: 'u-hr-a', role: 'department', name: '人社局甲', departmentId: 'dep-hr' };
const hrB: AuthUser = { id: 'u-hr-b', role: 'department', name: '人社局乙', departmentId: 'dep-hr' };
const tax: AuthUser = { id: 'u-tax', role: 'department', name: '税务局', departmentId: 'dep-tax' };
const ent: AuthUser = { id: 'u-ent-1', role: 'enterprise', name: '企业', enterpriseId: 'ent-1' };
const otherEnt: AuthUser = { id: 'u-ent-2', role: 'enterprise', name: '另一企业', enterpriseId: 'ent-2' };
const committee: AuthUser = { id: 'u-committee', role: 'committee', name: '党委' };

interface Item {
  id: string;
  eventType: string;
  title: string;
  body: string;
  link: string;
  readAt: string | null;
}

/** What identity's POST /api/v1/identity/stream-tickets hands out: EventSource cannot send the bearer token. */
const streamTicket = (u: AuthUser) =>
  new TokenService(SECRET).signStreamTicket(u, '/api/v1/notify/stream').ticket;

describe('notify in-app notifications', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;

  const list = async (u: AuthUser, query = '') =>
    (await api(running, 'GET', `/api/v1/notify/notifications${query}`, u)).body as {
      items: Item[];
      nextCursor: string | null;
    };
  const unread = async (u: AuthUser) =>
    (await api(running, 'GET', '/api/v1/notify/notifications/unread-count', u)).body.unread as number;

  beforeAll(async () => {
    db = await createTestDatabase('notify_inapp');
    running = await startNotify(db.url, { PUBLIC_BASE_URL: 'https://cs.zone.example' });
    await publish(running, Topics.Directory, [
      directory.department('dep-hr', '人社局'),
      directory.department('dep-tax', '税务局'),
      directory.enterprise('ent-1', '示例机械有限公司'),
      ...[hrA, hrB, tax, ent, otherEnt, committee].map((u) =>
        directory.user({
          id: u.id,
          role: u.role,
          departmentId: u.departmentId,
          enterpriseId: u.enterpriseId,
        }),
      ),
      directory.user({ id: 'u-hr-gone', role: 'department', departmentId: 'dep-hr', active: false }),
    ]);
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  it('tells each user what concerns them, and nobody else', async () => {
    const ticketId = randomUUID();
    const t = { ticketId, number: 'CS-2026-000042', leadDepartmentId: 'dep-hr' };
    await publish(running, Topics.Ticket, [submitted({ ...t, title: '企业用电增容' }), assigned(t)]);
    await publish(running, Topics.Ticket, [
      ticketEvent('ticket.resolved', t, {
        status: 'resolved',
        departmentId: 'dep-hr',
        result: '已协调供电公司',
        evidence: [],
      }),
    ]);
    await publish(running, Topics.Sla, [breached(t)]);

    const types = async (u: AuthUser) => (await list(u)).items.map((i) => i.eventType).sort();
    expect(await types(hrA)).toEqual(['sla.breached', 'ticket.assigned']);
    expect(await types(hrB)).toEqual(['sla.breached', 'ticket.assigned']);
    expect(await types(tax)).toEqual([]);
    expect(await types(ent)).toEqual(['ticket.resolved']);
    expect(await types(otherEnt)).toEqual([]);
    expect(await types(committee)).toEqual(['sla.breached']);

    const [assignedItem] = (await list(hrA)).items.filter((i) => i.eventType === 'ticket.assigned');
    expect(assignedItem).toMatchObject({
      title: '新诉求待签收',
      link: `https://cs.zone.example/tickets/${ticketId}`,
      readAt: null,
    });
    expect(assignedItem.body).toContain('CS-2026-000042');
    expect(assignedItem.body).toContain('企业用电增容');
    expect(assignedItem.body).toContain('人社局');
  });

  it('counts unread, pages with a cursor, and marks read only for the owner', async () => {
    const before = await unread(hrA);
    const ticketIds = [randomUUID(), randomUUID(), randomUUID()];
    for (const ticketId of ticketIds)
      await publish(running, Topics.Ticket, [assigned({ ticketId, leadDepartmentId: 'dep-hr' })]);
    expect(await unread(hrA)).toBe(before + 3);

    const first = await list(hrA, '?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await list(hrA, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items[0].id < first.items[1].id).toBe(true);
    expect((await api(running, 'GET', '/api/v1/notify/notifications?limit=0', hrA)).status).toBe(400);
    const badCursor = await api(running, 'GET', '/api/v1/notify/notifications?cursor=abc', hrA);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors).toEqual([
      { field: 'cursor', messages: ['cursor must be the nextCursor of a previous page'] },
    ]);

    const mine = first.items[0].id;
    expect((await api(running, 'POST', `/api/v1/notify/notifications/${mine}/read`, hrB)).status).toBe(404);
    expect((await api(running, 'POST', `/api/v1/notify/notifications/${mine}/read`, tax)).status).toBe(404);
    expect(await unread(hrA)).toBe(before + 3);
    expect((await api(running, 'POST', `/api/v1/notify/notifications/${mine}/read`, hrA)).status).toBe(204);
    expect(await unread(hrA)).toBe(before + 2);
    expect((await list(hrA, '?unread=true')).items.map((i) => i.id)).not.toContain(mine);

    const hrBUnread = await unread(hrB);
    const all = await api(running, 'POST', '/api/v1/notify/notifications/read-all', hrA);
    expect(all.body).toEqual({ marked: before + 2 });
    expect(await unread(hrA)).toBe(0);
    expect(await unread(hrB)).toBe(hrBUnread);
  });

  it('pushes new notifications live over Server-Sent Events to their user only', async () => {
    const open = async (u: AuthUser) => {
      const ctrl = new AbortController();
      const res = await fetch(`${running.url}/api/v1/notify/stream?ticket=${streamTicket(u)}`, {
        signal: ctrl.signal,
      });
      expect(res.status).toBe(200);
      let text = '';
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      void (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            text += decoder.decode(value, { stream: true });
          }
        } catch {
          // aborted
        }
      })();
      return { text: () => text, close: () => ctrl.abort() };
    };
    const a = await open(hrA);
    const t = await open(tax);
    await eventually(() => a.text().includes('event: unread'));
    const ticketId = randomUUID();
    const started = Date.now();
    await publish(running, Topics.Ticket, [
      assigned({ ticketId, number: 'CS-2026-000999', leadDepartmentId: 'dep-hr' }),
    ]);
    await eventually(() => a.text().includes('CS-2026-000999'), 5000);
    expect(Date.now() - started).toBeLessThan(2000);
    const frames = a
      .text()
      .split('\n\n')
      .filter((f) => f.includes('event: notification'));
    expect(frames).toHaveLength(1);
    const data = JSON.parse(
      frames[0]
        .split('\n')
        .find((l) => l.startsWith('data: '))!
        .slice(6),
    );
    expect(data).toMatchObject({ eventType: 'ticket.assigned', ticketId, title: '新诉求待签收' });
    expect(a.text()).toMatch(/event: unread\ndata: \{"unread":1\}/);
    expect(t.text()).not.toContain('event: notification');
    a.close();
    t.close();
  });
});
