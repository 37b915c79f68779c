/**
 * Folding ranges: every `{...}` and `[...]` that spans lines (bodies of messages, enums, services,
 * oneofs, extends, groups and rpcs, aggregate option values, long option lists), runs of comment
 * lines, and a block of imports. Braces are matched on the token stream rather than read from the
 * tree, so a file whose declarations do not parse still folds wherever its braces balance.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { ImportDecl, ParseResult } from '../../core/proto/ast';
import { LineIndex } from '../../core/text/lineIndex';

export function foldingRanges(parse: ParseResult, text: string): FoldingRange[] {
  try {
    const index = new LineIndex(text);
    const ranges = [...bracketRanges(parse, index), ...commentRanges(parse, text, index), ...importRanges(parse, index)];
    return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  } catch {
    return [];
  }
}

const CLOSERS: Record<string, string> = { '}': '{', ']': '[' };

/** From the opener's line to the line before the closer, so the closer stays visible when folded. */
function bracketRanges(parse: ParseResult, index: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  const stack: { char: string; line: number }[] = [];
  for (const t of parse.tokens) {
    if (t.kind !== 'symbol') continue;
    if (t.text === '{' || t.text === '[') {
      stack.push({ char: t.text, line: index.positionAt(t.span.start).line });
    } else if (t.text in CLOSERS) {
      // An unmatched closer is a typo; it must not pop a real opener and fold the wrong lines.
      if (stack[stack.length - 1]?.char !== CLOSERS[t.text]) continue;
      const open = stack.pop()!;
      const endLine = index.positionAt(t.span.start).line - 1;
      if (endLine > open.line) out.push({ startLine: open.line, endLine });
    }
  }
  return out;
}

/** A block comment over several lines, or two or more line comments each on a line of its own. */
function commentRanges(parse: ParseResult, text: string, index: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (run && run.end > run.start) out.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
    run = undefined;
  };
  for (const c of parse.ast.comments) {
    const start = index.positionAt(c.span.start);
    const ownLine = text.slice(index.lineStart(start.line), c.span.start).trim() === '';
    if (c.block) {
      flush();
      const endLine = index.positionAt(c.span.end).line;
      if (endLine > start.line) out.push({ startLine: start.line, endLine, kind: FoldingRangeKind.Comment });
      continue;
    }
    if (!ownLine) {
      flush();
      continue;
    }
    if (run && run.end === start.line - 1) run.end = start.line;
    else {
      flush();
      run = { start: start.line, end: start.line };
    }
  }
  flush();
  return out;
}

/** Consecutive import statements, folded from the first to the last. */
function importRanges(parse: ParseResult, index: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  let group: ImportDecl[] = [];
  const flush = () => {
    const first = group[0];
    const last = group[group.length - 1];
    if (first && last && group.length > 1) {
      const startLine = index.positionAt(first.span.start).line;
      const endLine = index.positionAt(last.span.end).line;
      if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Imports });
    }
    group = [];
  };
  for (const d of parse.ast.body) {
    if (d.kind === 'import') group.push(d);
    else flush();
  }
  flush();
  return out;
}
