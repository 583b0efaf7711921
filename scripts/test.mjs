#!/usr/bin/env node
// `npm test`: every suite (unit, integration, end-to-end) on a real PostgreSQL and a real Kafka.
// Starts a fresh Kafka broker from its Maven Central jars unless KAFKA_BROKERS is given; without
// Java/Maven the Kafka suites are skipped with the reason (REQUIRE_KAFKA=1 makes that a failure).
// Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };
const kafkaEnv = {
  ...process.env,
  KAFKA_PORT: env.TEST_KAFKA_PORT ?? '29092',
  KAFKA_CONTROLLER_PORT: env.TEST_KAFKA_CONTROLLER_PORT ?? '29093',
  KAFKA_DATA_DIR: join(root, '.data', 'test-kafka'),
};
let startedKafka = false;

if (env.KAFKA_BROKERS) {
  env.TEST_KAFKA_BROKERS = env.KAFKA_BROKERS;
} else {
  const r = spawnSync(process.execPath, [join(root, 'scripts/kafka-broker.mjs'), 'start', '--fresh'], {
    env: kafkaEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  const line = /KAFKA_BROKERS=(\S+)/.exec(r.stdout ?? '');
  if (r.status === 0 && line) {
    env.TEST_KAFKA_BROKERS = line[1];
    startedKafka = true;
    console.log(`[test] Kafka broker at ${line[1]}`);
  } else {
    const reason =
      r.status === 3 ? 'Java or Maven is not installed' : `the Kafka broker did not start (exit ${r.status})`;
    if (env.REQUIRE_KAFKA === '1') {
      console.error(`[test] REQUIRE_KAFKA=1 and ${reason}`);
      process.exit(1);
    }
    env.TEST_KAFKA_SKIP_REASON = reason;
    console.log(`[test] Kafka suites will be skipped: ${reason}`);
  }
}

// The browser suites stand on the built process and web app: built once here for all of them
// (production mode, as people get it), not once per suite. Skipped when only unit specs run.
const args = process.argv.slice(2);
if (!/--selectProjects[= ]unit$/.test(args.join(' '))) {
  const built = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) {
    console.error('[test] npm run build failed');
    process.exit(1);
  }
  env.WEB_E2E_SKIP_BUILD = '1';
}

// Two suites at a time by default (TEST_WORKERS=1 runs them in band): every suite has its own
// database, its own Kafka topic prefix and its own free port, so they do not share state. A whole
// run (no arguments) takes the browser suites (test/web) afterwards, one at a time: each drives a
// browser, a built process and PostgreSQL, and timing-sensitive UI steps get the machine to
// themselves.
const workers = env.TEST_WORKERS ?? '2';
if (!/^[1-9]$/.test(workers)) {
  console.error(`[test] TEST_WORKERS must be 1-9, got "${workers}"`);
  process.exit(1);
}
const parallel = workers === '1' ? ['--runInBand'] : [`--maxWorkers=${workers}`];
const phases =
  args.length === 0 && workers !== '1'
    ? [
        {
          name: 'jest-results',
          args: [...parallel, '--testPathIgnorePatterns', '/node_modules/', '/apps/web/', '/test/web/'],
        },
        { name: 'jest-results-web', args: ['--runInBand', 'test/web/'] },
      ]
    : [{ name: 'jest-results', args: [...parallel, ...args] }];

const runJest = (phase) =>
  new Promise((res) => {
    const jest = spawn(
      process.execPath,
      [
        join(root, 'node_modules/jest/bin/jest.js'),
        '--json',
        `--outputFile=${join(root, '.data', `${phase.name}.json`)}`,
        ...phase.args,
      ],
      { env, stdio: 'inherit', cwd: root },
    );
    jest.on('close', (c) => res(c ?? 1));
  });
let code = 0;
for (const phase of phases) code = (await runJest(phase)) || code;

if (startedKafka)
  spawnSync(process.execPath, [join(root, 'scripts/kafka-broker.mjs'), 'stop'], {
    env: kafkaEnv,
    stdio: 'inherit',
  });
// The test PostgreSQL (started by jest's global setup) is stopped too, so nothing outlives the run.
const pidFile = join(root, '.data/test-postgres/postmaster.pid');
if (existsSync(pidFile)) {
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    /* already gone */
  }
}
// One closing line that any CI reads: how many passed, failed and were skipped, over every phase.
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const phase of phases) {
  const file = join(root, '.data', `${phase.name}.json`);
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests;
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(code);
