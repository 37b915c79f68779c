/**
 * Runs one shard of the corpus in a worker thread and judges it. The worker reports before each
 * unit of work (one file in one variant); a unit that has not finished within its bound is a
 * hang: the worker is stopped and the test fails naming the file, the variant and the seed. This
 * is a hang detector with a generous bound, not a timing assertion.
 *
 * Replay a failure with `ROBUSTNESS_SEED=<seed> ROBUSTNESS_FILE=<path part> node scripts/test.mjs robustness`.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { Worker } from 'node:worker_threads';
import { SEED } from './corpus';

export interface ShardRequest {
  readonly format: 'proto' | 'avro' | 'extremes';
  readonly shard: number;
  readonly shards: number;
  readonly seed: number;
  /** The TypeScript module the bootstrap loads. */
  readonly entry: string;
}

export type WorkerMessage =
  | { readonly kind: 'unit'; readonly where: string }
  | {
      readonly kind: 'done';
      readonly files: number;
      readonly problems: readonly string[];
      readonly calls: Record<string, number>;
      readonly ms: Record<string, number>;
      /** Resident memory (MiB) whenever the worker started a new project, and at the end. */
      readonly rss: readonly number[];
    };

export type ShardResult = Extract<WorkerMessage, { kind: 'done' }> & { readonly slowest: { where: string; ms: number } };

/** Far above the slowest unit of a run (a few seconds for a corpus file, about a minute for the 10 MB file on a loaded machine). */
const UNIT_BOUND_MS = { proto: 60_000, avro: 60_000, extremes: 300_000 } as const;

export function runShard(format: ShardRequest['format'], shard: number, shards: number): Promise<ShardResult> {
  const request: ShardRequest = { format, shard, shards, seed: SEED, entry: join(__dirname, 'worker.ts') };
  // The bootstrap registers tsx in the worker: a worker does not inherit the parent's loaders.
  // A heap limit makes "bounded memory" a hard rule: a worker that needs more fails the test.
  const resourceLimits = { maxOldGenerationSizeMb: format === 'extremes' ? 2560 : 1024 };
  const worker = new Worker(join(__dirname, 'boot.cjs'), { workerData: request, stdout: false, stderr: false, resourceLimits });
  return new Promise<ShardResult>((resolve, reject) => {
    let current = 'starting the worker';
    let started = performance.now();
    let slowest = { where: '', ms: 0 };
    let settled = false;
    const finish = (error: Error | undefined, result?: ShardResult) => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      void worker.terminate();
      if (error) reject(error);
      else resolve(result!);
    };
    const watchdog = setInterval(() => {
      if (performance.now() - started > UNIT_BOUND_MS[format]) {
        finish(new Error(`${current}: still running after ${UNIT_BOUND_MS[format] / 1000} s, so it hangs; the worker was stopped`));
      }
    }, 1000);
    const lap = () => {
      const ms = performance.now() - started;
      if (ms > slowest.ms) slowest = { where: current, ms };
      started = performance.now();
    };
    worker.on('message', (m: WorkerMessage) => {
      lap();
      if (m.kind === 'unit') current = m.where;
      else finish(undefined, { ...m, slowest });
    });
    worker.on('error', (e) => finish(new Error(`${current}: the worker died: ${e.stack ?? e.message}`)));
    worker.on('exit', (code) => finish(new Error(`${current}: the worker exited with code ${code} before it was done`)));
  });
}

/**
 * The assertions every shard makes, and its report. `units` is how many inputs it must have run,
 * and `counted` the tally entries that must equal it (each variant, for the corpus shards).
 */
export function judge(
  t: TestContext,
  result: ShardResult,
  units: number,
  counted: readonly string[] = ['originals', 'mutations', 'truncations'],
  maxRss = 1536,
): void {
  t.diagnostic(`${result.files} inputs, slowest unit ${Math.round(result.slowest.ms)} ms (${result.slowest.where}), rss ${result.rss.join(' ')} MiB`);
  t.diagnostic(`calls: ${Object.entries(result.calls).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  t.diagnostic(`time: ${Object.entries(result.ms).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}s`).join(', ')}`);
  assert.deepEqual(result.problems, []);
  assert.equal(result.files, units);
  for (const c of counted) assert.equal(result.calls[c] ?? 0, units, c);
  const variants = units * (counted.length === 3 ? 3 : 1);
  for (const stage of ['check', 'codegen', 'documentSymbol', 'codeAction', 'hover', 'definition', 'references', 'prepareRename', 'rename', 'completion']) {
    assert.ok((result.calls[stage] ?? 0) >= variants, `${stage} ran for every input (${result.calls[stage]} of ${variants})`);
  }
  assert.ok((result.calls.workspaceSymbol ?? 0) >= units, `workspace symbols were searched once per file (${result.calls.workspaceSymbol} of ${units})`);
  // Memory: bounded at its peak, and not growing from one project to the next.
  const peak = Math.max(...result.rss);
  assert.ok(peak < maxRss, `the worker's process reached ${peak} MiB`);
  if (counted.length === 3 && result.rss.length >= 8) {
    const early = Math.max(...result.rss.slice(0, Math.ceil(result.rss.length / 4)));
    const late = result.rss[result.rss.length - 1]!;
    assert.ok(late - early < RSS_GROWTH_MIB, `the worker's memory grew from ${early} to ${late} MiB`);
  }
}

const RSS_GROWTH_MIB = 300;
