/**
 * Rename a named type (record, error, enum, fixed) in .avsc and .avdl: its name and every
 * reference in every file. A reference keeps its form: a full name stays a full name with only
 * its last part changed, a short name stays short, unless after the rename the short name would
 * mean another type in the reference's namespace; then it is written in full.
 *
 * Renaming breaks readers of data written under the old name unless the type keeps that name as
 * an alias. The editor is offered that edit: with `keepAlias: 'ask'` and a client that shows
 * change annotations, the alias edit comes annotated as needing confirmation, which VS Code
 * shows unticked in its refactor preview. `'always'` adds it, `'never'` leaves it out.
 */
import type {
  AnnotatedTextEdit,
  ChangeAnnotation,
  Position,
  Range,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { AvroFile, NamedSchema, NameNode } from '../../core/avro/ast';
import { isPrimitiveType } from '../../core/avro/ast';
import { member, type JsonObject, type JsonValue } from '../../core/avro/json';
import { nameProblem, qualify, splitFullName } from '../../core/avro/names';
import type { AvroDefinition } from '../../core/avro/registry';
import type { Span } from '../../core/text/span';
import { lineIndexOf } from '../lineIndexCache';
import { guard } from '../proto/guard';
import { targetAt } from './nodeAt';
import { fileOf, type AvroProject } from './project';
import { namedTypeOf, referencesOf } from './references';

export interface RenameError {
  readonly error: string;
}

export type CanEdit = (uri: string) => boolean;

export type KeepAlias = 'ask' | 'always' | 'never';

export interface RenameOptions {
  readonly keepAlias: KeepAlias;
  /** The client applies change annotations that need confirmation (LSP `changeAnnotationSupport`). */
  readonly annotations: boolean;
}

export const KEEP_ALIAS_ANNOTATION = 'eventSchemas.keepAlias';

export function isRenameError(x: unknown): x is RenameError {
  return typeof x === 'object' && x !== null && typeof (x as RenameError).error === 'string';
}

/** IDL words that need backticks to be names. */
const IDL_KEYWORDS = new Set([
  'protocol', 'namespace', 'import', 'idl', 'schema', 'record', 'error', 'enum', 'fixed', 'union', 'array', 'map', 'void',
  'oneway', 'throws', 'null', 'true', 'false', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string', 'date',
  'time_ms', 'timestamp_ms', 'local_timestamp_ms', 'uuid', 'decimal',
]);

export function prepareRename(
  project: AvroProject,
  uri: string,
  position: Position,
  canEdit: CanEdit,
): { range: Range; placeholder: string } | RenameError {
  return guard('avro prepareRename', { error: 'this element cannot be renamed' }, () => {
    const found = renameTarget(project, uri, position, canEdit);
    if (isRenameError(found)) return found;
    const file = fileOf(project, uri)!;
    const simple = splitFullName(found.def.fullName).name;
    return { range: lineIndexOf(file).rangeOf(simpleSpan(file.text, found.node, simple)), placeholder: simple };
  });
}

export function rename(
  project: AvroProject,
  uri: string,
  position: Position,
  newName: string,
  canEdit: CanEdit,
  options: RenameOptions = { keepAlias: 'ask', annotations: false },
): WorkspaceEdit | RenameError {
  return guard<WorkspaceEdit | RenameError>('avro rename', { error: 'rename failed: the file could not be analysed' }, () => {
    const found = renameTarget(project, uri, position, canEdit);
    if (isRenameError(found)) return found;
    const { def } = found;
    const name = newName.trim();
    const problem = validNewName(name, def, fileOf(project, def.uri)!);
    if (problem) return { error: problem };
    const old = splitFullName(def.fullName);
    if (name === old.name) return { changes: {} };
    const newFull = qualify(name, old.namespace);
    const clash = project.registry.lookup(newFull)[0];
    if (clash) return { error: `"${newFull}" is already defined in ${clash.uri === def.uri ? 'this file' : `"${clash.uri}"`}: choose another name` };

    const edits = new Map<string, { span: Span; newText: string }[]>();
    const add = (u: string, span: Span, newText: string) => {
      const list = edits.get(u) ?? [];
      if (!list.some((e) => e.span.start === span.start)) list.push({ span, newText });
      edits.set(u, list);
    };
    add(def.uri, def.schema.name!.span, written(fileOf(project, def.uri)!, renamed(def.schema.name!.text, name)));

    for (const { uri: u, reference } of referencesOf(project, def)) {
      const f = fileOf(project, u);
      if (!f) continue;
      if (!canEdit(u)) return { error: `"${u}" refers to "${def.fullName}" but is outside the workspace` };
      let text = renamed(reference.name.text, name);
      if (!text.includes('.') && qualify(text, reference.namespace) !== newFull) {
        // A short name from another namespace reached the type through the null-namespace
        // fallback; it keeps doing so unless that namespace has a type of the new name.
        const captured = project.registry.lookup(qualify(text, reference.namespace)).length > 0;
        if (captured) {
          if (old.namespace === '') return { error: `"${qualify(text, reference.namespace)}" exists, so "${text}" would mean it in namespace "${reference.namespace}": choose another name` };
          text = newFull;
        }
      }
      add(u, reference.name.span, written(f, text));
    }

    const alias = options.keepAlias === 'never' || (options.keepAlias === 'ask' && !options.annotations) ? undefined : aliasEdit(fileOf(project, def.uri)!, def.schema, old.name);
    return build(project, edits, alias ? { uri: def.uri, ...alias } : undefined, options.keepAlias === 'ask', old.name, name);
  });
}

function renameTarget(
  project: AvroProject,
  uri: string,
  position: Position,
  canEdit: CanEdit,
): { def: AvroDefinition; node: NameNode } | RenameError {
  const file = fileOf(project, uri);
  const t = file ? targetAt(file, lineIndexOf(file).offsetAt(position)) : undefined;
  const def = t ? namedTypeOf(project, uri, t) : undefined;
  if (!t || !def || !def.schema.name || (t.kind !== 'definition' && t.kind !== 'reference')) {
    return { error: 'nothing to rename here: place the cursor on the name of a record, enum or fixed, or on a reference to one' };
  }
  if (!canEdit(def.uri)) return { error: `"${def.fullName}" is defined in "${def.uri}", outside the workspace` };
  return { def, node: t.kind === 'definition' ? t.schema.name! : t.ref.name };
}

function validNewName(name: string, def: AvroDefinition, file: AvroFile): string | undefined {
  if (name.includes('.')) return `"${name}" has a dot: rename changes the simple name only; to move the type, change its namespace`;
  const problem = nameProblem(name);
  if (problem) return `"${name}" is not a valid Avro name: it ${problem}`;
  if (isPrimitiveType(name)) return `"${name}" is a primitive type and cannot name a ${def.schema.kind}`;
  if (file.syntax === 'avdl' && ['date', 'time_ms', 'timestamp_ms', 'uuid'].includes(name)) return `"${name}" is an IDL type keyword and cannot name a ${def.schema.kind}`;
  return undefined;
}

/** The written name with its last part replaced. */
function renamed(writtenName: string, newSimple: string): string {
  const dot = writtenName.lastIndexOf('.');
  return dot < 0 ? newSimple : writtenName.slice(0, dot + 1) + newSimple;
}

/** A name as the file's syntax writes it: a JSON string, or an IDL identifier (keywords in backticks). */
function written(file: AvroFile, name: string): string {
  if (file.syntax !== 'avdl') return JSON.stringify(name);
  return name
    .split('.')
    .map((p) => (IDL_KEYWORDS.has(p) ? `\`${p}\`` : p))
    .join('.');
}

/** The part of a name node that spells the simple name, for the editor's rename box. */
function simpleSpan(text: string, node: NameNode, simple: string): Span {
  const raw = text.slice(node.span.start, node.span.end);
  const at = raw.lastIndexOf(simple);
  return at < 0 ? node.span : { start: node.span.start + at, end: node.span.start + at + simple.length };
}

/** The edit that adds `oldName` to the type's aliases, or undefined when it is there or cannot be placed. */
export function aliasEdit(file: AvroFile, s: NamedSchema, oldName: string): { span: Span; newText: string } | undefined {
  if (s.aliases.some((a) => a.text === oldName || qualify(a.text, s.namespace) === qualify(oldName, s.namespace))) return undefined;
  const quoted = JSON.stringify(oldName);
  if (file.syntax === 'avdl') {
    const last = s.aliases[s.aliases.length - 1];
    if (last) return { span: { start: last.span.end, end: last.span.end }, newText: `, ${quoted}` };
    if (!s.typeName) return undefined;
    return { span: { start: s.typeName.span.start, end: s.typeName.span.start }, newText: `@aliases([${quoted}]) ` };
  }
  const obj = file.json ? objectAt(file.json, s.span) : undefined;
  if (!obj) return undefined;
  const aliases = member(obj, 'aliases')?.value;
  if (aliases?.kind === 'array') {
    const last = aliases.items[aliases.items.length - 1];
    const at = last ? last.span.end : aliases.span.start + 1;
    return { span: { start: at, end: at }, newText: last ? `, ${quoted}` : quoted };
  }
  if (aliases) return undefined;
  const nameMember = member(obj, 'name');
  if (!nameMember) return undefined;
  return { span: { start: nameMember.span.end, end: nameMember.span.end }, newText: `, "aliases": [${quoted}]` };
}

/** The JSON object whose span is `span`. */
export function objectAt(v: JsonValue, span: Span): JsonObject | undefined {
  if (v.span.start > span.start || v.span.end < span.end) return undefined;
  if (v.kind === 'object') {
    if (v.span.start === span.start && v.span.end === span.end) return v;
    for (const m of v.members) {
      const hit = m.value ? objectAt(m.value, span) : undefined;
      if (hit) return hit;
    }
  } else if (v.kind === 'array') {
    for (const item of v.items) {
      const hit = objectAt(item, span);
      if (hit) return hit;
    }
  }
  return undefined;
}

function build(
  project: AvroProject,
  edits: Map<string, { span: Span; newText: string }[]>,
  alias: { uri: string; span: Span; newText: string } | undefined,
  ask: boolean,
  oldName: string,
  newName: string,
): WorkspaceEdit {
  const toLsp = (u: string, list: { span: Span; newText: string }[]): TextEdit[] => {
    const index = lineIndexOf(fileOf(project, u)!);
    return [...list].sort((a, b) => a.span.start - b.span.start).map((e) => ({ range: index.rangeOf(e.span), newText: e.newText }));
  };
  if (!alias || !ask) {
    if (alias) edits.set(alias.uri, [...(edits.get(alias.uri) ?? []), alias]);
    const changes: Record<string, TextEdit[]> = {};
    for (const [u, list] of edits) changes[u] = toLsp(u, list);
    return { changes };
  }
  const annotation: ChangeAnnotation = {
    label: `Keep "${oldName}" as an alias of "${newName}"`,
    description: 'readers of data written under the old name keep working',
    needsConfirmation: true,
  };
  const documentChanges: TextDocumentEdit[] = [];
  for (const [u, list] of edits) {
    const lsp: (TextEdit | AnnotatedTextEdit)[] = toLsp(u, list);
    if (u === alias.uri) {
      const [edit] = toLsp(u, [alias]);
      lsp.push({ ...edit!, annotationId: KEEP_ALIAS_ANNOTATION });
    }
    documentChanges.push({ textDocument: { uri: u, version: null }, edits: lsp });
  }
  return { documentChanges, changeAnnotations: { [KEEP_ALIAS_ANNOTATION]: annotation } };
}
