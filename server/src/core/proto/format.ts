/**
 * Formats a whole .proto file. Safety comes first, because users lose trust in a formatter the
 * first time it eats a comment: a file with syntax errors is refused, and every result is lexed
 * again and compared with the input (same tokens, same comments, in the same order) before it is
 * returned. Only white space between tokens ever changes, plus trailing white space inside
 * comments and the indentation of a block comment's continuation lines.
 */
import { lex, type Token } from './lexer';
import type { Comment } from './ast';
import { parseProto } from './parser';
import { layout } from './format/printer';

export interface FormatOptions {
  /** One level of indentation; two spaces by default. */
  readonly indent?: string;
}

export type FormatResult = { readonly text: string } | { readonly error: string };

const BOM = '\uFEFF';

export function formatProto(text: string, options: FormatOptions = {}): FormatResult {
  try {
    const bom = text.startsWith(BOM) ? BOM : '';
    const body = bom ? text.slice(1) : text;
    const indent = options.indent && /^[ \t]+$/.test(options.indent) ? options.indent : '  ';
    const parsed = parseProto(body);
    const firstError = parsed.diagnostics.find((d) => d.severity === 'error');
    if (firstError) return { error: `the file has syntax errors (${firstError.message}): fix them before formatting` };
    const laid = layout({ text: body, tokens: parsed.tokens, comments: parsed.ast.comments, indent });
    if ('error' in laid) return laid;
    const mismatch = streamMismatch(body, laid.text, { tokens: parsed.tokens, comments: parsed.ast.comments });
    if (mismatch) return { error: `formatting would change the file's ${mismatch}: the file is left as it is` };
    return { text: bom + laid.text };
  } catch (e) {
    return { error: `the formatter failed (${e instanceof Error ? e.message : String(e)}): the file is left as it is` };
  }
}

/**
 * Compares what two texts say rather than how they are spaced: the tokens, and the comments with
 * the white space at their line ends and starts ignored (only ASCII white space: a no-break space
 * in a comment is text). Returns what differs, or undefined when nothing does.
 */
export function streamMismatch(
  before: string,
  after: string,
  lexedBefore?: { readonly tokens: readonly Token[]; readonly comments: readonly Comment[] },
): string | undefined {
  const a = lexedBefore ?? lex(before);
  const b = lex(after);
  if (!sameTokens(a.tokens, b.tokens)) return 'tokens';
  if (!sameComments(before, a.comments, after, b.comments)) return 'comments';
  return undefined;
}

function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.kind !== b[i]!.kind || a[i]!.text !== b[i]!.text) return false;
  }
  return true;
}

function sameComments(textA: string, a: readonly Comment[], textB: string, b: readonly Comment[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (normalizeComment(textA, a[i]!) !== normalizeComment(textB, b[i]!)) return false;
  }
  return true;
}

function normalizeComment(text: string, c: Comment): string {
  return text
    .slice(c.span.start, c.span.end)
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/^[ \t\f\v]+|[ \t\f\v]+$/g, ''))
    .join('\n');
}
