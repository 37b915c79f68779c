/**
 * How to write a reference to a symbol from a given scope: the shortest name that protoc's
 * resolution would take to exactly that symbol. Completion and quick fixes both insert names.
 */
import type { ProtoProject } from '../../core/proto/project';
import { resolveName } from '../../core/proto/resolve';
import type { ProtoSymbol } from '../../core/proto/symbols';
import { sameSymbol } from './references';

export interface NameQuery {
  readonly project: ProtoProject;
  /** The full-name scope the reference is written in. */
  readonly scope: string;
  /** The files the referring file sees; the symbol's own file counts as visible (it will be imported). */
  readonly visible: ReadonlySet<string>;
  /** Which symbols the reference may name, e.g. only types for a field type. */
  readonly accept: (s: ProtoSymbol) => boolean;
  /** Text the name must start with, such as a qualifier the user already typed (`acme.`, `.`). */
  readonly startsWith?: string;
}

/**
 * `Item`, `Order.Item`, `common.v1.Money`, or the fully qualified `.acme.common.v1.Money` as a
 * last resort; undefined when no name fits `startsWith`.
 */
export function shortestName(symbol: ProtoSymbol, q: NameQuery): string | undefined {
  const start = q.startsWith ?? '';
  const isVisible = (s: ProtoSymbol) => q.visible.has(s.uri) || s.uri === symbol.uri;
  const parts = symbol.fullName.split('.');
  if (!start.startsWith('.')) {
    for (let n = 1; n <= parts.length; n++) {
      const name = parts.slice(parts.length - n).join('.');
      if (!name.startsWith(start)) continue;
      const res = resolveName(name, q.scope, { index: q.project, isVisible, accept: q.accept });
      if (res.kind === 'found' && sameSymbol(res.symbol, symbol)) return name;
    }
  }
  const full = `.${symbol.fullName}`;
  return full.startsWith(start) ? full : undefined;
}
