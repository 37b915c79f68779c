/**
 * JSON names, checked like protoc: two fields of a message must not map to the same JSON name,
 * first comparing default names (lowerCamelCase), then custom `json_name`s. A clash that involves a
 * default name is only a warning where the JSON format is LEGACY_BEST_EFFORT (proto2's default).
 * Extensions cannot set `json_name`.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic';
import type { CheckContext } from './context';
import { effectiveFeature } from './features';
import { constantIdent, optionNamed, removeCompactOption } from './options';
import { fileSyntax } from './syntax';
import { bodyOptions, fileModel, type AnyField } from './walk';

/** protoc's default JSON name: underscores dropped, the letter after each one upper-cased. */
export function defaultJsonName(name: string): string {
  // Most names have no underscore: their json name is the name itself, with nothing to build.
  let at = name.indexOf('_');
  if (at < 0) return name;
  // Else the runs between underscores, a run's first character (a code point) upper-cased.
  let out = name.slice(0, at);
  while (at >= 0) {
    const start = at + 1;
    at = name.indexOf('_', start);
    const end = at < 0 ? name.length : at;
    if (end === start) continue;
    const first = String.fromCodePoint(name.codePointAt(start)!);
    out += first.toUpperCase() + name.slice(start + first.length, end);
  }
  return out;
}

function fieldName(f: AnyField): string | undefined {
  if (!f.name) return undefined;
  return f.kind === 'group' ? f.name.text.toLowerCase() : f.name.text;
}

interface JsonName {
  readonly field: AnyField;
  readonly name: string;
  readonly json: string;
  readonly custom: boolean;
}

const BOTH_PASSES = [false, true];
const DEFAULTS_ONLY = [false];

export function checkJsonNames(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const syntax = fileSyntax(ctx.ast);
  const model = fileModel(ctx.ast, ctx.symbols.packageName);
  for (const m of model.messages) {
    const options = bodyOptions(m.node.body);
    if (constantIdent(optionNamed(options, 'deprecated_legacy_json_field_conflicts')?.value) === 'true') continue;
    const legacy = effectiveFeature('json_format', syntax, ctx.ast, options, m.parents) === 'LEGACY_BEST_EFFORT';
    // The second pass only adds clashes involving a custom name: none without a json_name.
    const passes = m.fields.some(({ node }) => optionNamed(node.options, 'json_name') !== undefined) ? BOTH_PASSES : DEFAULTS_ONLY;
    for (const useCustom of passes) {
      const seen = new Map<string, JsonName>();
      for (const { node } of m.fields) {
        const name = fieldName(node);
        if (name === undefined || !node.name) continue;
        const opt = useCustom ? optionNamed(node.options, 'json_name') : undefined;
        const custom = opt?.value?.kind === 'string' ? opt.value.value : undefined;
        const entry: JsonName = { field: node, name, json: custom ?? defaultJsonName(name), custom: custom !== undefined };
        if (entry.custom && entry.json.startsWith('[') && entry.json.endsWith(']')) {
          out.push(
            diagnostic(
              'fields/invalid-json-name',
              'error',
              `custom JSON name "${entry.json}" of \`${name}\` looks like an extension: JSON names cannot start with \`[\` and end with \`]\``,
              opt!.value!.span,
            ),
          );
          continue;
        }
        const match = seen.get(entry.json);
        if (!match) {
          seen.set(entry.json, entry);
          continue;
        }
        // The second pass only adds clashes that involve a custom name; equal field names are names/duplicate.
        if ((useCustom && !entry.custom && !match.custom) || match.name === name) continue;
        const involvesDefault = !entry.custom || !match.custom;
        out.push(
          diagnostic(
            'fields/json-name-conflict',
            legacy && involvesDefault ? 'warning' : 'error',
            `the ${entry.custom ? 'custom' : 'default'} JSON name "${entry.json}" of \`${name}\` is also the ${match.custom ? 'custom' : 'default'} JSON name of \`${match.name}\`: rename a field or set a distinct json_name`,
            node.name.span,
            { related: [{ uri: ctx.uri, span: match.field.name!.span, message: `\`${match.name}\` has JSON name "${match.json}"` }] },
          ),
        );
      }
    }
  }
  for (const x of model.extends) {
    for (const { node } of x.fields) {
      const opt = optionNamed(node.options, 'json_name');
      if (!opt) continue;
      out.push(
        diagnostic('extensions/json-name', 'error', 'extensions cannot set json_name: their JSON name is always `[full.name]`; remove the option', opt.name.span, {
          fixes: [{ title: 'Remove json_name', edits: [removeCompactOption(ctx.text, node.options, node.optionsSpan, opt)], preferred: true }],
        }),
      );
    }
  }
  return out;
}
