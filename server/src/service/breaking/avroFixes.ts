/**
 * Quick fixes for Avro findings of the edited schema as a reader of old data (BACKWARD):
 * - READER_FIELD_MISSING_DEFAULT_VALUE on a new field: give it the zero of its type as default;
 *   and when the old record has a field the new one lost (likely the same field, renamed), keep
 *   the old name as the field's alias, which is how Avro matches renamed fields;
 * - NAME_MISMATCH on a renamed record, enum or fixed: keep the old name as an alias.
 * The edits are the Avro service's own (add default, keep alias), so they read the same as the
 * rename and refactor actions.
 */
import type { AvroFile, AvroMessage, Field, NamedSchema, RecordSchema } from '../../core/avro/ast';
import { member } from '../../core/avro/json';
import { namedDefinitions, walkFile } from '../../core/avro/walk';
import type { Fix } from '../../core/diagnostics/diagnostic';
import type { Span } from '../../core/text/span';
import { defaultEdit } from '../avro/codeActions';
import { aliasEdit, objectAt } from '../avro/rename';
import type { Resolve } from '../avro/typeText';

export interface AvroFindingLike {
  readonly code: string;
  readonly span: Span;
  readonly anchor: string;
  /** Where the finding points in the old schema. */
  readonly baseline?: { readonly span: Span };
}

/** At most this many "renamed from" candidates are offered for one field. */
const MAX_RENAME_GUESSES = 3;

export function avroFixes(finding: AvroFindingLike, current: AvroFile, resolve: Resolve, old: AvroFile | undefined): Fix[] {
  if (finding.anchor !== 'element') return [];
  if (finding.code === 'READER_FIELD_MISSING_DEFAULT_VALUE') return newFieldFixes(finding, current, resolve, old);
  if (finding.code === 'NAME_MISMATCH') {
    const renamed = namedAt(current, finding.span);
    const was = old && finding.baseline ? namedAt(old, finding.baseline.span) : undefined;
    if (!renamed || !was?.fullName || was.fullName === renamed.fullName) return [];
    const oldName = was.namespace === renamed.namespace && was.name ? was.name.text : was.fullName;
    const edit = aliasEdit(current, renamed, oldName);
    return edit ? [{ title: `Add alias "${oldName}" to "${renamed.name?.text ?? renamed.fullName}"`, edits: [edit], preferred: true }] : [];
  }
  return [];
}

function newFieldFixes(finding: AvroFindingLike, current: AvroFile, resolve: Resolve, old: AvroFile | undefined): Fix[] {
  const hit = fieldAt(current, finding.span);
  if (!hit) return [];
  const out: Fix[] = [];
  const add = defaultEdit(current, hit.field, resolve);
  if (add) out.push({ title: add.title, edits: [{ span: add.span, newText: add.newText }], preferred: true });

  const oldRecord = old && finding.baseline ? namedAt(old, finding.baseline.span) : undefined;
  const owner = 'kind' in hit.owner ? hit.owner : undefined;
  if (oldRecord?.kind !== 'record' || !owner) return out;
  const taken = new Set(owner.fields.flatMap((f) => [f.name?.text, ...f.aliases.map((a) => a.text)]));
  const lost = oldRecord.fields.filter((f) => f.name && !taken.has(f.name.text));
  // One lost field is the rename; among several, the one at the same position is the best guess.
  const index = owner.fields.indexOf(hit.field);
  const guesses = lost.length === 1 ? lost : lost.filter((f) => oldRecord.fields.indexOf(f) === index);
  for (const f of guesses.slice(0, MAX_RENAME_GUESSES)) {
    const edit = fieldAliasEdit(current, hit.field, f.name!.text);
    if (edit) out.push({ title: `Add alias "${f.name!.text}" to "${hit.field.name!.text}" (renamed from "${f.name!.text}")`, edits: [edit] });
  }
  return out;
}

/** The edit that adds `oldName` to a field's aliases. */
function fieldAliasEdit(file: AvroFile, field: Field, oldName: string): { span: Span; newText: string } | undefined {
  if (!field.name) return undefined;
  const quoted = JSON.stringify(oldName);
  const last = field.aliases[field.aliases.length - 1];
  if (file.syntax === 'avdl') {
    if (last) return { span: { start: last.span.end, end: last.span.end }, newText: `, ${quoted}` };
    return { span: { start: field.name.span.start, end: field.name.span.start }, newText: `@aliases([${quoted}]) ` };
  }
  const obj = file.json ? objectAt(file.json, field.span) : undefined;
  if (!obj) return undefined;
  const aliases = member(obj, 'aliases')?.value;
  if (aliases?.kind === 'array') {
    const end = aliases.items[aliases.items.length - 1];
    const at = end ? end.span.end : aliases.span.start + 1;
    return { span: { start: at, end: at }, newText: end ? `, ${quoted}` : quoted };
  }
  if (aliases) return undefined;
  const name = member(obj, 'name');
  return name ? { span: { start: name.span.end, end: name.span.end }, newText: `, "aliases": [${quoted}]` } : undefined;
}

function fieldAt(file: AvroFile, nameSpan: Span): { field: Field; owner: RecordSchema | AvroMessage } | undefined {
  let found: { field: Field; owner: RecordSchema | AvroMessage } | undefined;
  walkFile(file, {
    field(field, owner) {
      if (!found && field.name && sameSpan(field.name.span, nameSpan)) found = { field, owner };
    },
  });
  return found;
}

function namedAt(file: AvroFile, nameSpan: Span): NamedSchema | undefined {
  return namedDefinitions(file).find((s) => s.name && sameSpan(s.name.span, nameSpan));
}

function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}
