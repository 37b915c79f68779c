/**
 * What proto3 leaves out: `required`, explicit defaults, groups, extension ranges, extensions
 * other than custom options, and closed (proto2) enums as field types.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import type { CheckContext } from './context';
import { isClosedEnum } from './closedEnums';
import { optionNamed, removeCompactOption, removeWord } from './options';
import { fileSyntax } from './syntax';
import { fileModel } from './walk';

/** The descriptor messages that proto3 files may extend to declare custom options. */
const OPTION_MESSAGES = new Set(
  ['File', 'Message', 'Field', 'Oneof', 'Enum', 'EnumValue', 'Service', 'Method', 'ExtensionRange'].map((k) => `google.protobuf.${k}Options`),
);

export function checkProto3Rules(ctx: CheckContext): Diagnostic[] {
  if (fileSyntax(ctx.ast).kind !== 'proto3') return [];
  const out: Diagnostic[] = [];
  const model = fileModel(ctx.ast, ctx.symbols.packageName);
  for (const { node, extend, oneof } of model.fields) {
    // A label on a oneof member is oneof/label's to report.
    if (!oneof && node.kind !== 'mapField' && node.label?.value === 'required') {
      out.push(
        diagnostic('proto3/required', 'error', 'proto3 has no `required` fields: remove the label', node.label.span, {
          fixes: [{ title: 'Remove `required`', edits: [removeWord(ctx.text, node.label.span)], preferred: true }],
        }),
      );
    }
    if (node.kind === 'group') {
      out.push(diagnostic('proto3/group', 'error', 'proto3 has no groups: declare a nested message and a field of that type', node.keywordSpan));
    }
    const def = optionNamed(node.options, 'default');
    if (def) {
      out.push(
        diagnostic(
          'proto3/default',
          'error',
          'proto3 fields cannot set a `default`: the default is always the zero value; remove the option',
          def.name.span,
          { fixes: [{ title: 'Remove the default', edits: [removeCompactOption(ctx.text, node.options, node.optionsSpan, def)], preferred: true }] },
        ),
      );
    }
    if (!extend && node.kind !== 'group') {
      const type = node.kind === 'field' ? node.type : node.valueType;
      const target = type && ctx.link.typeOf.get(type);
      if (type && target && isClosedEnum(ctx, target)) {
        out.push(
          diagnostic(
            'proto3/closed-enum',
            'error',
            `enum \`${target.fullName}\` is closed (declared in proto2 or with enum_type CLOSED), so proto3 messages cannot use it: use an open enum or move the message to proto2 or editions`,
            type.span,
          ),
        );
      }
    }
  }
  for (const m of model.messages) {
    for (const el of m.node.body) {
      if (el.kind !== 'extensions' || el.ranges.length === 0) continue;
      const span = { start: el.ranges[0]!.span.start, end: el.ranges[el.ranges.length - 1]!.span.end };
      out.push(diagnostic('proto3/extension-range', 'error', 'proto3 messages cannot declare extension ranges: use proto2 or editions for an extendable message', span));
    }
  }
  for (const x of model.extends) {
    const ref = x.node.extendee;
    const target = ref && ctx.link.typeOf.get(ref);
    if (!ref || !target || target.kind !== 'message' || OPTION_MESSAGES.has(target.fullName)) continue;
    out.push(
      diagnostic(
        'proto3/extend',
        'error',
        `proto3 files can only extend google.protobuf.*Options to declare custom options, not \`${target.fullName}\`: use proto2 or editions for this extension`,
        ref.span,
      ),
    );
  }
  return out;
}
