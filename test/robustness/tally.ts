/**
 * How much work a shard did (calls per stage and feature) and where its time went, for the
 * report a shard prints and for the assertion that it really ran everything it claims.
 */
export class Tally {
  readonly calls: Record<string, number> = {};
  readonly ms: Record<string, number> = {};

  /** Counts one call of each name, or `times` calls when the last argument is a number. */
  count(...names: (string | number)[]): void {
    const times = typeof names[names.length - 1] === 'number' ? (names.pop() as number) : 1;
    for (const n of names) this.calls[n as string] = (this.calls[n as string] ?? 0) + times;
  }

  time<T>(stage: string, fn: () => T): T {
    const start = performance.now();
    try {
      return fn();
    } finally {
      this.ms[stage] = (this.ms[stage] ?? 0) + performance.now() - start;
    }
  }

  merge(other: { calls: Record<string, number>; ms: Record<string, number> }): void {
    for (const [k, v] of Object.entries(other.calls)) this.calls[k] = (this.calls[k] ?? 0) + v;
    for (const [k, v] of Object.entries(other.ms)) this.ms[k] = (this.ms[k] ?? 0) + v;
  }

  summary(): string {
    const calls = Object.entries(this.calls).map(([k, v]) => `${k} ${v}`).join(', ');
    const ms = Object.entries(this.ms).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}s`).join(', ');
    return `calls: ${calls}; time: ${ms}`;
  }
}
