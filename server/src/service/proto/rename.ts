/**
 * Rename a user-declared message, enum, field, enum value, oneof, service, rpc or extension: the
 * declaration's name plus every reference in the project. A reference keeps its qualification:
 * only the component that names the renamed symbol changes, so `.pkg.Foo.Inner` becomes
 * `.pkg.Bar.Inner` when `Foo` is renamed to `Bar`.
 *
 * Refused: packages, the well-known types, symbols declared (or referenced) in files the editor
 * may not change, groups, and new names that are not identifiers or that clash in their scope.
 */
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { SCALAR_TYPES } from '../../core/proto/builtinOptions';
import type { ProtoProject } from '../../core/proto/project';
import type { ProtoSymbol } from '../../core/proto/symbols';
import type { Span } from '../../core/text/span';
import { lineIndexOf } from '../lineIndexCache';
import { guard } from './guard';
import { nameComponents, offsetAt, targetAt } from './nodeAt';
import { mayMention, safeLink, sameSymbol } from './references';

/** Why a rename cannot happen, in words the editor shows as they are. */
export interface RenameError {
  readonly error: string;
}

export type CanEdit = (uri: string) => boolean;

export function isRenameError(x: unknown): x is RenameError {
  return typeof x === 'object' && x !== null && typeof (x as RenameError).error === 'string';
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The range of the name to rename and its current text, or why it cannot be renamed. */
export function prepareRename(
  project: ProtoProject,
  uri: string,
  position: Position,
  canEdit: CanEdit,
): { range: Range; placeholder: string } | RenameError {
  return guard('prepareRename', { error: 'this element cannot be renamed' }, () => {
    const found = renameTarget(project, uri, position, canEdit);
    if (isRenameError(found)) return found;
    const state = project.get(uri)!;
    return { range: lineIndexOf(state).rangeOf(found.spanAtCursor), placeholder: found.symbol.name };
  });
}

export function rename(
  project: ProtoProject,
  uri: string,
  position: Position,
  newName: string,
  canEdit: CanEdit,
): WorkspaceEdit | RenameError {
  return guard<WorkspaceEdit | RenameError>('rename', { error: 'rename failed: the file could not be analysed' }, () => {
    const found = renameTarget(project, uri, position, canEdit);
    if (isRenameError(found)) return found;
    const { symbol } = found;
    const name = newName.trim();
    if (!IDENTIFIER.test(name)) return { error: `\`${name}\` is not a valid Protobuf identifier` };
    if ((symbol.kind === 'message' || symbol.kind === 'enum') && SCALAR_TYPES.has(name)) {
      return { error: `\`${name}\` is a scalar type: a ${symbol.kind} cannot take its name` };
    }
    if (name === symbol.name) return { changes: {} };
    const scope = symbol.fullName.slice(0, symbol.fullName.length - symbol.name.length);
    const clash = project.lookup(scope + name)?.find((s) => s.kind !== 'package' || isTypeLike(symbol));
    if (clash) {
      const where = project.get(clash.uri)?.importPath ?? clash.uri;
      return { error: `\`${scope + name}\` is already declared in "${where}": choose another name` };
    }
    return buildEdit(project, symbol, name, canEdit);
  });
}

function isTypeLike(s: ProtoSymbol): boolean {
  return s.kind === 'message' || s.kind === 'enum' || s.kind === 'service';
}

function renameTarget(
  project: ProtoProject,
  uri: string,
  position: Position,
  canEdit: CanEdit,
): { symbol: ProtoSymbol; spanAtCursor: Span } | RenameError {
  const offset = offsetAt(project, uri, position);
  const target = offset === undefined ? undefined : targetAt(project, uri, offset);
  if (!target) return { error: 'nothing to rename here: place the cursor on a declared name or a type reference' };
  const { symbol } = target;
  if (symbol.kind === 'package') return { error: 'packages cannot be renamed: change the package statement of each file' };
  if (symbol.node?.kind === 'group') return { error: 'groups cannot be renamed' };
  const importPath = project.get(symbol.uri)?.importPath ?? '';
  if (importPath.startsWith('google/protobuf/')) return { error: `\`${symbol.fullName}\` is a well-known type and cannot be renamed` };
  if (!canEdit(symbol.uri)) return { error: `\`${symbol.fullName}\` is declared in "${importPath}", outside the workspace` };
  // On a qualified reference the editor should select just the component being renamed.
  const spanAtCursor = target.ref && target.span === target.ref.span ? (nameComponents(project.get(uri)!.text, target.span).at(-1) ?? target.span) : target.span;
  return { symbol, spanAtCursor };
}

function buildEdit(project: ProtoProject, symbol: ProtoSymbol, newName: string, canEdit: CanEdit): WorkspaceEdit | RenameError {
  const spans = new Map<string, Span[]>();
  const add = (uri: string, s: Span) => {
    const list = spans.get(uri) ?? [];
    if (!list.some((x) => x.start === s.start)) list.push(s);
    spans.set(uri, list);
  };
  add(symbol.uri, symbol.nameSpan);

  const depth = symbol.fullName.split('.').length;
  for (const uri of mayMention(project, symbol.name)) {
    const state = project.get(uri);
    const link = safeLink(project, uri);
    if (!state || !link) continue;
    for (const ref of link.refs) {
      // A reference to the symbol or to something nested in it names the symbol in one component.
      const target = ancestorAt(ref.target, depth);
      if (!target || !sameSymbol(target, symbol)) continue;
      const components = nameComponents(state.text, ref.span);
      const targetDepth = ref.target.fullName.split('.').length;
      const at = components.length - 1 - (targetDepth - depth);
      const component = components[at];
      if (!component || state.text.slice(component.start, component.end) !== symbol.name) continue;
      if (!canEdit(uri)) return { error: `"${state.importPath}" refers to \`${symbol.fullName}\` but is outside the workspace` };
      add(uri, component);
    }
  }

  const changes: Record<string, TextEdit[]> = {};
  for (const [uri, list] of spans) {
    const state = project.get(uri);
    if (!state) continue;
    const index = lineIndexOf(state);
    changes[uri] = list.sort((a, b) => a.start - b.start).map((s) => ({ range: index.rangeOf(s), newText: newName }));
  }
  return { changes };
}

/** The symbol `levels` components deep along the parent chain of `s` (itself when it is that deep). */
function ancestorAt(s: ProtoSymbol, levels: number): ProtoSymbol | undefined {
  let current: ProtoSymbol | undefined = s;
  while (current && current.fullName.split('.').length > levels) current = current.parent;
  return current && current.fullName.split('.').length === levels ? current : undefined;
}
