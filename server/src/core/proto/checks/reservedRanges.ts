/**
 * `reserved` and `extensions` declarations on their own: ranges must be in bounds and run forward,
 * must not overlap each other, and extension ranges must not overlap reserved ones. Reserved names
 * must be identifiers and appear once.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import type { Span } from '../../text/span';
import type { EnumElement, MessageElement, NumberRange, ReservedDecl } from '../ast';
import type { CheckContext } from './context';
import { FIELD_NUMBER_MAX, INT32_MAX, INT32_MIN, overlaps, readRange, showRange, type Range } from './numbers';
import { fileModel } from './walk';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Kind {
  readonly what: 'reserved' | 'extension';
  readonly min: bigint;
  readonly max: bigint;
  /** The value `max` stands for. */
  readonly maxValue: bigint;
}

function swapFix(text: string, r: NumberRange, range: Range) {
  if (!r.end || r.end.kind === 'max') return [];
  const startText = text.slice(r.start.span.start, r.start.span.end);
  const endText = text.slice(r.end.span.start, r.end.span.end);
  return [
    {
      title: `Write ${showRange({ start: range.end, end: range.start })}`,
      edits: [
        { span: r.start.span, newText: endText },
        { span: r.end.span, newText: startText },
      ],
      preferred: true,
    },
  ];
}

/** Checks the ranges of one kind; returns the valid ones for overlap checks across kinds. */
function checkRanges(ctx: CheckContext, ranges: readonly NumberRange[], kind: Kind, out: Diagnostic[]): Range[] {
  const code = kind.what === 'reserved' ? 'reserved' : 'extensions';
  const valid: Range[] = [];
  for (const r of ranges) {
    const range = readRange(r, kind.maxValue);
    if (!range) continue;
    if (range.start < kind.min || range.end < kind.min) {
      out.push(
        diagnostic(
          `${code}/invalid-range`,
          'error',
          kind.min === 1n
            ? `${kind.what} numbers must be positive: start the range at 1 or above`
            : `${kind.what} range ${showRange(range)} is out of bounds: start it at ${kind.min} or above`,
          r.span,
        ),
      );
      continue;
    }
    if (range.end > kind.max || range.start > kind.max) {
      out.push(diagnostic(`${code}/invalid-range`, 'error', `${kind.what} range ${showRange(range)} is out of bounds: end it at ${kind.max} at most`, r.span));
      continue;
    }
    if (range.end < range.start) {
      out.push(
        diagnostic(
          `${code}/invalid-range`,
          'error',
          `${kind.what} range ${range.start} to ${range.end} ends before it starts: write it as ${range.end} to ${range.start}`,
          r.span,
          { fixes: swapFix(ctx.text, r, range) },
        ),
      );
      continue;
    }
    const earlier = valid.find((v) => overlaps(v, range));
    if (earlier) {
      out.push(
        diagnostic(
          `${code}/overlap`,
          'error',
          `${kind.what} range ${showRange(range)} overlaps ${showRange(earlier)}: merge the ranges or make them disjoint`,
          r.span,
          { related: [{ uri: ctx.uri, span: earlier.span, message: `${showRange(earlier)} is declared here` }] },
        ),
      );
    }
    valid.push(range);
  }
  return valid;
}

function checkNames(ctx: CheckContext, decls: readonly ReservedDecl[], out: Diagnostic[]) {
  const seen = new Map<string, Span>();
  for (const d of decls) {
    for (const n of d.names) {
      if (!IDENT.test(n.text)) {
        out.push(
          diagnostic('reserved/invalid-name', 'warning', `reserved name "${n.text}" is not a valid identifier: no field could use it, so remove it`, n.span),
        );
      }
      const earlier = seen.get(n.text);
      if (earlier) {
        out.push(
          diagnostic('reserved/duplicate-name', 'error', `name "${n.text}" is already reserved: remove the repetition`, n.span, {
            related: [{ uri: ctx.uri, span: earlier, message: `"${n.text}" is first reserved here` }],
          }),
        );
      } else seen.set(n.text, n.span);
    }
  }
}

function reservedDecls(body: readonly (MessageElement | EnumElement)[]): ReservedDecl[] {
  return body.filter((e): e is ReservedDecl => e.kind === 'reserved');
}

export function checkReservedRanges(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const model = fileModel(ctx.ast, ctx.symbols.packageName);
  for (const m of model.messages) {
    const reserved = reservedDecls(m.node.body);
    const valid = checkRanges(
      ctx,
      reserved.flatMap((d) => d.ranges),
      { what: 'reserved', min: 1n, max: INT32_MAX - 1n, maxValue: FIELD_NUMBER_MAX },
      out,
    );
    const extRanges = m.node.body.flatMap((e) => (e.kind === 'extensions' ? e.ranges : []));
    const ext = checkRanges(ctx, extRanges, { what: 'extension', min: 1n, max: INT32_MAX - 1n, maxValue: FIELD_NUMBER_MAX }, out);
    for (const e of ext) {
      const r = valid.find((v) => overlaps(v, e));
      if (r) {
        out.push(
          diagnostic(
            'extensions/overlaps-reserved',
            'error',
            `extension range ${showRange(e)} overlaps the reserved range ${showRange(r)}: make them disjoint`,
            e.span,
            { related: [{ uri: ctx.uri, span: r.span, message: `${showRange(r)} is reserved here` }] },
          ),
        );
      }
    }
    checkNames(ctx, reserved, out);
  }
  for (const e of model.enums) {
    const reserved = reservedDecls(e.node.body);
    checkRanges(ctx, reserved.flatMap((d) => d.ranges), { what: 'reserved', min: INT32_MIN, max: INT32_MAX, maxValue: INT32_MAX }, out);
    checkNames(ctx, reserved, out);
  }
  return out;
}
