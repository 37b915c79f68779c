/**
 * The format-neutral result both renderers print: every finding located by display path and LSP
 * range, sorted by file and position so that output is stable from run to run.
 */
import { relative, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { LineIndex, type Range } from '../core/text/lineIndex';
import type { CheckedFile, SourceLookup } from './checkers/checker';

export interface Finding {
  /** Relative to the current folder, with `/` separators. */
  readonly file: string;
  readonly range: Range;
  readonly diagnostic: Diagnostic;
  /** The source of the finding's file, for the text renderer's excerpt. */
  readonly lines: LineIndex;
}

/** A place outside the finding itself, as `file:line:col` (1-based), or undefined when unknown. */
export type Locate = (uri: string, start: number) => string | undefined;

export interface Report {
  readonly findings: readonly Finding[];
  /** How many files were checked. */
  readonly fileCount: number;
  readonly locate: Locate;
}

export function displayPath(absPath: string, cwd: string): string {
  const rel = relative(cwd, absPath);
  return (rel === '' ? absPath : rel).split(sep).join('/');
}

export function buildReport(files: readonly CheckedFile[], source: SourceLookup, cwd: string): Report {
  const findings: Finding[] = [];
  for (const f of files) {
    if (f.diagnostics.length === 0) continue;
    const lines = new LineIndex(f.text);
    const file = displayPath(f.path, cwd);
    for (const d of f.diagnostics) findings.push({ file, range: lines.rangeOf(d.span), diagnostic: d, lines });
  }
  findings.sort(compareFindings);
  const indexes = new Map<string, LineIndex>();
  const locate: Locate = (uri, start) => {
    const src = source(uri);
    if (!src) return undefined;
    let index = indexes.get(uri);
    if (!index) indexes.set(uri, (index = new LineIndex(src.text)));
    const pos = index.positionAt(start);
    return `${displayPath(src.path, cwd)}:${pos.line + 1}:${pos.character + 1}`;
  };
  return { findings, fileCount: files.length, locate };
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    compareText(a.diagnostic.code, b.diagnostic.code) ||
    compareText(a.diagnostic.message, b.diagnostic.message)
  );
}

/** Plain code-unit order, not the locale's, so the order is the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function hasErrors(report: Report): boolean {
  return report.findings.some((f) => f.diagnostic.severity === 'error');
}
