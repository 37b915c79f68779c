/**
 * Protobuf name resolution, as protoc does it: a relative name's first component is searched in
 * the innermost scope first and then outward; once it is found as an aggregate (message, enum,
 * package, service), the rest of the name must exist inside it, with no further searching.
 * A leading dot makes a name fully qualified.
 */
import { isAggregate, type ProtoSymbol } from './symbols';

export interface SymbolIndex {
  /** Every symbol with this full name, in any file of the project. */
  lookup(fullName: string): readonly ProtoSymbol[] | undefined;
}

export type Resolution =
  | { readonly kind: 'found'; readonly symbol: ProtoSymbol }
  /** Defined, but in a file that the referring file does not import. */
  | { readonly kind: 'notImported'; readonly symbol: ProtoSymbol }
  /** The first component resolved to `prefix`, but `fullName` does not exist (protoc stops there). */
  | { readonly kind: 'partial'; readonly fullName: string }
  | { readonly kind: 'notFound' };

export interface ResolveOptions {
  readonly index: SymbolIndex;
  /** Whether a symbol's file is visible from the referring file (itself, imports, public re-exports). */
  readonly isVisible: (symbol: ProtoSymbol) => boolean;
  /** Which symbols the reference may name, e.g. only types for a field type. */
  readonly accept: (symbol: ProtoSymbol) => boolean;
}

/** Finds the best candidate among symbols sharing a full name: visible ones first. */
function pick(
  candidates: readonly ProtoSymbol[] | undefined,
  opts: ResolveOptions,
  want: (s: ProtoSymbol) => boolean,
): Resolution | undefined {
  if (!candidates) return undefined;
  let hidden: ProtoSymbol | undefined;
  for (const s of candidates) {
    if (!want(s)) continue;
    // Packages are declared by many files and protoc never hides them behind imports.
    if (s.kind === 'package' || opts.isVisible(s)) return { kind: 'found', symbol: s };
    hidden ??= s;
  }
  return hidden ? { kind: 'notImported', symbol: hidden } : undefined;
}

export function resolveName(name: string, scope: string, opts: ResolveOptions): Resolution {
  if (name.startsWith('.')) {
    return pick(opts.index.lookup(name.slice(1)), opts, opts.accept) ?? { kind: 'notFound' };
  }
  const dot = name.indexOf('.');
  const first = dot < 0 ? name : name.slice(0, dot);
  const rest = dot < 0 ? '' : name.slice(dot);
  let current = scope;
  let hidden: Resolution | undefined;
  for (;;) {
    const candidate = current ? `${current}.${first}` : first;
    const firstRes = pick(opts.index.lookup(candidate), opts, rest ? isAggregate : opts.accept);
    if (firstRes?.kind === 'found') {
      if (!rest) return firstRes;
      const full = candidate + rest;
      const res = pick(opts.index.lookup(full), opts, opts.accept);
      if (res) return res;
      return { kind: 'partial', fullName: full };
    }
    // A definition in a file that is not imported is reported only if nothing visible matches.
    if (firstRes?.kind === 'notImported' && !hidden) {
      hidden = rest ? pick(opts.index.lookup(candidate + rest), { ...opts, isVisible: () => false }, opts.accept) : firstRes;
    }
    if (!current) break;
    const lastDot = current.lastIndexOf('.');
    current = lastDot < 0 ? '' : current.slice(0, lastDot);
  }
  return hidden ?? { kind: 'notFound' };
}
