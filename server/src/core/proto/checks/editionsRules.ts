/**
 * What editions replace with features, and the feature settings protoc rejects on fields: labels
 * `optional`/`required` (field_presence), groups (message_encoding = DELIMITED), `packed`
 * (repeated_field_encoding), `ctype` from 2024 (string_type), quoted reserved names; presence set
 * on oneof members, repeated fields or extensions; implicit presence with a default, a closed enum
 * or on a message; encodings on fields they cannot apply to; file options removed by an edition.
 */
import { diagnostic, type Diagnostic, type Fix } from '../../diagnostics/diagnostic';
import { wholeLineSpan } from '../../text/span';
import type { OptionDecl } from '../ast';
import type { CheckContext } from './context';
import { isClosedEnum } from './closedEnums';
import { effectiveFeature } from './features';
import { addCompactOption, constantIdent, featureOption, optionNamed, removeCompactOption, removeWord } from './options';
import { editionAtLeast, fileSyntax, type FileSyntax } from './syntax';
import { fieldTypeKind, isPackable } from './types';
import { fileModel, type FieldInfo } from './walk';

/** File options descriptor.proto marks `edition_removed`. */
const REMOVED_FILE_OPTIONS: Readonly<Record<string, { edition: string; instead: string }>> = {
  java_multiple_files: {
    edition: '2024',
    instead: 'it is the default now; to nest a type in the file class set features.(pb.java).nest_in_file_class = YES on it',
  },
  cc_enable_arenas: { edition: '2026', instead: 'arenas are always enabled; remove it' },
};

export function checkEditionsRules(ctx: CheckContext): Diagnostic[] {
  const syntax = fileSyntax(ctx.ast);
  if (syntax.kind !== 'editions') return [];
  const out: Diagnostic[] = [];
  const model = fileModel(ctx.ast, ctx.symbols.packageName);
  for (const f of model.fields) checkField(ctx, syntax, f, out);
  for (const d of ctx.ast.body) {
    if (d.kind !== 'option' || d.name.parts.length !== 1 || d.name.parts[0]!.extension) continue;
    const removed = REMOVED_FILE_OPTIONS[d.name.parts[0]!.text];
    if (removed && editionAtLeast(syntax, removed.edition)) {
      out.push(
        diagnostic('editions/option-removed', 'error', `option \`${d.name.parts[0]!.text}\` was removed in edition ${removed.edition}: ${removed.instead}`, d.name.span, {
          fixes: [{ title: 'Remove the option', edits: [{ span: wholeLineSpan(ctx.text, d.span), newText: '' }] }],
        }),
      );
    }
  }
  return out;
}

function checkField(ctx: CheckContext, syntax: FileSyntax, info: FieldInfo, out: Diagnostic[]) {
  const { node, oneof, extend } = info;
  // A label on a oneof member is oneof/label's to report.
  const label = node.kind === 'mapField' || oneof ? undefined : node.label;
  const numberSpan = node.number?.span;
  if (label?.value === 'optional') {
    const fixes: Fix[] = [{ title: 'Remove `optional`', edits: [removeWord(ctx.text, label.span)], preferred: true }];
    out.push(
      diagnostic(
        'editions/optional-label',
        'error',
        'editions have no `optional` label: singular fields have presence by default (features.field_presence = EXPLICIT); remove the label',
        label.span,
        { fixes },
      ),
    );
  } else if (label?.value === 'required') {
    const fixes: Fix[] = numberSpan
      ? [
          {
            title: 'Use features.field_presence = LEGACY_REQUIRED',
            edits: [removeWord(ctx.text, label.span), addCompactOption(node.optionsSpan, numberSpan, 'features.field_presence = LEGACY_REQUIRED')],
            preferred: true,
          },
        ]
      : [];
    out.push(
      diagnostic('editions/required-label', 'error', 'editions have no `required` label: set features.field_presence = LEGACY_REQUIRED instead', label.span, { fixes }),
    );
  }
  if (node.kind === 'group') {
    out.push(
      diagnostic(
        'editions/group',
        'error',
        'editions have no groups: declare a nested message and a field of that type with features.message_encoding = DELIMITED',
        node.keywordSpan,
      ),
    );
  }

  const packed = optionNamed(node.options, 'packed');
  if (packed) {
    const value = constantIdent(packed.value) === 'false' ? 'EXPANDED' : 'PACKED';
    out.push(
      diagnostic('editions/packed', 'error', `the \`packed\` option does not exist in editions: use features.repeated_field_encoding = ${value}`, packed.name.span, {
        fixes: [{ title: `Use features.repeated_field_encoding = ${value}`, edits: [{ span: packed.span, newText: `features.repeated_field_encoding = ${value}` }], preferred: true }],
      }),
    );
  }
  const ctype = optionNamed(node.options, 'ctype');
  if (ctype && editionAtLeast(syntax, '2024')) {
    out.push(
      diagnostic('editions/ctype', 'error', 'the `ctype` option is gone from edition 2024 on: use the C++ feature features.(pb.cpp).string_type', ctype.name.span, {
        fixes: [{ title: 'Remove ctype', edits: [removeCompactOption(ctx.text, node.options, node.optionsSpan, ctype)] }],
      }),
    );
  }

  const kind = fieldTypeKind(ctx, node);
  const repeated = node.kind === 'mapField' || node.label?.value === 'repeated';
  const isMessage = kind === 'message' || kind === 'group';
  const featureAt = (o: OptionDecl) => o.name.parts[1]?.span ?? o.name.span;

  const presence = featureOption(node.options, 'field_presence');
  if (presence) {
    let problem: string | undefined;
    if (extend) problem = 'extensions cannot set field presence: remove the feature';
    else if (oneof) problem = 'oneof members always have presence and cannot set field presence: remove the feature';
    else if (repeated) problem = 'repeated fields cannot set field presence: remove the feature';
    else if (isMessage && constantIdent(presence.value) === 'IMPLICIT') problem = 'message fields always have presence and cannot be IMPLICIT: remove the feature';
    if (problem) out.push(diagnostic('editions/invalid-field-presence', 'error', problem, featureAt(presence)));
  }
  const encoding = featureOption(node.options, 'repeated_field_encoding');
  if (encoding) {
    if (!repeated) {
      out.push(diagnostic('editions/invalid-repeated-field-encoding', 'error', 'only repeated fields have a repeated field encoding: remove the feature', featureAt(encoding)));
    } else if (constantIdent(encoding.value) === 'PACKED' && (node.kind === 'mapField' || !isPackable(ctx, node)) && kind !== 'unknown') {
      out.push(
        diagnostic('editions/invalid-repeated-field-encoding', 'error', 'only repeated numeric, bool and enum fields can be PACKED: remove the feature', featureAt(encoding)),
      );
    }
  }
  const messageEncoding = featureOption(node.options, 'message_encoding');
  if (messageEncoding && !isMessage && kind !== 'unknown') {
    out.push(diagnostic('editions/invalid-message-encoding', 'error', 'only message fields have a message encoding: remove the feature', featureAt(messageEncoding)));
  }
  const utf8 = featureOption(node.options, 'utf8_validation');
  if (utf8 && node.kind === 'field' && kind === 'scalar' && node.type.text !== 'string') {
    out.push(diagnostic('editions/invalid-utf8-validation', 'error', 'only string fields have UTF-8 validation: remove the feature', featureAt(utf8)));
  }
  // Implicit presence: set on the field or inherited from the file, for singular scalar and enum fields.
  if (extend || oneof || repeated || isMessage || node.kind !== 'field') return;
  if (effectiveFeature('field_presence', syntax, ctx.ast, node.options) !== 'IMPLICIT') return;
  const def = optionNamed(node.options, 'default');
  if (def) {
    out.push(
      diagnostic('editions/implicit-presence-default', 'error', 'fields with implicit presence cannot have a default: remove the default or set features.field_presence = EXPLICIT', def.name.span, {
        fixes: [{ title: 'Remove the default', edits: [removeCompactOption(ctx.text, node.options, node.optionsSpan, def)] }],
      }),
    );
  }
  const target = ctx.link.typeOf.get(node.type);
  if (target && isClosedEnum(ctx, target)) {
    out.push(
      diagnostic(
        'editions/implicit-presence-closed-enum',
        'error',
        `enum \`${target.fullName}\` is closed, so a field with implicit presence cannot use it: set features.field_presence = EXPLICIT or open the enum`,
        node.type.span,
      ),
    );
  }
}
