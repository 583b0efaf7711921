/**
 * npm run bench:passwords — what a burst of logins costs identity in memory.
 *
 * Every login checks a password with scrypt, which holds 128·N·r bytes while it runs (32 MB at
 * identity's parameters). BENCH_PASSWORDS_BURST checks at once (16), in a fresh process per case
 * so that each peak (getrusage maxRSS, the process's high-water mark) is its own:
 *  - "bounded": through identity's PasswordHasher (at most one derivation per core);
 *  - "unbounded": Node's scrypt with the same parameters called directly (libuv's pool, four
 *    threads unless UV_THREADPOOL_SIZE says otherwise), the ceiling of what the bound saves.
 * Printed: RSS before, peak, after, and the burst's wall time. Writes bench/results/password-burst.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, scrypt } from 'node:crypto';
import { availableParallelism } from 'node:os';
import {
  DEFAULT_SCRYPT_PARAMS,
  MAX_CONCURRENT_DERIVATIONS,
  PasswordHasher,
  scryptOptions,
} from '../../apps/identity/src/auth/domain/password-hasher';
import { progress, writeResults } from '../bench-infra';

const BURST = Number(process.env.BENCH_PASSWORDS_BURST ?? 16);
const CASES = ['bounded', 'unbounded'] as const;
type Case = (typeof CASES)[number];

interface Figures {
  case: Case;
  beforeMb: number;
  peakMb: number;
  afterMb: number;
  wallMs: number;
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

/** One case, in this (fresh) process: the burst, then the figures as one JSON line on stdout. */
async function runCase(which: Case): Promise<void> {
  const hasher = new PasswordHasher();
  const raw = () =>
    new Promise<Buffer>((resolve, reject) =>
      scrypt('Demo@2026', randomBytes(16), 64, scryptOptions(DEFAULT_SCRYPT_PARAMS), (e, k) =>
        e ? reject(e) : resolve(k),
      ),
    );
  const beforeMb = mb(process.memoryUsage().rss);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: BURST }, () => (which === 'bounded' ? hasher.hash('Demo@2026') : raw())),
  );
  const wallMs = Math.round(performance.now() - t0);
  const figures: Figures = {
    case: which,
    beforeMb,
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
    afterMb: mb(process.memoryUsage().rss),
    wallMs,
  };
  process.stdout.write(JSON.stringify(figures) + '\n');
}

function main(): void {
  const results: Figures[] = [];
  for (const which of CASES) {
    progress(`${which}: ${BURST} password checks at once`);
    const child = spawnSync(process.execPath, [__filename, which], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`${which} failed: ${child.stderr}`);
    results.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as Figures);
  }
  const md = [
    `Password checks in a burst, ${new Date().toISOString()}: ${BURST} at once, scrypt ln=${DEFAULT_SCRYPT_PARAMS.ln} r=${DEFAULT_SCRYPT_PARAMS.r} p=${DEFAULT_SCRYPT_PARAMS.p}; ${availableParallelism()} cores, at most ${MAX_CONCURRENT_DERIVATIONS} derivations at once through PasswordHasher; a fresh process per case.`,
    '',
    '| case | RSS before MB | peak RSS MB | RSS after MB | wall ms |',
    '|---|---|---|---|---|',
    ...results.map((x) => `| ${x.case} | ${x.beforeMb} | ${x.peakMb} | ${x.afterMb} | ${x.wallMs} |`),
  ].join('\n');
  writeResults('password-burst', { at: new Date().toISOString(), burst: BURST, results }, md);
  process.stdout.write(md + '\n');
}

const which = process.argv[2] as Case | undefined;
if (which && (CASES as readonly string[]).includes(which)) void runCase(which);
else main();
