/**
 * Extension fields against the message they extend: the number must lie in one of its declared
 * extension ranges, and no two extensions of one message may share a number when protoc builds
 * them together (this file and the files it depends on; across files protoc only warns).
 * Extensions cannot be `required`.
 */
import { diagnostic, type Diagnostic, type Fix } from '../../diagnostics/diagnostic';
import type { ProtoFile } from '../ast';
import { resolveName } from '../resolve';
import { isType } from '../symbols';
import type { CheckContext } from './context';
import { dependencyClosure, fileLabel } from './deps';
import { messageRanges } from './fieldNumbers';
import { FIELD_NUMBER_MAX, IMPL_RESERVED_END, IMPL_RESERVED_START, inRange, intValue, showRange } from './numbers';
import { constantIdent, optionNamed } from './options';
import { fileSyntax } from './syntax';
import { bodyOptions, fileModel, type AnyField, type MessageNode } from './walk';

interface Ext {
  readonly field: AnyField;
  readonly number: bigint;
  readonly uri: string;
}

function packageOf(ast: ProtoFile): string {
  for (const d of ast.body) if (d.kind === 'package' && d.name) return d.name.text;
  return '';
}

/** Extensions the dependencies declare, keyed by the extended message's full name and number. */
function dependencyExtensions(ctx: CheckContext): Map<string, Ext> {
  const out = new Map<string, Ext>();
  for (const uri of dependencyClosure(ctx)) {
    const ast = ctx.env.file(uri)?.ast;
    if (!ast) continue;
    for (const x of fileModel(ast, packageOf(ast)).extends) {
      if (!x.node.extendee || x.fields.length === 0) continue;
      const res = resolveName(x.node.extendee.text, x.scope, { index: ctx.project, isVisible: () => true, accept: isType });
      if (res.kind !== 'found') continue;
      for (const f of x.fields) {
        const n = intValue(f.node.number);
        const key = `${res.symbol.fullName}#${n}`;
        if (n !== undefined && !out.has(key)) out.set(key, { field: f.node, number: n, uri });
      }
    }
  }
  return out;
}

export function checkExtensions(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const model = fileModel(ctx.ast, ctx.symbols.packageName);
  if (model.extends.length === 0) return out;
  let deps: Map<string, Ext> | undefined;
  const own = new Map<string, Ext>();
  // proto3 and editions have no `required` at all; their own checks say so.
  const proto2 = fileSyntax(ctx.ast).kind === 'proto2';
  for (const x of model.extends) {
    for (const { node } of x.fields) {
      if (proto2 && node.kind !== 'mapField' && node.label?.value === 'required') {
        out.push(
          diagnostic('extensions/required', 'error', `extension \`${node.name?.text ?? ''}\` cannot be required: make it optional`, node.label.span, {
            fixes: [{ title: 'Make it optional', edits: [{ span: node.label.span, newText: 'optional' }], preferred: true }],
          }),
        );
      }
    }
    const target = x.node.extendee && ctx.link.typeOf.get(x.node.extendee);
    if (!target || target.kind !== 'message' || !target.node) continue;
    const extendee = target.node as MessageNode;
    const messageSet = constantIdent(optionNamed(bodyOptions(extendee.body), 'message_set_wire_format')?.value) === 'true';
    const max = messageSet ? 2147483646n : FIELD_NUMBER_MAX;
    const { extensions: ranges } = messageRanges(extendee.body, messageSet);
    const taken = (k: bigint) => own.has(`${target.fullName}#${k}`) || (deps ??= dependencyExtensions(ctx)).has(`${target.fullName}#${k}`);
    for (const { node } of x.fields) {
      const lit = node.number;
      const n = intValue(lit);
      if (!lit || n === undefined) continue;
      const name = node.name?.text ?? '';
      if (n < 1 || n > max) {
        out.push(
          diagnostic('fields/number-out-of-range', 'error', `extension number ${lit.text} of \`${name}\` is out of range: use a number from 1 to ${max}`, lit.span),
        );
        continue;
      }
      if (n >= IMPL_RESERVED_START && n <= IMPL_RESERVED_END) {
        out.push(
          diagnostic(
            'fields/reserved-implementation-range',
            'error',
            `extension number ${lit.text} of \`${name}\` is in 19000 to 19999, which protobuf reserves for itself: use another number`,
            lit.span,
          ),
        );
      }
      if (!ranges.some((r) => inRange(n, r))) {
        const declared = ranges.map(showRange).join(', ');
        out.push(
          diagnostic(
            'extensions/number-not-in-range',
            'error',
            ranges.length === 0
              ? `\`${target.fullName}\` declares no extension ranges, so it cannot be extended: add \`extensions ${n};\` to it or extend another message`
              : `\`${target.fullName}\` does not declare ${n} as an extension number: use a number in ${declared}`,
            lit.span,
            { related: [{ uri: target.uri, span: target.nameSpan, message: `\`${target.fullName}\` is declared here` }], fixes: freeFix(lit.span, ranges, taken) },
          ),
        );
      }
      const key = `${target.fullName}#${n}`;
      const earlier = own.get(key) ?? (deps ??= dependencyExtensions(ctx)).get(key);
      if (earlier) {
        const where = earlier.uri === ctx.uri ? '' : ` in "${fileLabel(ctx, earlier.uri)}"`;
        // protoc 36 only warns when the other extension comes from another file.
        out.push(
          diagnostic(
            'fields/duplicate-number',
            earlier.uri === ctx.uri ? 'error' : 'warning',
            `extension number ${n} of \`${target.fullName}\` is already used by \`${earlier.field.name?.text ?? ''}\`${where}: give \`${name}\` another number`,
            lit.span,
            {
              related: [{ uri: earlier.uri, span: earlier.field.number!.span, message: `\`${earlier.field.name?.text ?? ''}\` uses ${n}` }],
              fixes: freeFix(lit.span, ranges, taken),
            },
          ),
        );
      } else own.set(key, { field: node, number: n, uri: ctx.uri });
    }
  }
  return out;
}

/** Offers the smallest number of the extendee's ranges that no known extension takes yet. */
function freeFix(span: { start: number; end: number }, ranges: readonly { start: bigint; end: bigint }[], taken: (n: bigint) => boolean): Fix[] {
  for (const r of ranges) {
    // Bounded: a range with a thousand taken numbers in a row is not worth a fix.
    for (let n = r.start; n <= r.end && n < r.start + 1000n; n++) {
      if (n >= IMPL_RESERVED_START && n <= IMPL_RESERVED_END) continue;
      if (!taken(n)) return [{ title: `Use extension number ${n}`, edits: [{ span, newText: `${n}` }] }];
    }
  }
  return [];
}
