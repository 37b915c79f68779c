/** Finding built-in options and features on a declaration, and edits that remove or add them. */
import type { TextEdit } from '../../diagnostics/diagnostic';
import type { Span } from '../../text/span';
import type { Constant, OptionDecl } from '../ast';

/** The last `name = ...` among the options (protoc rejects repeats; the last one is what a reader sees). */
export function optionNamed(options: readonly OptionDecl[], name: string): OptionDecl | undefined {
  let found: OptionDecl | undefined;
  for (const o of options) {
    const p = o.name.parts;
    if (p.length === 1 && !p[0]!.extension && p[0]!.text === name) found = o;
  }
  return found;
}

/** The option `features.<feature> = ...` among the options. */
export function featureOption(options: readonly OptionDecl[], feature: string): OptionDecl | undefined {
  let found: OptionDecl | undefined;
  for (const o of options) {
    const p = o.name.parts;
    if (p.length === 2 && !p[0]!.extension && p[0]!.text === 'features' && !p[1]!.extension && p[1]!.text === feature) found = o;
  }
  return found;
}

/**
 * The value a declaration's own options give a feature: `features.x = V`, or `x: V` inside an
 * aggregate `features = { ... }` (the later setting wins, as in protoc).
 */
export function featureValue(options: readonly OptionDecl[], feature: string): string | undefined {
  let found: string | undefined;
  for (const o of options) {
    const p = o.name.parts;
    if (p[0]?.extension || p[0]?.text !== 'features') continue;
    if (p.length === 2 && !p[1]!.extension && p[1]!.text === feature) found = constantIdent(o.value) ?? found;
    else if (p.length === 1 && o.value?.kind === 'aggregate') {
      const m = new RegExp(`(?:^|[\\s{,;])${feature}\\s*:\\s*([A-Za-z_][A-Za-z0-9_]*)`).exec(o.value.text);
      if (m) found = m[1];
    }
  }
  return found;
}

/** The identifier a constant names, e.g. `IMPLICIT` or `true`. */
export function constantIdent(c: Constant | undefined): string | undefined {
  if (!c) return undefined;
  if (c.kind === 'ident') return c.value;
  if (c.kind === 'bool') return c.value ? 'true' : 'false';
  return undefined;
}

export function isTrue(c: Constant | undefined): boolean {
  return constantIdent(c) === 'true';
}

/**
 * Removes one option of a compact `[...]` list with its comma, or the whole list (and the space
 * before it) when it is the only one.
 */
export function removeCompactOption(
  text: string,
  options: readonly OptionDecl[],
  optionsSpan: Span | undefined,
  opt: OptionDecl,
): TextEdit {
  const i = options.indexOf(opt);
  if (options.length === 1 && optionsSpan) {
    let start = optionsSpan.start;
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    return { span: { start, end: optionsSpan.end }, newText: '' };
  }
  const next = options[i + 1];
  if (next) return { span: { start: opt.span.start, end: next.span.start }, newText: '' };
  const prev = options[i - 1];
  if (prev) return { span: { start: prev.span.end, end: opt.span.end }, newText: '' };
  return { span: opt.span, newText: '' };
}

/**
 * Adds `option` to a field's compact options: inside an existing `[...]`, else as a new list right
 * after `anchor` (the field number).
 */
export function addCompactOption(optionsSpan: Span | undefined, anchor: Span, option: string): TextEdit {
  if (optionsSpan) {
    const at = optionsSpan.end - 1;
    return { span: { start: at, end: at }, newText: `, ${option}` };
  }
  return { span: { start: anchor.end, end: anchor.end }, newText: ` [${option}]` };
}

/** Deletes a keyword such as a label together with the blanks after it. */
export function removeWord(text: string, s: Span): TextEdit {
  let end = s.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return { span: { start: s.start, end }, newText: '' };
}

/**
 * Inserts a statement just before the declaration at `offset`: on a line of its own with the same
 * indentation when the declaration starts its line, else on the same line.
 */
export function insertStatementBefore(text: string, offset: number, statement: string): TextEdit {
  let s = offset;
  while (s > 0 && text[s - 1] !== '\n') s--;
  const before = text.slice(s, offset);
  const newText = before.trim() === '' ? `${statement}\n${before}` : `${statement} `;
  return { span: { start: offset, end: offset }, newText };
}
