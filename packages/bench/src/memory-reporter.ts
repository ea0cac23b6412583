/**
 * Preloaded into the API process by the sustained-load scenario (`node --import <this file>`), so
 * the API's memory is observed from inside without any code of the API knowing about the bench:
 * every BENCH_MEMORY_EVERY_MS it appends one JSON line to BENCH_MEMORY_FILE with
 * `process.memoryUsage()` and the heap measured right after the latest major (mark-sweep) garbage
 * collection — the live heap, without the sawtooth of garbage not yet collected.
 * The timer and the GC observer are unref'd: they never keep the process alive.
 */
import { appendFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';

const file = process.env.BENCH_MEMORY_FILE;
const every = Number(process.env.BENCH_MEMORY_EVERY_MS ?? 2000);

if (file) {
  let afterMajorGc: number | null = null;
  let majorGcs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        majorGcs++;
        afterMajorGc = process.memoryUsage().heapUsed;
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const sample = () => {
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
