/**
 * Field numbers of a message, as protoc checks them: in 1..536870911, outside 19000-19999,
 * unique, not reserved, not inside an extension range; and field names not reserved. Each finding
 * points at the number (or name) and offers the smallest number still free.
 */
import { diagnostic, type Diagnostic, type Fix } from '../../diagnostics/diagnostic';
import type { Span } from '../../text/span';
import type { ExtensionsDecl, IntLiteral, ReservedDecl } from '../ast';
import type { CheckContext } from './context';
import {
  FIELD_NUMBER_MAX,
  IMPL_RESERVED_END,
  IMPL_RESERVED_START,
  inRange,
  intValue,
  nextFreeNumber,
  readRange,
  showRange,
  type Range,
} from './numbers';
import { fileModel, type AnyField, type MessageInfo } from './walk';

/** The reserved and extension ranges of a message body, with `max` read for messages. */
export function messageRanges(body: MessageInfo['node']['body'], messageSet = false) {
  const reserved: Range[] = [];
  const extensions: Range[] = [];
  const reservedNames: { text: string; span: Span }[] = [];
  // Message sets allow extension numbers up to the int32 maximum.
  const extMax = messageSet ? 2147483646n : FIELD_NUMBER_MAX;
  for (const el of body) {
    if (el.kind === 'reserved') {
      for (const r of (el as ReservedDecl).ranges) {
        const range = readRange(r, FIELD_NUMBER_MAX);
        if (range) reserved.push(range);
      }
      for (const n of (el as ReservedDecl).names) reservedNames.push({ text: n.text, span: n.span });
    } else if (el.kind === 'extensions') {
      for (const r of (el as ExtensionsDecl).ranges) {
        const range = readRange(r, extMax);
        if (range) extensions.push(range);
      }
    }
  }
  return { reserved, extensions, reservedNames };
}

function numberFix(lit: IntLiteral, free: bigint | undefined): Fix[] {
  if (free === undefined) return [];
  return [{ title: `Use the next free number ${free}`, edits: [{ span: lit.span, newText: `${free}` }], preferred: true }];
}

export function checkFieldNumbers(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of fileModel(ctx.ast, ctx.symbols.packageName).messages) {
    const { reserved, extensions, reservedNames } = messageRanges(m.node.body);
    const used = new Set<bigint>();
    for (const f of m.fields) {
      const n = intValue(f.node.number);
      if (n !== undefined) used.add(n);
    }
    let free: bigint | undefined | null = null;
    const nextFree = () => (free === null ? (free = nextFreeNumber(used, [...reserved, ...extensions])) : free);

    const seen = new Map<bigint, AnyField>();
    for (const { node } of m.fields) {
      const lit = node.number;
      const name = node.name?.text ?? '';
      const n = intValue(lit);
      if (lit && n !== undefined) {
        if (n < 1 || n > FIELD_NUMBER_MAX) {
          out.push(
            diagnostic(
              'fields/number-out-of-range',
              'error',
              `field number ${lit.text} of \`${name}\` is out of range: use a number from 1 to ${FIELD_NUMBER_MAX}`,
              lit.span,
              { fixes: numberFix(lit, nextFree()) },
            ),
          );
        } else if (n >= IMPL_RESERVED_START && n <= IMPL_RESERVED_END) {
          out.push(
            diagnostic(
              'fields/reserved-implementation-range',
              'error',
              `field number ${lit.text} of \`${name}\` is in 19000 to 19999, which protobuf reserves for itself: use another number`,
              lit.span,
              { fixes: numberFix(lit, nextFree()) },
            ),
          );
        }
        const earlier = seen.get(n);
        if (earlier) {
          out.push(
            diagnostic(
              'fields/duplicate-number',
              'error',
              `field number ${n} is already used by \`${earlier.name?.text ?? ''}\` in \`${m.fullName}\`: give \`${name}\` another number`,
              lit.span,
              {
                related: [{ uri: ctx.uri, span: earlier.number!.span, message: `\`${earlier.name?.text ?? ''}\` uses ${n}` }],
                fixes: numberFix(lit, nextFree()),
              },
            ),
          );
        } else seen.set(n, node);
        const res = reserved.find((r) => inRange(n, r));
        if (res) {
          out.push(
            diagnostic(
              'fields/reserved-number',
              'error',
              `field \`${name}\` uses number ${n}, which is reserved in \`${m.fullName}\`: use another number or remove the reservation`,
              lit.span,
              {
                related: [{ uri: ctx.uri, span: res.span, message: `${showRange(res)} is reserved here` }],
                fixes: numberFix(lit, nextFree()),
              },
            ),
          );
        }
        const ext = extensions.find((r) => inRange(n, r));
        if (ext) {
          out.push(
            diagnostic(
              'fields/number-in-extension-range',
              'error',
              `field \`${name}\` uses number ${n}, which is inside the extension range ${showRange(ext)}: use another number or shrink the range`,
              lit.span,
              {
                related: [{ uri: ctx.uri, span: ext.span, message: `extension range ${showRange(ext)} is declared here` }],
                fixes: numberFix(lit, nextFree()),
              },
            ),
          );
        }
      }
      // A group's field name is its type name lowercased; that is the name protoc checks.
      const fieldName = node.name && (node.kind === 'group' ? node.name.text.toLowerCase() : node.name.text);
      const rn = fieldName !== undefined && reservedNames.find((r) => r.text === fieldName);
      if (rn && node.name) {
        out.push(
          diagnostic(
            'fields/reserved-name',
            'error',
            `field name \`${fieldName}\` is reserved in \`${m.fullName}\`: rename the field or remove the reservation`,
            node.name.span,
            { related: [{ uri: ctx.uri, span: rn.span, message: `\`${rn.text}\` is reserved here` }] },
          ),
        );
      }
    }
  }
  return out;
}
