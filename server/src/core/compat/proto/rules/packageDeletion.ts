/**
 * Where the PACKAGE_*_NO_DELETE rules report an element gone from its package: in the current
 * file with the path of the element's old file, at its nearest surviving enclosing message; with
 * no current place when that file is gone too.
 */
import { deletedPlace } from '../describe';
import type { ImageFile } from '../image';
import type { Pairs } from '../pairs';
import { atFile, type CurrentPlace } from '../rule';

export function packageDeletedPlace(pairs: Pairs, previousFile: ImageFile, nestedName: string): CurrentPlace | undefined {
  const file = pairs.currentFileByPath.get(previousFile.path);
  return file ? deletedPlace(file, nestedName) : undefined;
}

export function packageFilePlace(pairs: Pairs, previousFile: ImageFile): CurrentPlace | undefined {
  const file = pairs.currentFileByPath.get(previousFile.path);
  return file ? atFile(file) : undefined;
}

/** Groups items by the package of their file, then by a key, first one winning. */
export function byPackage<T>(items: Iterable<T>, pkg: (t: T) => string, key: (t: T) => string): Map<string, Map<string, T>> {
  const out = new Map<string, Map<string, T>>();
  for (const t of items) {
    const p = pkg(t);
    let inner = out.get(p);
    if (!inner) out.set(p, (inner = new Map()));
    const k = key(t);
    if (!inner.has(k)) inner.set(k, t);
  }
  return out;
}
