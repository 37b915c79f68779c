/**
 * Builds an image straight from file texts, for whole trees (the CLI, a baseline folder or git
 * revision): one file's syntax tree at a time, dropped once its part of the image is built, so
 * memory never holds a whole tree's syntax. Type references are resolved at the end, exactly as
 * the linker resolves them: protoc's scoping, a file seeing itself, its imports and what those
 * re-export with `import public`.
 */
import type { ProtoFile } from '../../proto/ast';
import { parseProto } from '../../proto/parser';
import { resolveName, type ResolveOptions } from '../../proto/resolve';
import { collectSymbols, isType, type ProtoSymbol, type SymbolKind } from '../../proto/symbols';
import { ImageBuilder } from './build';
import type { ProtoImage } from './image';

export interface TextInput {
  readonly uri: string;
  /** The path relative to the file's import root. */
  readonly path: string;
  /** A dependency: loaded for resolution, not compared. */
  readonly isImport?: boolean;
}

const NOWHERE = { start: 0, end: 0 };

/** What resolution of a type reference can pass through or land on. */
const NAMED_KINDS: ReadonlySet<SymbolKind> = new Set(['message', 'enum', 'package', 'service']);

interface Import {
  readonly path: string;
  readonly isPublic: boolean;
}

export function buildProtoImageFromTexts(inputs: Iterable<TextInput>, read: (uri: string) => string | undefined): ProtoImage {
  const index = new Map<string, ProtoSymbol[]>();
  const uriByPath = new Map<string, string>();
  const importsByUri = new Map<string, readonly Import[]>();
  const symbols = { lookup: (name: string) => index.get(name) };

  const visibleFrom = (uri: string): Set<string> => {
    const visible = new Set([uri]);
    const queue: string[] = [];
    const follow = (imp: Import) => {
      const target = uriByPath.get(imp.path);
      if (target && !visible.has(target)) {
        visible.add(target);
        queue.push(target);
      }
    };
    for (const imp of importsByUri.get(uri) ?? []) follow(imp);
    while (queue.length) for (const imp of importsByUri.get(queue.pop()!) ?? []) if (imp.isPublic) follow(imp);
    return visible;
  };

  const builder = new ImageBuilder();
  for (const input of inputs) {
    if (uriByPath.has(input.path)) continue;
    const text = read(input.uri);
    if (text === undefined) continue;
    const uri = input.uri;
    uriByPath.set(input.path, uri);
    const ast = parseProto(text, { docs: false, comments: false }).ast;
    const light = (kind: SymbolKind, name: string, fullName: string): ProtoSymbol => ({ kind, name, fullName, uri, nameSpan: NOWHERE, span: NOWHERE });
    for (const s of collectSymbols(uri, ast, light, NAMED_KINDS).all) {
      const list = index.get(s.fullName);
      if (list) list.push(s);
      else index.set(s.fullName, [s]);
    }
    importsByUri.set(uri, importsOf(ast));
    // Resolution runs when the image is taken, after every file has declared its names.
    let options: ResolveOptions | undefined;
    builder.add(
      uri,
      input.path,
      ast,
      (ref, scope) => {
        if (!options) {
          const visible = visibleFrom(uri);
          options = { index: symbols, isVisible: (sym) => visible.has(sym.uri), accept: isType };
        }
        const res = resolveName(ref.text, scope, options);
        return res.kind === 'found' || res.kind === 'notImported' ? res.symbol : undefined;
      },
      input.isImport ?? false,
      text,
    );
  }
  return builder.image();
}

function importsOf(ast: ProtoFile): Import[] {
  const out: Import[] = [];
  for (const d of ast.body) {
    if (d.kind === 'import' && d.path !== undefined) out.push({ path: d.path, isPublic: d.modifier?.value === 'public' });
  }
  return out;
}
