/**
 * Code actions for .avsc and .avdl:
 * - every fix the core attaches to a diagnostic in the range (typo'd type or symbol, misplaced
 *   logical type, "move the matching branch first", ...), as quick fixes;
 * - in IDL, an unknown type that another workspace file defines: import that file;
 * - on a field without a default: "Add default ...", the zero of its type (for a union, of the
 *   first branch). A field without a default breaks readers of data written before the field
 *   existed, which is the most common Avro compatibility failure.
 */
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic as LspDiagnostic,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { AvroFile, Field } from '../../core/avro/ast';
import { member } from '../../core/avro/json';
import { namedReferences } from '../../core/avro/walk';
import type { Diagnostic } from '../../core/diagnostics/diagnostic';
import type { LineIndex } from '../../core/text/lineIndex';
import type { Span } from '../../core/text/span';
import { lineIndexOf } from '../lineIndexCache';
import { guard } from '../proto/guard';
import { fixToWorkspaceEdit, toLspDiagnostic } from '../toLsp';
import { avroDiagnostics } from './diagnostics';
import { fieldAt } from './nodeAt';
import { fileOf, resolverFor, type AvroProject } from './project';
import { objectAt } from './rename';
import { relativeUri, type Resolve } from './typeText';
import { zeroValue } from './values';

export interface CodeActionContextLike {
  readonly only?: readonly string[];
  readonly diagnostics?: readonly LspDiagnostic[];
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => k === kind || kind.startsWith(`${k}.`));
}

export function codeActions(
  project: AvroProject,
  uri: string,
  range: Range,
  context: CodeActionContextLike = {},
  /** Diagnostics found outside the core (unresolved imports), with their fixes. */
  extra: readonly Diagnostic[] = [],
): CodeAction[] {
  return guard('avro codeActions', [], () => {
    const file = fileOf(project, uri);
    if (!file) return [];
    const index = lineIndexOf(file);
    const span = index.spanOf(range);
    const textOf = (other: string) => {
      const f = fileOf(project, other);
      return f ? lineIndexOf(f) : undefined;
    };
    const out: CodeAction[] = [];

    if (wants(context.only, CodeActionKind.QuickFix)) {
      const all = [...avroDiagnostics(project, uri), ...extra];
      const hit = all.filter((d) => d.span.start <= span.end && span.start <= d.span.end);
      const lspOf = (d: Diagnostic): LspDiagnostic => {
        const converted = toLspDiagnostic(d, index, uri, textOf);
        return context.diagnostics?.find((c) => c.code === converted.code && sameRange(c.range, converted.range)) ?? converted;
      };
      for (const d of hit) {
        for (const fix of d.fixes ?? []) {
          const edit = fixToWorkspaceEdit(fix, index, uri, textOf);
          if (!edit) continue;
          const a: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [lspOf(d)], edit };
          if (fix.preferred) a.isPreferred = true;
          out.push(a);
        }
        if (d.code === 'avro/unknown-type' && file.syntax === 'avdl') {
          for (const a of importFixes(project, uri, file, index, d.span)) out.push({ ...a, diagnostics: [lspOf(d)] });
        }
      }
    }

    if (wants(context.only, CodeActionKind.RefactorRewrite)) {
      const field = fieldAt(file, span.start)?.field;
      const add = field ? addDefault(project, uri, file, index, field) : undefined;
      if (add) out.push(add);
    }
    return out;
  });
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** `import schema "../common/money.avsc";` for each other file that defines the unknown name. */
function importFixes(project: AvroProject, uri: string, file: AvroFile, index: LineIndex, span: Span): CodeAction[] {
  const ref = namedReferences(file).find((r) => r.name.span.start === span.start && r.name.span.end === span.end);
  if (!ref) return [];
  const at = importPosition(file);
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const def of project.registry.lookup(ref.fullName)) {
    if (def.uri === uri || seen.has(def.uri)) continue;
    seen.add(def.uri);
    const syntax = fileOf(project, def.uri)?.syntax;
    const kind = syntax === 'avdl' ? 'idl' : syntax === 'avpr' ? 'protocol' : 'schema';
    const path = relativeUri(uri, def.uri);
    if (path.includes('://') || path.includes(':')) continue;
    const statement = `import ${kind} ${JSON.stringify(path)};`;
    const edit: WorkspaceEdit = { changes: { [uri]: [{ range: index.rangeOf({ start: at.offset, end: at.offset }), newText: at.before + statement + at.after }] } };
    out.push({ title: `Import ${kind} "${path}"`, kind: CodeActionKind.QuickFix, edit, isPreferred: true });
  }
  if (out.length > 1) for (const a of out) a.isPreferred = false;
  return out;
}

/** Where a new import goes: after the last import, else at the top of the protocol body, else after `namespace x;`. */
function importPosition(file: AvroFile): { offset: number; before: string; after: string } {
  const text = file.text;
  const indentOf = (offset: number) => /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1))![0];
  const last = file.imports[file.imports.length - 1];
  if (last) return { offset: last.span.end, before: `\n${indentOf(last.span.start)}`, after: '' };
  const p = file.protocol;
  if (p) {
    const brace = text.indexOf('{', p.name?.span.end ?? p.span.start);
    if (brace >= 0 && brace < p.span.end) return { offset: brace + 1, before: '\n  ', after: '' };
  }
  if (file.namespace) {
    const semi = text.indexOf(';', file.namespace.span.end);
    if (semi >= 0) return { offset: semi + 1, before: '\n', after: '' };
  }
  return { offset: 0, before: '', after: '\n' };
}

/** "Add default ..." for a field that has none, when its type has a value worth writing. */
function addDefault(project: AvroProject, uri: string, file: AvroFile, index: LineIndex, field: Field): CodeAction | undefined {
  const add = defaultEdit(file, field, resolverFor(project, uri));
  if (!add) return undefined;
  return { title: add.title, kind: CodeActionKind.RefactorRewrite, edit: { changes: { [uri]: [{ range: index.rangeOf(add.span), newText: add.newText }] } } };
}

/**
 * The edit that gives a field without a default the zero of its type: ` = value` after an IDL
 * field's name, `, "default": value` after a JSON field's type. Also the quick fix of a new
 * field that breaks readers of old data (READER_FIELD_MISSING_DEFAULT_VALUE).
 */
export function defaultEdit(file: AvroFile, field: Field, resolve: Resolve): { title: string; span: Span; newText: string } | undefined {
  if (field.default || !field.type || !field.name) return undefined;
  const value = zeroValue(field.type, resolve);
  if (value === undefined) return undefined;
  let at: number;
  let newText: string;
  if (file.syntax === 'avdl') {
    at = field.name.span.end;
    newText = ` = ${value}`;
  } else {
    const obj = file.json ? objectAt(file.json, field.span) : undefined;
    const anchor = obj ? (member(obj, 'type') ?? obj.members[obj.members.length - 1]) : undefined;
    if (!anchor) return undefined;
    at = anchor.span.end;
    newText = `, "default": ${value}`;
  }
  const title = `Add default ${value.length > 30 ? `${value.slice(0, 29)}…` : value} to "${field.name.text}"`;
  return { title, span: { start: at, end: at }, newText };
}
