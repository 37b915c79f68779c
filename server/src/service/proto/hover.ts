/**
 * Hover: the declaration under the cursor as one line of Protobuf, its kind and full name, and its
 * doc comments; for an import, the file it resolves to.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Docs } from '../../core/proto/ast';
import type { ProtoProject } from '../../core/proto/project';
import type { ProtoSymbol } from '../../core/proto/symbols';
import type { Span } from '../../core/text/span';
import { lineIndexOf } from '../lineIndexCache';
import { guard } from './guard';
import { importAt, offsetAt, targetAt } from './nodeAt';
import { extendeeOf, fieldTypeSymbol, kindLabel, signatureOf } from './signature';

export function hover(project: ProtoProject, uri: string, position: Position): Hover | null {
  return guard('hover', null, () => compute(project, uri, position));
}

function compute(project: ProtoProject, uri: string, position: Position): Hover | null {
  const state = project.get(uri);
  const offset = offsetAt(project, uri, position);
  if (!state || offset === undefined) return null;
  const index = lineIndexOf(state);
  const result = (value: string, span: Span): Hover => ({
    contents: { kind: MarkupKind.Markdown, value },
    range: index.rangeOf(span),
  });

  const imp = importAt(state.ast, offset);
  if (imp?.pathSpan && imp.path !== undefined) {
    const target = project.uriForImport(imp.path);
    const where = target ? `resolves to \`${displayPath(target)}\`` : 'not found in the import roots';
    return result(`${code(`import "${imp.path}"`)}\n${where}`, imp.pathSpan);
  }

  const target = targetAt(project, uri, offset);
  if (!target) return null;
  return result(describe(project, target.symbol), target.span);
}

/** The markdown for a symbol: signature, facts, docs. */
function describe(project: ProtoProject, symbol: ProtoSymbol): string {
  const facts = [`${kindLabel(symbol)} \`${symbol.fullName}\``];
  const node = symbol.node;
  if (node && 'number' in node && node.number && symbol.kind !== 'message') {
    facts.push(`${symbol.kind === 'enumValue' ? 'number' : 'field number'} ${node.number.text}`);
  }
  const type = fieldTypeSymbol(project, symbol);
  if (type) facts.push(`type \`${type.fullName}\``);
  const extendee = extendeeOf(project, symbol);
  if (extendee) facts.push(`extends \`${extendee}\``);
  const targetState = project.get(symbol.uri);
  if (targetState && symbol.kind !== 'package') facts.push(`in \`${targetState.importPath}\``);
  const parts = [code(signatureOf(symbol)), facts.join(' · ')];
  const docs = node?.docs ? docText(node.docs) : '';
  if (docs) parts.push(docs);
  return parts.join('\n\n');
}

function docText(docs: Docs): string {
  return [docs.leading, docs.trailing]
    .map((d) => d?.trim())
    .filter((d): d is string => !!d)
    .join('\n\n');
}

function code(line: string): string {
  return '```proto\n' + line + '\n```';
}

/** A file uri as a path people recognise; other schemes stay as they are. */
export function displayPath(uri: string): string {
  if (!uri.startsWith('file://')) return uri;
  let path: string;
  try {
    path = decodeURIComponent(uri.slice('file://'.length));
  } catch {
    return uri;
  }
  return /^\/[A-Za-z]:/.test(path) ? path.slice(1) : path;
}
