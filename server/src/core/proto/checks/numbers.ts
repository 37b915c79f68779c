/**
 * Exact integer arithmetic for field numbers, enum values and ranges. Literals are read from their
 * text as bigints because a JavaScript number cannot tell 2^63 from 2^63 + 1.
 */
import type { Span } from '../../text/span';
import type { IntLiteral, NumberRange } from '../ast';

export const FIELD_NUMBER_MAX = 536870911n;
export const IMPL_RESERVED_START = 19000n;
export const IMPL_RESERVED_END = 19999n;
export const INT32_MIN = -2147483648n;
export const INT32_MAX = 2147483647n;

/** The value of an integer literal as written: decimal, `0x` hex or leading-zero octal, with an optional sign. */
export function intValue(lit: IntLiteral | undefined): bigint | undefined {
  if (!lit) return undefined;
  return parseIntText(lit.text);
}

export function parseIntText(text: string): bigint | undefined {
  let t = text.trim();
  let negative = false;
  if (t.startsWith('-') || t.startsWith('+')) {
    negative = t.startsWith('-');
    t = t.slice(1).trim();
  }
  let value: bigint;
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) value = BigInt(t);
  else if (/^0[0-7]+$/.test(t)) value = BigInt('0o' + t.slice(1));
  else if (/^(0|[1-9][0-9]*)$/.test(t)) value = BigInt(t);
  else return undefined;
  return negative ? -value : value;
}

/** A `reserved` or `extensions` range with both ends known; `end` is inclusive. */
export interface Range {
  readonly start: bigint;
  readonly end: bigint;
  readonly span: Span;
  readonly node: NumberRange;
}

/** Reads a range; `max` becomes `maxValue`. A range whose start is unreadable is skipped. */
export function readRange(r: NumberRange, maxValue: bigint): Range | undefined {
  const start = intValue(r.start);
  if (start === undefined) return undefined;
  let end = start;
  if (r.end) {
    if (r.end.kind === 'max') end = maxValue;
    else {
      const e = intValue(r.end);
      if (e === undefined) return undefined;
      end = e;
    }
  }
  return { start, end, span: r.span, node: r };
}

export function inRange(n: bigint, r: { start: bigint; end: bigint }): boolean {
  return n >= r.start && n <= r.end;
}

export function overlaps(a: { start: bigint; end: bigint }, b: { start: bigint; end: bigint }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** `5` or `5 to 10`, as protoc prints a range. */
export function showRange(r: { start: bigint; end: bigint }): string {
  return r.start === r.end ? `${r.start}` : `${r.start} to ${r.end}`;
}

/**
 * The smallest field number a new field may take: at least 1, not used, not reserved, not in an
 * extension range and not in 19000-19999. Undefined when the message is full.
 */
export function nextFreeNumber(used: ReadonlySet<bigint>, blocked: readonly { start: bigint; end: bigint }[]): bigint | undefined {
  const ranges = [...blocked, { start: IMPL_RESERVED_START, end: IMPL_RESERVED_END }].sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
  );
  let n = 1n;
  for (;;) {
    let moved = false;
    for (const r of ranges) {
      if (inRange(n, r)) {
        n = r.end + 1n;
        moved = true;
      }
    }
    while (used.has(n)) {
      n++;
      moved = true;
    }
    if (n > FIELD_NUMBER_MAX) return undefined;
    if (!moved) return n;
  }
}
