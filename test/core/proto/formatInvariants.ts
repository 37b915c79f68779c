/**
 * What the formatter promises for every input it accepts, as checks the format tests share:
 * the same tokens and comments in the same order, the same doc comments on every declaration,
 * and a fixed point after one pass.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatProto } from '../../../server/src/core/proto/format';
import { lex } from '../../../server/src/core/proto/lexer';
import { parseProto } from '../../../server/src/core/proto/parser';

/** The shared test corpus, next to the repository (see /work/shared/corpus/README.md). */
export const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');

export function protoFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...protoFiles(p));
    else if (name.endsWith('.proto')) out.push(p);
  }
  return out;
}

/** Tokens and comments in source order; comments with the white space around their lines trimmed. */
export function stream(text: string): string[] {
  const l = lex(text);
  const items: [number, string][] = [
    ...l.tokens.map((t): [number, string] => [t.span.start, `${t.kind} ${t.text}`]),
    ...l.comments.map((c): [number, string] => [
      c.span.start,
      'comment ' + text.slice(c.span.start, c.span.end).split(/\r\n|\r|\n/).map((s) => s.trim()).join('\n'),
    ]),
  ];
  return items.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
}

/** The docs of every declaration, in tree order: what hovers and generated code will show. */
export function allDocs(text: string): string[] {
  const out: string[] = [];
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(visit);
    else if (x && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'docs') out.push(JSON.stringify(v));
        else if (k !== 'span') visit(v);
      }
    }
  };
  visit(parseProto(text).ast.body);
  return out;
}

/** For each comment, whether it starts its line. */
function commentLineStarts(text: string): boolean[] {
  return lex(text).comments.map((c) => {
    let p = c.span.start;
    while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
    return p === 0 || text[p - 1] === '\n' || text[p - 1] === '\r';
  });
}

/** Formats `text` and returns what is wrong with the result, or undefined when nothing is. */
export function formatProblem(text: string): string | undefined {
  const once = formatProto(text);
  if ('error' in once) return `refused: ${once.error}`;
  const a = stream(text);
  const b = stream(once.text);
  const at = a.findIndex((x, i) => x !== b[i]);
  if (at >= 0 || a.length !== b.length) return `stream differs at item ${at}: ${a[at]} became ${b[at]}`;
  if (JSON.stringify(commentLineStarts(text)) !== JSON.stringify(commentLineStarts(once.text))) {
    return 'a comment moved onto or off a line of its own';
  }
  const da = allDocs(text);
  const db = allDocs(once.text);
  const d = da.findIndex((x, i) => x !== db[i]);
  if (d >= 0 || da.length !== db.length) return `doc comments differ: ${da[d]} became ${db[d]}`;
  const twice = formatProto(once.text);
  if (!('text' in twice) || twice.text !== once.text) return 'not idempotent';
  if (/[ \t]$/m.test(once.text)) return 'trailing white space';
  return undefined;
}
