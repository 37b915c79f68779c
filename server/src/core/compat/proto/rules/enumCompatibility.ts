/**
 * buf's leniency for an enum field whose enum was renamed: compatible when the new enum has the
 * same simple name and every old value, by name, with the same number (values may be added).
 */
import type { ImageEnum, ImageField } from '../image';
import type { Pairs } from '../pairs';

export function sameEnumForWire(pairs: Pairs, previous: ImageField, current: ImageField): boolean {
  const before: ImageEnum | undefined = previous.typeName ? pairs.enumAnywhere('previous', previous.typeName) : undefined;
  const now: ImageEnum | undefined = current.typeName ? pairs.enumAnywhere('current', current.typeName) : undefined;
  if (!before || !now || before.name !== now.name) return false;
  const numbers = new Map(now.values.map((v) => [v.name, v.number]));
  return before.values.every((v) => numbers.get(v.name) === v.number);
}
