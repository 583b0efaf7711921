/**
 * What the browser suites stand on: the built standalone process (API and web on one port, fresh
 * embedded PostgreSQL), Debian's Chromium driven by playwright-core, a console watch, screenshots.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { Browser, BrowserContext, chromium, Page, Locator } from 'playwright-core';
import { eventually } from '@ticketing/testing';

export const root = resolve(__dirname, '../../..');
export const screenshotsDir = join(root, 'docs/screenshots');
const main = join(root, 'dist/apps/standalone/src/main.js');
export const DEMO_PASSWORD = 'Demo@2026';

export interface Standalone {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** The web build always (it is quick and must match the sources); the server build when missing. */
export function buildOnce(): void {
  // Several people working on one checkout share dist/web; WEB_E2E_SKIP_BUILD=1 uses it as it is.
  if (process.env.WEB_E2E_SKIP_BUILD === '1' && existsSync(main)) return;
  if (!existsSync(main)) execFileSync('npm', ['run', 'build:server'], { cwd: root, stdio: 'inherit' });
  // The bundle people get: jest sets NODE_ENV=test, and Vite would then build React and antd in
  // their development modes (bigger, slower, with development-only console warnings).
  execFileSync('npm', ['run', 'build:web'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

/** The standalone process on a fresh database; `environment` adds settings (e.g. NOTIFY_ALLOW_HTTP). */
export async function startStandalone(environment: Record<string, string> = {}): Promise<Standalone> {
  // Not under the repo's .data: the embedded server runs as the postgres user when we are root.
  const dataDir = mkdtempSync(join(existsSync('/var/tmp') ? '/var/tmp' : '/tmp', 'chuishao-web-e2e-'));
  execFileSync('chmod', ['755', dataDir]);
  const port = await freePort();
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !['DATABASE_URL', 'KAFKA_BROKERS', 'PORT', 'DATA_DIR', 'JWT_SECRET'].includes(k),
    ),
  );
  const child: ChildProcess = spawn(process.execPath, [main], {
    // The demo directory without the demo quarter's tickets: the suites count their own (a suite may ask for it).
    env: {
      ...env,
      SEED_DEMO_QUARTER: 'false',
      ...environment,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  const healthy = await eventually(
    async () => {
      if (child.exitCode !== null) return true;
      try {
        return (await fetch(`${url}/health`)).status === 200;
      } catch {
        return false;
      }
    },
    120_000,
    250,
  );
  if (!healthy || child.exitCode !== null) throw new Error(`standalone did not start:\n${out}`);
  return {
    url,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Every console error and uncaught exception of every page of a context, tagged with the page's URL
 * and, in brackets, where the message came from (a refused request's URL, or the script's).
 */
export function watchConsole(context: BrowserContext, problems: string[]): void {
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // A refused load says only its status; which request it was is in the message's location.
      const resource = m.location().url;
      problems.push(`${page.url()} console.error: ${m.text()}${resource ? ` [${resource}]` : ''}`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()} uncaught: ${e.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
}

export function login(page: Page, baseUrl: string, username: string): Promise<void> {
  return loginWith(page, baseUrl, username, DEMO_PASSWORD);
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL('**/login');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  // Let countdowns, charts and fonts settle so the picture shows what a person would see.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });
}

/** A real PNG (a blue-to-cyan gradient, like a photo of a burst pipe would never be), built without any image library. */
export function pngBytes(width = 64, height = 48): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = table[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      raw[o] = 30;
      raw[o + 1] = Math.round((x / width) * 220);
      raw[o + 2] = 200;
    }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Chooses an option of an antd Select and checks that it took. A click that lands while the
 * dropdown is still animating open (or before its options loaded) can leave the field empty on a
 * loaded machine; then the choice is made again.
 */
export async function choose(page: Page, field: Locator, title: string): Promise<void> {
  await pickUntilShown(field, title, async () => {
    await field.click();
    return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(title);
  });
}

/** Opens the options (with `open`), clicks the one titled `title`, and checks the Select shows it; three tries. */
async function pickUntilShown(field: Locator, title: string, open: () => Promise<Locator>): Promise<void> {
  const select = field.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  for (let attempt = 1; attempt <= 3; attempt++) {
    const option = await open();
    await option.first().waitFor({ state: 'visible' });
    // A dropdown that closes under the click (a re-render on a loaded machine) is opened again.
    const clicked = await option
      .first()
      .click({ timeout: 5000 })
      .then(() => true)
      .catch(() => false);
    if (!clicked) continue;
    const deadline = Date.now() + 2000;
    while (Date.now() < deadline) {
      if ((await select.innerText()).includes(title)) return;
      await field.page().waitForTimeout(100);
    }
  }
  throw new Error(`could not choose "${title}"`);
}

/** Like `login`, for a user whose password is not the demo one (an account an admin just created). */
export async function loginWith(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.evaluate('localStorage.removeItem("cs.session")');
  await page.goto(`${baseUrl}/login`);
  await submitLogin(page, username, password);
}

/** Fills and sends the login form already on screen, and waits until the app has left it. */
export async function submitLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/**
 * The text shown under a form control (antd renders it in `<control id>_help`), once it has settled
 * on what `ok` accepts, or whatever it shows when `ms` runs out, for the caller's assertion to report.
 */
export async function messagesUnder(
  page: Page,
  control: Locator,
  ok: (messages: string[]) => boolean = (m) => m.length > 0,
  ms = 10_000,
): Promise<string[]> {
  const id = await control.getAttribute('id');
  if (!id) throw new Error('the control has no id, so its messages cannot be found');
  const help = page.locator(`[id="${id}_help"] .ant-form-item-explain-error`);
  const end = Date.now() + ms;
  let shown = await help.allInnerTexts();
  while (!ok(shown) && Date.now() < end) {
    await page.waitForTimeout(100);
    shown = await help.allInnerTexts();
  }
  return shown;
}

/**
 * The dropdown of one antd Select (by its search input), not just any open one: a dropdown that
 * is still closing after the previous choice must not be mistaken for this one.
 */
export async function dropdownOf(page: Page, field: Locator): Promise<Locator> {
  const id = await field.getAttribute('id');
  if (!id) throw new Error('the select has no id to find its dropdown by');
  return page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .filter({ has: page.locator(`[id="${id}_list"]`) });
}

/**
 * Like choose(), for a searchable Select whose option may lie outside the rendered window of its
 * virtual list (a long list of departments): types the title to narrow the list, then chooses it
 * and checks that it took.
 */
export async function chooseBySearch(page: Page, field: Locator, title: string): Promise<void> {
  await pickUntilShown(field, title, async () => {
    await field.click();
    await field.fill(title);
    return (await dropdownOf(page, field)).locator(
      `.ant-select-item-option[title="${title.replace(/"/g, '\\"')}"]`,
    );
  });
}

/**
 * What the window shows, for an open dialog: a full-page capture stretches the window to the page's
 * height, and the dialog's mask then covers only part of the picture.
 */
export async function screenshotWindow(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`) });
}

/**
 * A browser profile as the users in the tests have them: Chinese, Beijing time, a laptop's screen
 * (or a phone's), every console error collected into `problems`. One profile holds one session.
 */
export async function newProfile(
  browser: Browser,
  problems: string[],
  opts: { phone?: boolean; acceptDownloads?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: opts.phone ? { width: 375, height: 812 } : { width: 1366, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(opts.phone ? { hasTouch: true } : {}),
    ...(opts.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  watchConsole(context, problems);
  return context;
}

/** Fills the whistle form's required fields (the page is on /whistle); the caller submits. */
export async function fillWhistle(
  page: Page,
  t: { category: string; title: string; description: string; contact: string; phone: string },
): Promise<void> {
  await chooseBySearch(page, page.getByLabel('问题类别'), t.category);
  await page.getByLabel('标题').fill(t.title);
  await page.getByLabel('问题描述').fill(t.description);
  await page.getByLabel('联系人').fill(t.contact);
  await page.getByLabel('联系电话').fill(t.phone);
}

export interface BrowserSuite {
  server: Standalone;
  browser: Browser;
  /** A laptop-sized profile whose console errors go to the suite's `problems`. */
  desktop: BrowserContext;
}

/**
 * The frame of a browser suite: before its tests, the build (once per run), a standalone process of
 * its own, Chromium and a desktop profile, handed to `ready`; after them, all closed again.
 */
export function browserSuite(
  problems: string[],
  ready: (suite: BrowserSuite) => void | Promise<void>,
  desktopOptions: { acceptDownloads?: boolean; environment?: Record<string, string> } = {},
): void {
  let suite: Partial<BrowserSuite> = {};
  beforeAll(async () => {
    buildOnce();
    suite.server = await startStandalone(desktopOptions.environment);
    suite.browser = await launchBrowser();
    suite.desktop = await newProfile(suite.browser, problems, {
      acceptDownloads: desktopOptions.acceptDownloads,
    });
    await ready(suite as BrowserSuite);
  }, 300_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
    suite = {};
  });
}
