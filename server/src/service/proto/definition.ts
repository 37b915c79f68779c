/**
 * Go to definition: a type or option reference goes to the declaration it resolves to (in any
 * file), a declared name to itself, and an import path to the top of the imported file.
 */
import type { Location, LocationLink, Position, Range } from 'vscode-languageserver-types';
import type { ProtoProject } from '../../core/proto/project';
import type { ProtoSymbol } from '../../core/proto/symbols';
import { lineIndexOf } from '../lineIndexCache';
import { guard } from './guard';
import { importAt, offsetAt, targetAt } from './nodeAt';

const top: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Links carry the origin span, so editors underline exactly the name that was followed. */
export function definition(project: ProtoProject, uri: string, position: Position): LocationLink[] {
  return guard('definition', [], () => compute(project, uri, position));
}

/** For clients without link support: the target's name as a plain location. */
export function asLocations(links: readonly LocationLink[]): Location[] {
  return links.map((l) => ({ uri: l.targetUri, range: l.targetSelectionRange }));
}

function compute(project: ProtoProject, uri: string, position: Position): LocationLink[] {
  const state = project.get(uri);
  const offset = offsetAt(project, uri, position);
  if (!state || offset === undefined) return [];
  const index = lineIndexOf(state);

  const imp = importAt(state.ast, offset);
  if (imp?.pathSpan && imp.path !== undefined) {
    const target = project.uriForImport(imp.path);
    if (!target) return [];
    return [{ originSelectionRange: index.rangeOf(imp.pathSpan), targetUri: target, targetRange: top, targetSelectionRange: top }];
  }

  const target = targetAt(project, uri, offset);
  if (!target) return [];
  const link = symbolLocation(project, target.symbol);
  return link ? [{ originSelectionRange: index.rangeOf(target.span), ...link }] : [];
}

/** Where a symbol is declared, as LSP ranges: the whole declaration and its name. */
function symbolLocation(
  project: ProtoProject,
  symbol: ProtoSymbol,
): Pick<LocationLink, 'targetUri' | 'targetRange' | 'targetSelectionRange'> | undefined {
  const state = project.get(symbol.uri);
  if (!state) return undefined;
  const index = lineIndexOf(state);
  const name = symbol.kind === 'package' ? packageNameSpan(symbol) : symbol.nameSpan;
  return { targetUri: symbol.uri, targetRange: index.rangeOf(symbol.span), targetSelectionRange: index.rangeOf(name) };
}

function packageNameSpan(symbol: ProtoSymbol): { start: number; end: number } {
  const end = symbol.nameSpan.start + symbol.fullName.length;
  return { start: end - symbol.name.length, end };
}
