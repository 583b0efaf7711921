// Thin wrapper over scripts/kafka-broker.mjs for jest global setup/teardown. The script stays the
// single source of truth (it is also used by hand and in CI), so this file only runs it and parses
// its output instead of re-implementing any broker handling.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export interface KafkaBrokerOptions {
  port?: number;
  controllerPort?: number;
  dataDir?: string;
  /** Wipe the data dir (all topics and offsets) before starting. */
  fresh?: boolean;
}

export type KafkaBrokerResult = { brokers: string; started: boolean } | { brokers: null; reason: string };

/** The script's exit code when java or mvn is missing; anything else non-zero is a real failure. */
const EXIT_PREREQ_MISSING = 3;

interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

// Walk up instead of a fixed relative path so this works from source (jest + swc) and from dist/.
function findScript(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'scripts', 'kafka-broker.mjs');
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`scripts/kafka-broker.mjs not found above ${__dirname}`);
    dir = parent;
  }
}

function runScript(args: string[], opts: KafkaBrokerOptions): Promise<ScriptRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (opts.port !== undefined) env.KAFKA_PORT = String(opts.port);
  if (opts.controllerPort !== undefined) env.KAFKA_CONTROLLER_PORT = String(opts.controllerPort);
  if (opts.dataDir !== undefined) env.KAFKA_DATA_DIR = path.resolve(opts.dataDir);

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [findScript(), ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      // Forwarded live: a cold first run downloads jars for a while and should not look hung.
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1] ?? '';
}

/**
 * Starts the local Kafka broker, or reuses the one already running for the same data dir.
 * Resolves to `{ brokers: null, reason }` when Java or Maven is missing so callers can skip
 * Kafka-dependent tests; rejects on any other failure.
 */
export async function ensureKafkaBroker(opts: KafkaBrokerOptions = {}): Promise<KafkaBrokerResult> {
  const run = await runScript(opts.fresh ? ['start', '--fresh'] : ['start'], opts);
  if (run.code === EXIT_PREREQ_MISSING) {
    return { brokers: null, reason: lastLine(run.stderr).replace(/^\[kafka-broker\]\s*/, '') };
  }
  const brokers = /^KAFKA_BROKERS=(\S+)$/m.exec(run.stdout)?.[1];
  if (run.code !== 0 || !brokers) {
    throw new Error(`kafka-broker.mjs start failed (exit ${run.code}):\n${run.stderr.trim()}`);
  }
  return { brokers, started: /^KAFKA_BROKER_STARTED=true$/m.test(run.stderr) };
}

/** Stops the broker for the given data dir; a no-op when none is running. */
export async function stopKafkaBroker(opts: Pick<KafkaBrokerOptions, 'dataDir'> = {}): Promise<void> {
  const run = await runScript(['stop'], opts);
  if (run.code !== 0) {
    throw new Error(`kafka-broker.mjs stop failed (exit ${run.code}):\n${run.stderr.trim()}`);
  }
}
