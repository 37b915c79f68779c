/**
 * The small glob the version-list baseline needs: `*`, `?`, `[...]` within one path segment and
 * `**` for any depth, relative to a base folder. Like a shell, a wildcard does not match a leading
 * dot. Node 20 has no fs.glob, and one pattern per command does not justify a dependency.
 */
import { readdirSync } from 'node:fs';
import { isAbsolute, join, parse, resolve } from 'node:path';

export function expandGlob(pattern: string, base: string): string[] {
  const abs = isAbsolute(pattern) ? pattern : resolve(base, pattern);
  const root = parse(abs).root;
  const segments = abs.slice(root.length).split(/[\\/]+/).filter((s) => s !== '');
  const out = new Set<string>();
  match(root, segments, 0, out);
  return [...out];
}

function match(dir: string, segments: readonly string[], i: number, out: Set<string>): void {
  if (i === segments.length) {
    out.add(dir);
    return;
  }
  const segment = segments[i]!;
  if (segment === '**') {
    match(dir, segments, i + 1, out);
    for (const e of list(dir)) if (e.dir && !e.name.startsWith('.')) match(join(dir, e.name), segments, i, out);
    return;
  }
  if (!/[*?[]/.test(segment)) {
    match(join(dir, segment), segments, i + 1, out);
    return;
  }
  const re = segmentRegExp(segment);
  for (const e of list(dir)) {
    if (e.name.startsWith('.') && !segment.startsWith('.')) continue;
    if (!re.test(e.name)) continue;
    if (i + 1 < segments.length && !e.dir) continue;
    match(join(dir, e.name), segments, i + 1, out);
  }
}

function list(dir: string): { name: string; dir: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory() }));
  } catch {
    return [];
  }
}

export function segmentRegExp(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * Orders names as people number versions, like GNU `sort -V`: runs of digits compare by value, so
 * v2 < v10, and the file extension counts last, so v1.avsc < v1.9.avsc.
 */
export function naturalCompare(a: string, b: string): number {
  return compareRuns(stripExtension(a), stripExtension(b)) || compareRuns(a, b);
}

function stripExtension(name: string): string {
  return name.replace(/\.[A-Za-z][A-Za-z0-9]*$/, '');
}

function compareRuns(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const diff = BigInt(x) - BigInt(y);
      if (diff !== 0n) return diff < 0n ? -1 : 1;
      // Same value, different spelling: zero-padded first, as sort -V does, for a total order.
      if (x.length !== y.length) return y.length - x.length;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
