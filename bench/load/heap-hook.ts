/**
 * Preloaded into every service (NODE_OPTIONS=--require) by the benches: what a process's peak RSS
 * is made of. After each full (major) collection V8's used heap is the live set, what the process
 * really holds (read when the observer is told of the collection, shortly after it); the peak heap
 * in between is that plus garbage not yet collected. The hook records the largest live set, the
 * largest committed heap (sampled once a second), how many collections of each kind ran and how
 * long they paused the thread, and writes them as `<pid>.json` into LOAD_HEAP_DIR once a second
 * (the bench reads the last one after its run).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';

export interface HeapFigures {
  /** The largest heap in use right after a full collection, MB: the live set. */
  liveAfterFullGcMb: number;
  /** The largest heap V8 had committed, MB. */
  heapTotalPeakMb: number;
  fullGcs: number;
  youngGcs: number;
  /** Pauses of the main thread for collection, ms. */
  gcPauseMs: number;
}

const dir = process.env.LOAD_HEAP_DIR;
if (dir) {
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  let live = 0;
  let heapTotal = 0;
  let fullGcs = 0;
  let youngGcs = 0;
  let pauseMs = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      pauseMs += entry.duration;
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        fullGcs++;
        live = Math.max(live, process.memoryUsage().heapUsed);
      } else youngGcs++;
    }
  }).observe({ entryTypes: ['gc'] });
  const file = join(dir, `${process.pid}.json`);
  const timer = setInterval(() => {
    heapTotal = Math.max(heapTotal, process.memoryUsage().heapTotal);
    const figures: HeapFigures = {
      liveAfterFullGcMb: mb(live),
      heapTotalPeakMb: mb(heapTotal),
      fullGcs,
      youngGcs,
      gcPauseMs: Math.round(pauseMs),
    };
    // Whole or not at all: the bench may read the file at any moment.
    writeFileSync(`${file}.tmp`, JSON.stringify(figures));
    renameSync(`${file}.tmp`, file);
  }, 1000);
  timer.unref();
}
