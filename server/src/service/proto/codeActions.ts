/**
 * Quick fixes for the diagnostics in a range: every fix the core attached to a diagnostic (add
 * the missing import, remove an unused import, use the next free number, ...), plus fixes that
 * need the whole project: qualifying an unknown type name that exists elsewhere (importing its
 * file when needed), and removing all unused imports at once.
 */
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic as LspDiagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { Diagnostic, Fix } from '../../core/diagnostics/diagnostic';
import { importInsertion } from '../../core/proto/link';
import type { ProtoFileState, ProtoProject } from '../../core/proto/project';
import { isType } from '../../core/proto/symbols';
import type { LineIndex } from '../../core/text/lineIndex';
import { lineIndexOf } from '../lineIndexCache';
import { fixToWorkspaceEdit, toLspDiagnostic } from '../toLsp';
import { guard } from './guard';
import { importerTest } from './importGraph';
import { shortestName } from './naming';
import { scopeAt } from './nodeAt';
import { safeLink } from './references';

export interface CodeActionContextLike {
  /** Only actions of these kinds (or their sub-kinds) are wanted. */
  readonly only?: readonly string[];
  /** The client's diagnostics for the range; actions refer to these objects when they match. */
  readonly diagnostics?: readonly LspDiagnostic[];
}

export function codeActions(project: ProtoProject, uri: string, range: Range, context: CodeActionContextLike = {}): CodeAction[] {
  return guard('codeActions', [], () => {
    if (context.only && !context.only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
    const state = project.get(uri);
    if (!state) return [];
    const index = lineIndexOf(state);
    const span = index.spanOf(range);
    const all = project.diagnostics(uri);
    const hit = all.filter((d) => d.span.start <= span.end && span.start <= d.span.end);
    const textOf = (other: string) => {
      const s = project.get(other);
      return s ? lineIndexOf(s) : undefined;
    };
    const lspOf = (d: Diagnostic): LspDiagnostic => {
      const converted = toLspDiagnostic(d, index, uri, textOf);
      return context.diagnostics?.find((c) => c.code === converted.code && sameRange(c.range, converted.range)) ?? converted;
    };

    const out: CodeAction[] = [];
    const action = (title: string, edit: WorkspaceEdit, diags: readonly Diagnostic[], preferred?: boolean) => {
      const a: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: diags.map(lspOf), edit };
      if (preferred) a.isPreferred = true;
      out.push(a);
    };

    for (const d of hit) {
      for (const fix of d.fixes ?? []) {
        const edit = fixToWorkspaceEdit(fix, index, uri, textOf);
        if (edit) action(fix.title, edit, [d], fix.preferred);
      }
      if (d.code === 'resolve/unknown-type' && !d.fixes?.length) {
        for (const q of qualifyFixes(project, uri, state, index, d)) action(q.title, q.edit, [d], q.preferred);
      }
    }

    const unused = all.filter((d) => d.code === 'resolve/unused-import');
    if (unused.length > 1 && hit.some((d) => d.code === 'resolve/unused-import')) {
      const fixes = unused.flatMap((d) => d.fixes?.slice(0, 1) ?? []);
      const merged: Fix = { title: 'Remove all unused imports', edits: fixes.flatMap((f) => f.edits) };
      const edit = fixToWorkspaceEdit(merged, index, uri, textOf);
      if (edit) action(merged.title, edit, unused);
    }
    return out;
  });
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * An unknown type whose last component names a type somewhere in the project: rewrite the
 * reference so that it resolves there, and import the type's file when it is not visible.
 */
function qualifyFixes(
  project: ProtoProject,
  uri: string,
  state: ProtoFileState,
  index: LineIndex,
  d: Diagnostic,
): { title: string; edit: WorkspaceEdit; preferred: boolean }[] {
  const written = state.text.slice(d.span.start, d.span.end);
  const simple = written.slice(written.lastIndexOf('.') + 1);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(simple)) return [];
  const visible = safeLink(project, uri)?.visible ?? new Set([uri]);
  const scope = scopeAt(state, d.span.start);
  const importsThisFile = importerTest(project, uri);
  const out: { title: string; edit: WorkspaceEdit; preferred: boolean }[] = [];
  for (const symbol of project.allSymbols()) {
    if (symbol.name !== simple || !isType(symbol) || symbol.node?.kind === 'group') continue;
    const file = project.get(symbol.uri);
    if (!file) continue;
    const needsImport = !visible.has(symbol.uri);
    if (needsImport && (project.uriForImport(file.importPath) !== symbol.uri || importsThisFile(symbol.uri))) continue;
    const name = shortestName(symbol, { project, scope, visible, accept: isType });
    if (!name || name === written) continue;
    const edits: TextEdit[] = [{ range: index.rangeOf(d.span), newText: name }];
    if (needsImport) {
      const ins = importInsertion(state.ast, file.importPath);
      edits.push({ range: index.rangeOf(ins.span), newText: ins.newText });
    }
    const title = needsImport ? `Import "${file.importPath}" and use \`${name}\`` : `Change to \`${name}\``;
    out.push({ title, edit: { changes: { [uri]: edits } }, preferred: false });
  }
  if (out.length === 1) out[0]!.preferred = true;
  return out.sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}
