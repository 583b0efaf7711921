import { RunningService } from '@ticketing/platform';
import { openServiceDataSource } from '@ticketing/database';
import { createTestDatabase } from '@ticketing/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { NotifyMessaging1763769600000 } from '../src/migrations/1763769600000-notify-messaging';
import { NotifySchema1763769700000 } from '../src/migrations/1763769700000-notify-schema';
import { keyIdOf } from '../src/secrets/domain/secret-box';
import { api, json, NOTIFY_KEY, startNotify, startReceiver, users, webhookVerify } from './notify-test-kit';

const KEY_B = Buffer.alloc(32, 0xb7).toString('base64');
const KEY_C = Buffer.alloc(32, 0xc3).toString('base64');
const idOf = (key: string) => keyIdOf(Buffer.from(key, 'base64'));

const OLD_HOOK_SECRET = 'stored-in-clear-webhook-secret';
const OLD_DING_SECRET = 'SECstored-in-clear-dingtalk-secret';
const OLD_WECOM_KEY = 'stored-in-clear-wecom-key-0001';
const NEW_HOOK_SECRET = 'a-webhook-secret-typed-today';
const NEW_DING_SECRET = 'SECa-dingtalk-secret-typed-today';
const NEW_WECOM_KEY = 'a-wecom-key-typed-today-0002';
const SMS_SECRET = 'an-sms-access-key-secret-today';
const PLAINTEXTS = [
  OLD_HOOK_SECRET,
  OLD_DING_SECRET,
  OLD_WECOM_KEY,
  NEW_HOOK_SECRET,
  NEW_DING_SECRET,
  NEW_WECOM_KEY,
  SMS_SECRET,
];

describe('notify keeps subscription secrets sealed at rest', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService | undefined;
  let pg: Client;
  let hook: Awaited<ReturnType<typeof startReceiver>>;
  let hookUrl: string;
  const oldHookId = randomUUID();

  /** Every subscription row as PostgreSQL holds it, one text per row. */
  const rowsAsText = async () =>
    (await pg.query(`SELECT row_to_json(s)::text AS t FROM notify.subscriptions s ORDER BY id`)).rows.map(
      (r: { t: string }) => r.t,
    );
  const sealedColumns = async () =>
    (await pg.query(`SELECT id, url, secret FROM notify.subscriptions ORDER BY id`)).rows as {
      id: string;
      url: string | null;
      secret: string | null;
    }[];
  const restart = async (environment: Record<string, string>) => {
    await running?.close();
    running = await startNotify(db.url, environment);
  };
  /** The old webhook, sent a test message: the receiver checks the signature with the secret typed long ago. */
  const testOldHook = async () => {
    const before = hook.received.length;
    const res = await api(running!, 'POST', `/api/v1/notify/subscriptions/${oldHookId}/test`, users.admin);
    return {
      ...res.body,
      verified:
        hook.received.length > before &&
        webhookVerify(OLD_HOOK_SECRET, hook.received[hook.received.length - 1]),
    };
  };

  beforeAll(async () => {
    db = await createTestDatabase('notify_secrets');
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    hook = await startReceiver((r, res) =>
      webhookVerify(OLD_HOOK_SECRET, r) || webhookVerify(NEW_HOOK_SECRET, r)
        ? res.writeHead(204).end()
        : json(res, 401, {}),
    );
    hookUrl = `${hook.url}/hook`;
    // The schema as it was before secrets were sealed, with subscriptions saved then, in clear.
    const before = await openServiceDataSource({
      url: db.url,
      schema: 'notify',
      entities: [],
      migrations: [NotifyMessaging1763769600000, NotifySchema1763769700000],
    });
    const insert = (id: string, name: string, channel: string, url: string, secret: string | null) =>
      before.query(
        `INSERT INTO notify.subscriptions (id, name, channel, events, url, secret, msgtype, created_by)
         VALUES ($1, $2, $3, ARRAY['ticket.assigned'], $4, $5, $6, 'u-admin')`,
        [id, name, channel, url, secret, channel === 'webhook' ? null : 'markdown'],
      );
    await insert(oldHookId, '旧 webhook', 'webhook', hookUrl, OLD_HOOK_SECRET);
    await insert(
      randomUUID(),
      '旧钉钉群',
      'dingtalk',
      'https://oapi.dingtalk.com/robot/send?access_token=tok',
      OLD_DING_SECRET,
    );
    await insert(
      randomUUID(),
      '旧企业微信群',
      'wecom',
      `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${OLD_WECOM_KEY}`,
      null,
    );
    await before.destroy();
  });

  afterAll(async () => {
    await running?.close();
    await pg?.end();
    await hook?.close();
    await db?.drop();
  });

  it('seals the secrets stored in clear when it migrates, and the old subscriptions still work', async () => {
    expect((await rowsAsText()).join('\n')).toContain(OLD_HOOK_SECRET);
    await restart({});
    const text = (await rowsAsText()).join('\n');
    for (const p of PLAINTEXTS) expect(text).not.toContain(p);
    for (const r of await sealedColumns()) {
      expect(r.url).toMatch(new RegExp(`^enc:v1:${idOf(NOTIFY_KEY)}:`));
      if (r.secret !== null) expect(r.secret).toMatch(new RegExp(`^enc:v1:${idOf(NOTIFY_KEY)}:`));
    }
    expect(await testOldHook()).toMatchObject({ delivered: true, verified: true });
    const listed = await api(running!, 'GET', '/api/v1/notify/subscriptions', users.admin);
    expect(listed.body.map((s: { hasSecret: boolean; name: string }) => [s.name, s.hasSecret])).toEqual([
      ['旧 webhook', true],
      ['旧钉钉群', true],
      ['旧企业微信群', false],
    ]);
    expect(listed.body.find((s: { name: string }) => s.name === '旧企业微信群').url).toBe(
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=stor%E2%80%A6',
    );
    expect(JSON.stringify(listed.body)).not.toMatch(/stored-in-clear|SECstored/);
  });

  it('seals what is saved through the API, and the API never returns a secret', async () => {
    const bodies = [
      { name: '新 webhook', channel: 'webhook', events: ['assigned'], url: hookUrl, secret: NEW_HOOK_SECRET },
      {
        name: '新钉钉群',
        channel: 'dingtalk',
        events: ['assigned'],
        url: 'https://oapi.dingtalk.com/robot/send?access_token=t2',
        secret: NEW_DING_SECRET,
      },
      {
        name: '新企业微信群',
        channel: 'wecom',
        events: ['assigned'],
        url: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${NEW_WECOM_KEY}`,
      },
      {
        name: '企业短信',
        channel: 'sms',
        events: ['assigned'],
        url: 'https://dysmsapi.aliyuncs.com/',
        secret: SMS_SECRET,
        smsAccessKeyId: 'LTAIkeyid',
        smsSignName: '园区吹哨报到',
        smsTemplates: { assigned: 'SMS_1' },
      },
    ];
    for (const body of bodies) {
      const res = await api(running!, 'POST', '/api/v1/notify/subscriptions', users.admin, body);
      expect(res.status).toBe(201);
      expect(JSON.stringify(res.body)).not.toContain(body.secret ?? NEW_WECOM_KEY);
    }
    const text = (await rowsAsText()).join('\n');
    for (const p of PLAINTEXTS) expect(text).not.toContain(p);
    const listed = JSON.stringify(
      (await api(running!, 'GET', '/api/v1/notify/subscriptions', users.admin)).body,
    );
    for (const p of PLAINTEXTS) expect(listed).not.toContain(p);
  });

  it('rotates the key: the retired key still opens, everything is resealed at start, then the old key can go', async () => {
    const sealedBefore = await sealedColumns();
    await restart({ NOTIFY_SECRET_KEY: KEY_B, NOTIFY_SECRET_KEYS_PREVIOUS: NOTIFY_KEY });
    const resealed = await sealedColumns();
    for (const r of resealed) {
      expect(r.url).toMatch(new RegExp(`^enc:v1:${idOf(KEY_B)}:`));
      if (r.secret !== null) expect(r.secret).toMatch(new RegExp(`^enc:v1:${idOf(KEY_B)}:`));
    }
    expect(resealed.map((r) => r.url)).not.toEqual(sealedBefore.map((r) => r.url));
    expect(await testOldHook()).toMatchObject({ delivered: true, verified: true });

    // The retired key removed: everything opens with the current one alone.
    await restart({ NOTIFY_SECRET_KEY: KEY_B });
    expect(await testOldHook()).toMatchObject({ delivered: true, verified: true });
  });

  it('refuses to start without the key that sealed the stored secrets, naming it, and changes nothing', async () => {
    const before = hook.received.length;
    const rows = await sealedColumns();
    await running?.close();
    running = undefined;
    await expect(startNotify(db.url, { NOTIFY_SECRET_KEY: KEY_C })).rejects.toThrow(
      `notify: the stored value was sealed with key ${idOf(KEY_B)}, which is not configured`,
    );
    expect(hook.received.length).toBe(before);
    // The rows are left as they were: nothing is resealed with a key that cannot open them.
    expect(await sealedColumns()).toEqual(rows);
    await restart({ NOTIFY_SECRET_KEY: KEY_B });
    expect(await testOldHook()).toMatchObject({ delivered: true, verified: true });
  });
});
