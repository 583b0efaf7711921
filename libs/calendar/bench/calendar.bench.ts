/**
 * Micro-benchmark: 1,000,000 calls of each hot function on random instants in 2024–2026.
 * No jest, no ts-node. Run from the repository root:
 *
 *   npx swc libs/calendar -d /tmp/cal-bench && node /tmp/cal-bench/libs/calendar/bench/calendar.bench.js
 */
import { WorkCalendar } from '../src';

const N = 1_000_000;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const cal = new WorkCalendar();
const rand = mulberry32(42);
const lo = Date.parse('2024-01-01T00:00:00+08:00');
const hi = Date.parse('2026-12-01T00:00:00+08:00');
const starts = new Float64Array(N);
const dates: Date[] = new Array(N);
const days = new Int32Array(N);
const hours = new Float64Array(N);
for (let i = 0; i < N; i++) {
  starts[i] = lo + Math.floor(rand() * (hi - lo));
  dates[i] = new Date(starts[i]!);
  days[i] = 1 + Math.floor(rand() * 20); // 1–20 working days
  hours[i] = 1 + Math.floor(rand() * 72); // 1–72 working hours
}

function bench(name: string, fn: (i: number) => number): void {
  let sink = 0;
  for (let i = 0; i < 50_000; i++) sink += fn(i); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) sink += fn(i);
  const ns = Number(process.hrtime.bigint() - t0);
  const opsPerSec = (N / ns) * 1e9;
  console.log(
    `${name.padEnd(44)} ${Math.round(opsPerSec).toLocaleString('en-US').padStart(12)} ops/s  ` +
      `(${(ns / 1e6).toFixed(1)} ms for ${N.toLocaleString('en-US')})  [checksum ${sink % 1000}]`,
  );
}

console.log(
  `node ${process.version}, ${N.toLocaleString('en-US')} calls each, calendar covers ${cal.coverage().join(', ')}`,
);
bench('addWorkingDays(Date, n) → Date', (i) => cal.addWorkingDays(dates[i]!, days[i]!).getTime());
bench('addWorkingHours(Date, h) → Date', (i) => cal.addWorkingHours(dates[i]!, hours[i]!).getTime());
bench('addWorkingDaysEpoch(ms, n) → ms', (i) => cal.addWorkingDaysEpoch(starts[i]!, days[i]!));
bench('addWorkingMinutesEpoch(ms, min) → ms', (i) => cal.addWorkingMinutesEpoch(starts[i]!, hours[i]! * 60));
bench('workingMinutesBetween(Date, Date)', (i) =>
  Math.round(cal.workingMinutesBetween(dates[i]!, dates[(i + 1) % N]!)),
);
bench('isWorkingDay(Date)', (i) => (cal.isWorkingDay(dates[i]!) ? 1 : 0));
