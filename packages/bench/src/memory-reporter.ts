/**
 * Preloaded into the API process by the sustained-load scenario (`node --import <this file>`), so
 * the API's memory is observed from inside without any code of the API knowing about the bench:
 * every BENCH_MEMORY_EVERY_MS it appends one JSON line to BENCH_MEMORY_FILE with
 * `process.memoryUsage()` and the live heap — the used heap V8 itself reports at the end of the
 * latest major (mark-sweep-compact) collection, taken from `v8.GCProfiler`'s per-GC statistics.
 * (Reading `heapUsed` in a GC observer callback instead runs later, after new allocations, and put
 * a few hundred KB of noise per reading into the trend.) The profiler is restarted at every sample
 * to hand over the collections since the last one; the timer is unref'd: it never keeps the process alive.
 */
import { appendFileSync } from 'node:fs';
import { GCProfiler } from 'node:v8';

const file = process.env.BENCH_MEMORY_FILE;
const every = Number(process.env.BENCH_MEMORY_EVERY_MS ?? 2000);

interface GcStatistics {
  gcType: string;
  afterGC: { heapStatistics: { usedHeapSize: number } };
}

if (file) {
  let afterMajorGc: number | null = null;
  let majorGcs = 0;
  let profiler = new GCProfiler();
  profiler.start();
  const sample = () => {
    const collected = (profiler.stop()?.statistics ?? []) as GcStatistics[];
    profiler = new GCProfiler();
    profiler.start();
    for (const gc of collected) {
      if (gc.gcType !== 'MarkSweepCompact') continue;
      majorGcs++;
      afterMajorGc = gc.afterGC.heapStatistics.usedHeapSize;
    }
    const m = process.memoryUsage();
    appendFileSync(
      file,
      `${JSON.stringify({
        t: Date.now(),
        rss: m.rss,
        heapUsed: m.heapUsed,
        heapTotal: m.heapTotal,
        external: m.external,
        arrayBuffers: m.arrayBuffers,
        heapAfterMajorGc: afterMajorGc,
        majorGcs,
      })}\n`,
    );
  };
  sample();
  setInterval(sample, every).unref();
}
