// Named steps with one line of output each (`ok name (1.2s)` / `FAIL name: reason`), results in
// a JSON file the runner sums up. A step whose prerequisite failed is reported as failed too, so
// the counts never hide a step that did not run.
import { writeFileSync } from 'node:fs';

export function createSteps(prefix) {
  const results = [];
  const status = new Map();
  const t0 = Date.now();
  return {
    results,
    log(...args) {
      console.log(`[${prefix} +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...args);
    },
    /**
     * Runs fn unless a step in `needs` did not pass. `onFail(name)` runs after a failure, e.g. to
     * take a screenshot; its own errors are ignored.
     */
    async step(name, fn, { needs = [], onFail } = {}) {
      const blocked = needs.find((n) => status.get(n) !== true);
      if (blocked) {
        return record(name, false, `not run: it needs step '${blocked}', which did not pass`, 0);
      }
      const s = Date.now();
      try {
        await fn();
        return record(name, true, '', Date.now() - s);
      } catch (err) {
        const reason = String(err?.message ?? err).split('\n').filter(Boolean).slice(0, 6).join(' | ');
        if (onFail) await Promise.resolve(onFail(name)).catch(() => {});
        return record(name, false, reason, Date.now() - s);
      }
    },
    write(file) {
      if (file) writeFileSync(file, JSON.stringify(results, null, 2));
      const failed = results.filter((r) => !r.ok).length;
      console.log(`${prefix}: ${results.length - failed} passed, ${failed} failed`);
      return failed;
    },
  };

  function record(name, ok, reason, ms) {
    status.set(name, ok);
    results.push({ suite: prefix, name, ok, reason, ms });
    console.log(ok ? `ok ${name} (${(ms / 1000).toFixed(1)}s)` : `FAIL ${name}: ${reason}`);
    return ok;
  }
}

/**
 * Polls fn, which returns `{ done: true, value }` or `{ done: false, seen }`, until done; on
 * timeout it throws with `what` and the last thing seen, so a failure says what was there instead.
 */
export async function poll(fn, { timeout = 30_000, interval = 250, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const r = await fn();
    if (r.done) return r.value;
    if (Date.now() > end) {
      const seen = r.seen === undefined || r.seen === '' ? '' : `; last seen: ${r.seen}`;
      throw new Error(`timed out after ${timeout / 1000}s waiting for ${what}${seen}`);
    }
    await new Promise((res) => setTimeout(res, interval));
  }
}
