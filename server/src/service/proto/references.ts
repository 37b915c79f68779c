/**
 * Find references: every reference to the symbol under the cursor in every file the project
 * holds. The project holds the open files and whatever the LSP layer has indexed so far, so the
 * answer grows as the background indexing proceeds.
 */
import type { Location, Position } from 'vscode-languageserver-types';
import type { Ref } from '../../core/proto/link';
import type { ProtoProject } from '../../core/proto/project';
import type { ProtoSymbol } from '../../core/proto/symbols';
import { lineIndexOf } from '../lineIndexCache';
import { guard } from './guard';
import { offsetAt, targetAt } from './nodeAt';

export function references(project: ProtoProject, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  return guard('references', [], () => {
    const offset = offsetAt(project, uri, position);
    if (offset === undefined) return [];
    const target = targetAt(project, uri, offset);
    if (!target) return [];
    const out: Location[] = [];
    if (includeDeclaration) {
      const state = project.get(target.symbol.uri);
      if (state) out.push({ uri: target.symbol.uri, range: lineIndexOf(state).rangeOf(target.symbol.kind === 'package' ? target.span : target.symbol.nameSpan) });
    }
    for (const { uri: refUri, ref } of referencesTo(project, target.symbol)) {
      const state = project.get(refUri);
      if (state) out.push({ uri: refUri, range: lineIndexOf(state).rangeOf(ref.span) });
    }
    return out;
  });
}

/**
 * Symbols are compared by identity of declaration, not object: a file's links may still hold the
 * symbol objects of an earlier parse of another file when nothing forced them to relink.
 */
export function sameSymbol(a: ProtoSymbol, b: ProtoSymbol): boolean {
  return a === b || (a.uri === b.uri && a.fullName === b.fullName && a.kind === b.kind);
}

/** Every reference to the symbol, file by file in the project's order. */
export function referencesTo(project: ProtoProject, symbol: ProtoSymbol): { uri: string; ref: Ref }[] {
  const out: { uri: string; ref: Ref }[] = [];
  for (const uri of mayMention(project, symbol.name)) {
    const link = safeLink(project, uri);
    for (const ref of link?.refs ?? []) if (sameSymbol(ref.target, symbol)) out.push({ uri, ref });
  }
  return out;
}

/** A file's links, or undefined when linking fails, so one bad file leaves the others usable. */
export function safeLink(project: ProtoProject, uri: string) {
  return guard('link', undefined, () => project.link(uri));
}

/**
 * The files whose text contains the name: every reference spells the symbol's simple name, so
 * the others need not be linked at all (linking all of googleapis for one search takes seconds).
 */
export function mayMention(project: ProtoProject, name: string): string[] {
  const out: string[] = [];
  for (const uri of project.uris()) if (project.get(uri)?.text.includes(name)) out.push(uri);
  return out;
}
