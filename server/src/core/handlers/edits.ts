/** Text helpers for fixes: indentation, quoting and the stub every inserted handler or case gets. */
import type * as ts from 'typescript';

/** The white space that starts the line holding `pos`. */
export function indentAt(text: string, pos: number): string {
  let start = pos;
  while (start > 0 && text[start - 1] !== '\n') start--;
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

const units = new Map<string, string>();
const quotes = new Map<string, '"' | "'">();

/** Memoized per text: fixes ask for every finding, and the answer needs a scan of the whole file. */
function memo<T>(table: Map<string, T>, text: string, compute: (text: string) => T): T {
  let hit = table.get(text);
  if (hit === undefined) {
    if (table.size > 16) table.clear();
    table.set(text, (hit = compute(text)));
  }
  return hit;
}

/** One level of indentation as the file uses it: a tab, or the smallest run of leading spaces. */
export function indentUnit(text: string): string {
  return memo(units, text, scanIndentUnit);
}

function scanIndentUnit(text: string): string {
  let smallest = 0;
  for (const m of text.matchAll(/\n( +|\t)\S/g)) {
    const run = m[1]!;
    if (run === '\t') return '\t';
    if (smallest === 0 || run.length < smallest) smallest = run.length;
    if (smallest === 2) break;
  }
  return ' '.repeat(smallest || 2);
}

/** The quote the file's string literals mostly use. */
export function quoteOf(text: string): '"' | "'" {
  return memo(quotes, text, scanQuote);
}

function scanQuote(text: string): '"' | "'" {
  let single = 0;
  let double = 0;
  for (const m of text.matchAll(/['"]/g)) m[0] === "'" ? single++ : double++;
  return single > double ? "'" : '"';
}

export function stringLiteralText(value: string, quote: '"' | "'"): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(quote === '"' ? /"/g : /'/g, `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

/** A key as written in an object literal: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string, quote: '"' | "'"): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : stringLiteralText(name, quote);
}

export function notImplemented(tag: string, quote: '"' | "'"): string {
  return `throw new Error(${stringLiteralText(`not implemented: ${tag}`, quote)});`;
}

/** The offset just after the node's last token, past a `,` that follows it. */
export function endAfterComma(file: ts.SourceFile, node: ts.Node): number {
  const text = file.text;
  let i = node.end;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === ',' ? i + 1 : node.end;
}

/** Whether the node's text runs over more than one line. */
export function isMultiLine(file: ts.SourceFile, node: ts.Node): boolean {
  return file.text.slice(node.getStart(file), node.end).includes('\n');
}
