/**
 * The web app's live streams in a real Chromium against the standalone process: the committee's
 * dashboard opens the ledger's stream and the bell opens notify's, each with a one-use ticket asked
 * for with the bearer token — never a token in a URL. When an admin deactivates the user, the
 * server closes both streams, the app cannot get a new ticket or a new token, and it is back at
 * the login page. Screenshots go to the system's temporary directory, not docs/.
 */
import { eventually } from '@ticketing/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Request } from 'playwright-core';
import { browserSuite, BrowserSuite, DEMO_PASSWORD, login } from '../web/support/harness';

const shots = mkdtempSync(join(tmpdir(), 'chuishao-web-streams-'));

describe('the web app opens its event streams with stream tickets', () => {
  const problems: string[] = [];
  let suite: BrowserSuite;
  browserSuite(problems, (s) => {
    suite = s;
  });

  it('never puts a token in a URL, and goes back to the login page once the user is deactivated', async () => {
    const page = await suite.desktop.newPage();
    const seen: string[] = [];
    page.on('request', (r: Request) =>
      seen.push(`${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`),
    );
    await login(page, suite.server.url, 'committee');
    await page.goto(`${suite.server.url}/dashboard`);
    const opened = (path: string) => seen.some((s) => s.startsWith(`GET ${path}?ticket=`));
    expect(
      await eventually(
        () => (opened('/api/v1/ledger/stream') && opened('/api/v1/notify/stream')) || undefined,
        30_000,
        100,
      ),
    ).toBe(true);
    expect(seen.filter((s) => s === 'POST /api/v1/identity/stream-tickets').length).toBeGreaterThanOrEqual(2);
    expect(seen.filter((s) => /access_token=/.test(s))).toEqual([]);
    await page.screenshot({ path: join(shots, 'dashboard-live.png'), fullPage: true });

    // The admin deactivates the committee user (over the API, as another browser would).
    const admin = await fetch(`${suite.server.url}/api/v1/identity/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    const adminToken = ((await admin.json()) as { accessToken: string }).accessToken;
    const users = (await (
      await fetch(`${suite.server.url}/api/v1/identity/users?q=committee`, {
        headers: { authorization: `Bearer ${adminToken}` },
      })
    ).json()) as { items: { id: string; username: string; version: number }[] };
    const committee = users.items.find((u) => u.username === 'committee')!;
    const off = await fetch(`${suite.server.url}/api/v1/identity/users/${committee.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ active: false, expectedVersion: committee.version }),
    });
    expect(off.status).toBe(200);

    // The streams end, the app asks for a new ticket, is refused, cannot refresh, and shows the login.
    await page.waitForURL('**/login', { timeout: 30_000 });
    await page.screenshot({ path: join(shots, 'after-deactivation.png'), fullPage: true });
    expect(seen.filter((s) => /access_token=/.test(s))).toEqual([]);
    process.stdout.write(`\nscreenshots: ${shots}\n`);
    expect(problems.filter((p) => !/401|Unauthorized|Failed to load resource/.test(p))).toEqual([]);
  }, 120_000);
});
