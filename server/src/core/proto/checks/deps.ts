/**
 * The files a file depends on, directly or through other imports: what protoc loads into the pool
 * before it builds the file, and so the files whose symbols can clash with the file's own.
 */
import type { ImportDecl } from '../ast';
import type { CheckContext } from './context';

const cache = new WeakMap<object, ReadonlySet<string>>();

export function dependencyClosure(ctx: CheckContext): ReadonlySet<string> {
  const cached = cache.get(ctx.link);
  if (cached) return cached;
  const out = new Set<string>();
  // Import statements only: a dependency's tree may be out of memory, its imports never are.
  const queue: (readonly ImportDecl[])[] = [ctx.ast.body.filter((d): d is ImportDecl => d.kind === 'import')];
  while (queue.length) {
    for (const d of queue.pop()!) {
      if (d.path === undefined) continue;
      const uri = ctx.env.resolveImport(d.path);
      if (!uri || uri === ctx.uri || out.has(uri)) continue;
      out.add(uri);
      const file = ctx.env.file(uri);
      if (file) queue.push(file.imports);
    }
  }
  cache.set(ctx.link, out);
  return out;
}

/** How a message names another file: its import path. */
export function fileLabel(ctx: CheckContext, uri: string): string {
  return ctx.env.file(uri)?.importPath ?? uri;
}
