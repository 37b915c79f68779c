/**
 * buf's own breaking-change test cases (bufbuild/buf, private/bufpkg/bufcheck/testdata/breaking,
 * in the shared corpus) and buf 1.75.0's output on each, read as comparable keys: the path
 * (relative to the `breaking/` folder; empty when buf names no file), the 1-based line and the
 * rule ID. Our findings are read the same way: a finding on the whole file counts as line 1, as
 * buf reports it, and a finding with no current file counts as no path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkBreaking } from '../../../../server/src/core/compat/proto/check';
import type { Finding } from '../../../../server/src/core/compat/finding';
import { pathOf } from '../../../../server/src/host/protoFiles';
import { lineOf, loadTree } from './load';

export const BREAKING = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus', 'buf-bufcheck', 'breaking');
export const GOLDENS = join(BREAKING, '..', 'breaking-goldens-buf-1.75.0');

export function caseNames(): string[] {
  return readdirSync(join(BREAKING, 'current')).sort();
}

export function key(path: string, line: number, rule: string): string {
  return `${path}:${line} ${rule}`;
}

export function bufKeys(name: string): string[] {
  const text = readFileSync(join(GOLDENS, `${name}.jsonl`), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { path?: string; start_line: number; type: string })
    .map((d) => key(d.path ?? '', d.path ? d.start_line : 0, d.type))
    .sort();
}

export function bufExitCode(name: string): number {
  return Number(readFileSync(join(GOLDENS, `${name}.rc`), 'utf8').trim());
}

export function findingKey(f: Finding): string {
  if (f.anchor === 'baseline') return key('', 0, f.code);
  const path = relative(BREAKING, pathOf(f.uri)!).split('\\').join('/');
  return key(path, f.anchor === 'file' ? 1 : lineOf(f.uri, f.span.start), f.code);
}

export function runCase(name: string, via: 'project' | 'texts' = 'project'): { findings: Finding[]; keys: string[]; problems: readonly string[] } {
  const previous = loadTree(join(BREAKING, 'previous', name), { via });
  const current = loadTree(join(BREAKING, 'current', name), { via });
  const findings = checkBreaking(previous.image, current.image, current.config);
  return { findings, keys: findings.map(findingKey).sort(), problems: current.configProblems };
}

/** Keys in `a` but not in `b`, as a multiset difference. */
export function minus(a: readonly string[], b: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const k of b) counts.set(k, (counts.get(k) ?? 0) + 1);
  const out: string[] = [];
  for (const k of a) {
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else out.push(k);
  }
  return out;
}
