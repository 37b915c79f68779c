/**
 * Human output in rustc's layout: a header with severity and code, the location, the source line
 * under a line-number gutter, carets under the span, then help (fix titles) and notes (related
 * places), and one summary line. Source lines are shown as a terminal draws them: tabs become
 * four spaces and wide characters take two columns, so the carets stay under the text; control
 * characters from the file are never written to the terminal.
 */
import type { Severity } from '../../core/diagnostics/diagnostic';
import type { Finding, Report } from '../report';

export interface TextOptions {
  /** ANSI colours; only for a terminal, and never with NO_COLOR set. */
  readonly color: boolean;
}

const TAB = '    ';

interface Paint {
  severity(s: Severity, text: string): string;
  bold(text: string): string;
  gutter(text: string): string;
}

const ansi = (open: string) => (text: string) => `\x1b[${open}m${text}\x1b[0m`;
const SEVERITY_COLOR: Record<Severity, string> = { error: '1;31', warning: '1;33', info: '1;36', hint: '1;36' };

const COLOR: Paint = {
  severity: (s, text) => ansi(SEVERITY_COLOR[s])(text),
  bold: ansi('1'),
  gutter: ansi('1;34'),
};
const PLAIN: Paint = { severity: (_s, text) => text, bold: (text) => text, gutter: (text) => text };

export function renderText(report: Report, options: TextOptions): string {
  const paint = options.color ? COLOR : PLAIN;
  let out = '';
  for (const f of report.findings) out += renderFinding(f, report, paint) + '\n';
  out += summary(report) + '\n';
  return out;
}

function renderFinding(f: Finding, report: Report, paint: Paint): string {
  const d = f.diagnostic;
  const { start, end } = f.range;
  const lineNo = String(start.line + 1);
  const pad = ' '.repeat(lineNo.length);
  const bar = paint.gutter('|');
  const lines: string[] = [];
  lines.push(`${paint.severity(d.severity, `${d.severity}[${d.code}]`)}${paint.bold(`: ${clean(d.message)}`)}`);
  lines.push(`${pad}${paint.gutter('-->')} ${clean(f.file)}:${start.line + 1}:${start.character + 1}`);
  lines.push(`${pad} ${bar}`);

  const source = f.lines.lineText(start.line);
  const before = source.slice(0, start.character);
  // A span running onto later lines is underlined to the end of its first line.
  const marked = end.line === start.line ? source.slice(start.character, end.character) : source.slice(start.character);
  const shown = display(source);
  lines.push(`${paint.gutter(`${lineNo} |`)}${shown ? ' ' + shown : ''}`);
  const carets = '^'.repeat(Math.max(1, width(marked)));
  lines.push(`${pad} ${bar} ${' '.repeat(width(before))}${paint.severity(d.severity, carets)}`);

  for (const fix of d.fixes ?? []) lines.push(`${pad} ${paint.gutter('=')} ${paint.bold('help')}: ${clean(lowerFirst(fix.title))}`);
  for (const r of d.related ?? []) {
    const where = report.locate(r.uri, r.span.start);
    lines.push(`${pad} ${paint.gutter('=')} ${paint.bold('note')}: ${clean(r.message)}${where ? ` (${clean(where)})` : ''}`);
  }
  return lines.join('\n') + '\n';
}

function summary(report: Report): string {
  let errors = 0;
  let warnings = 0;
  for (const f of report.findings) {
    if (f.diagnostic.severity === 'error') errors++;
    else if (f.diagnostic.severity === 'warning') warnings++;
  }
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(report.fileCount, 'file')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Message text and paths may quote the file: escape control characters instead of printing them. */
function clean(s: string): string {
  return s.replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A source line as the terminal should draw it; every replacement keeps the column count `width` gives. */
function display(line: string): string {
  return line.replace(/\t/g, TAB).replace(CONTROL, '\ufffd');
}

/** Terminal columns the text takes once `display` has drawn it. */
export function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\t') w += TAB.length;
    else if (isZeroWidth(cp)) continue;
    else w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isZeroWidth(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) || // combining diacritical marks
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space, joiners, direction marks
    (cp >= 0xfe00 && cp <= 0xfe0f) // variation selectors
  );
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
