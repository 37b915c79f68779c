/**
 * Attaches comments to declarations the way protoc does for SourceCodeInfo, so hovers and
 * generated docs agree with what other Protobuf tools show.
 *
 * protoc looks at the comments between two tokens (a "gap") and splits them into:
 * - the trailing comment of the token before: a comment on the same line, or else the first
 *   block on the following lines when a blank line (or the end of the scope) comes after it;
 * - detached blocks: blocks cut off from both neighbours by blank lines;
 * - the leading comment of the token after: the block directly above it.
 * Consecutive line comments form one block; each block comment is a block of its own.
 * A declaration takes its leading and detached comments from the gap before its first token,
 * and its trailing comment from the gap after its `;` (or after its opening `{`).
 */
import type { Comment, Docs } from './ast';
import type { Token } from './lexer';

export const NO_DOCS: Docs = Object.freeze({});

interface Gap {
  readonly trailing?: string;
  readonly detached?: readonly string[];
  readonly leading?: string;
}

const EMPTY_GAP: Gap = Object.freeze({});

export class DocComments {
  private cachedIndex = -1;
  private cachedGap: Gap = EMPTY_GAP;
  private hint = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly comments: readonly Comment[],
  ) {}

  /**
   * Docs of the declaration whose first token is `tokens[first]`. `end` is the index of the
   * token whose trailing comment belongs to the declaration (its `;` or `{`), or -1 for none.
   */
  docs(first: number, end: number): Docs {
    if (this.comments.length === 0) return NO_DOCS;
    const before = this.gap(first);
    const after = end >= 0 ? this.gap(end + 1) : EMPTY_GAP;
    const leading = before.leading;
    const detached = before.detached;
    const trailing = after.trailing;
    if (leading === undefined && detached === undefined && trailing === undefined) return NO_DOCS;
    const docs: { leading?: string; trailing?: string; detached?: readonly string[] } = {};
    if (leading !== undefined) docs.leading = leading;
    if (trailing !== undefined) docs.trailing = trailing;
    if (detached !== undefined) docs.detached = detached;
    return docs;
  }

  /** The comments between `tokens[index - 1]` (or the start of the file) and `tokens[index]`. */
  private gap(index: number): Gap {
    if (index === this.cachedIndex) return this.cachedGap;
    const gap = this.computeGap(index);
    this.cachedIndex = index;
    this.cachedGap = gap;
    return gap;
  }

  private computeGap(index: number): Gap {
    const tokens = this.tokens;
    const next = tokens[Math.min(index, tokens.length - 1)]!;
    const prev = index > 0 ? tokens[index - 1] : undefined;
    const from = prev ? prev.span.end : 0;
    const to = next.span.start;
    const comments = this.comments;
    let first = this.firstCommentAt(from);
    if (first >= comments.length || comments[first]!.span.start >= to) return EMPTY_GAP;
    let stop = first;
    while (stop < comments.length && comments[stop]!.span.start < to) stop++;

    const state: GapState = {
      trailing: undefined,
      detached: undefined,
      block: [],
      blockIsLines: false,
      canAttachToPrev: prev !== undefined,
    };

    // Where the last thing seen ended, or -1 at the start of the file (no blank line logic there).
    let lastEnd = prev ? from : -1;
    if (prev) {
      const c0 = comments[first]!;
      if (this.lineBreaks(from, c0.span.start) === 0) {
        if (c0.block) {
          const after = first + 1 < stop ? comments[first + 1]!.span.start : to;
          // protoc cannot tell which token a block comment between two tokens on one line
          // belongs to, so it drops every comment of the gap.
          if (this.lineBreaks(c0.span.end, after) === 0) return EMPTY_GAP;
        }
        state.trailing = [c0];
        state.canAttachToPrev = false;
        lastEnd = c0.span.end;
        first++;
      }
    }
    for (let k = first; k < stop; k++) {
      const c = comments[k]!;
      if (lastEnd >= 0 && this.lineBreaks(lastEnd, c.span.start) >= 2) {
        flush(state);
        state.canAttachToPrev = false;
      }
      if (!c.block && state.blockIsLines && state.block.length > 0) {
        state.block.push(c);
      } else {
        flush(state);
        state.block = [c];
        state.blockIsLines = !c.block;
      }
      lastEnd = c.span.end;
    }
    if (lastEnd >= 0 && this.lineBreaks(lastEnd, to) >= 2) {
      flush(state);
      state.canAttachToPrev = false;
    }
    // At the end of a scope there is nothing for a comment to lead.
    if (next.kind === 'eof' || (next.kind === 'symbol' && (next.text === '}' || next.text === ']' || next.text === ')'))) {
      flush(state);
    }
    const gap: { trailing?: string; detached?: string[]; leading?: string } = {};
    if (state.trailing) gap.trailing = this.blockText(state.trailing);
    if (state.detached) gap.detached = state.detached.map((b) => this.blockText(b));
    if (state.block.length > 0) gap.leading = this.blockText(state.block);
    return gap;
  }

  /** The index of the first comment that starts at or after `offset`; the parser mostly asks in order. */
  private firstCommentAt(offset: number): number {
    const comments = this.comments;
    let i = this.hint;
    if (i > comments.length || (i > 0 && comments[i - 1]!.span.start >= offset)) i = lowerBound(comments, offset);
    else while (i < comments.length && comments[i]!.span.start < offset) i++;
    this.hint = i;
    return i;
  }

  /** Line breaks (\n, \r\n, lone \r) in text[from, to), counting no further than 2. */
  private lineBreaks(from: number, to: number): number {
    const text = this.text;
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) n++;
      else if (c === 13) {
        n++;
        if (text.charCodeAt(i + 1) === 10) i++;
      } else continue;
      if (n >= 2) return n;
    }
    return n;
  }

  private blockText(block: readonly Comment[]): string {
    const text = this.text;
    if (block.length === 1 && !block[0]!.block) return lineCommentText(text, block[0]!);
    const lines: string[] = [];
    for (const c of block) {
      if (c.block) blockCommentLines(text.slice(c.span.start, c.span.end), lines);
      else lines.push(lineCommentText(text, c));
    }
    let a = 0;
    let b = lines.length;
    while (a < b && lines[a] === '') a++;
    while (b > a && lines[b - 1] === '') b--;
    return lines.slice(a, b).join('\n');
  }
}

interface GapState {
  trailing: Comment[] | undefined;
  detached: Comment[][] | undefined;
  block: Comment[];
  blockIsLines: boolean;
  canAttachToPrev: boolean;
}

/** Ends the comment block being collected: it trails the previous token if it still can, else it is detached. */
function flush(state: GapState): void {
  if (state.block.length === 0) return;
  if (state.canAttachToPrev) {
    state.trailing = state.block;
    state.canAttachToPrev = false;
  } else {
    (state.detached ??= []).push(state.block);
  }
  state.block = [];
}

/** A line comment without its slashes, one leading space and trailing blanks. */
function lineCommentText(text: string, c: Comment): string {
  let i = c.span.start;
  const end = c.span.end;
  while (i < end && text.charCodeAt(i) === 47) i++;
  if (i < end && text.charCodeAt(i) === 32) i++;
  let e = end;
  while (e > i && isBlank(text.charCodeAt(e - 1))) e--;
  return text.slice(i, e);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13;
}

/** The lines of a block comment, without its delimiters and the `*` that decorates each line. */
function blockCommentLines(raw: string, out: string[]): void {
  const inner = raw.slice(2, raw.length >= 4 && raw.endsWith('*/') ? -2 : undefined);
  const lines = inner.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (i === 0) line = line.replace(/^\*+/, '');
    else {
      line = line.trimStart();
      if (line.startsWith('*')) line = line.slice(1);
    }
    out.push(stripOneSpace(line).trimEnd());
  }
}

function stripOneSpace(s: string): string {
  return s.startsWith(' ') ? s.slice(1) : s;
}

/** The index of the first comment that starts at or after `offset`. */
function lowerBound(comments: readonly Comment[], offset: number): number {
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comments[mid]!.span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
