/**
 * `/metrics` of the whole system, as Prometheus' own linter reads it: the standalone process (every
 * service's metrics in one registry) after some traffic, piped to `promtool check metrics`. CI
 * installs promtool (`.ci/run`); without it locally the check is skipped and says why.
 */
import { RunningService, startService } from '@ticketing/platform';
import { createTestDatabase } from '@ticketing/testing';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { STANDALONE_MODULES } from '../src/standalone.modules';

const promtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' }).status === 0;
if (!promtool && process.env.CI === 'true')
  throw new Error("promtool is required in CI (.ci/run installs Debian's prometheus package)");
if (!promtool)
  process.stderr.write(
    '\n[metrics] promtool not found: `promtool check metrics` is skipped (apt-get install --no-install-recommends prometheus; CI installs it)\n',
  );
const withPromtool = promtool ? it : it.skip;

describe('/metrics of the standalone process', () => {
  let running: RunningService;
  let db: { url: string; drop: () => Promise<void> };
  const dataDir = mkdtempSync('/var/tmp/chuishao-metrics-');

  beforeAll(async () => {
    execFileSync('chmod', ['755', dataDir]);
    db = await createTestDatabase('metrics');
    running = await startService({
      service: 'standalone',
      modules: STANDALONE_MODULES,
      environment: {
        DATABASE_URL: db.url,
        PORT: '0',
        JWT_SECRET: 'm'.repeat(40),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'true',
      },
    });
    // Some traffic, so request histograms and labelled counters have series to show.
    await fetch(`${running.url}/health`);
    await fetch(`${running.url}/api/v1/tickets`);
    await fetch(`${running.url}/api/v1/identity/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'wrong' }),
    });
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  withPromtool('passes `promtool check metrics` with no finding', async () => {
    const res = await fetch(`${running.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^# HELP /m);
    const check = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    // promtool prints each finding (`name: problem`) and exits 3 for lint findings, 1 for a parse error.
    expect({ status: check.status, findings: `${check.stdout}${check.stderr}`.trim() }).toEqual({
      status: 0,
      findings: '',
    });
  });
});
