/** ENUM_VALUE_SAME_NAME: the names bound to an enum number may not change (with aliases, names may be added but none removed). */
import { quoteList } from '../describe';
import type { ImageEnum } from '../image';
import { at, was, type BreakingRule } from '../rule';
import { namesByNumber } from './enumValueDeletion';

/** The same names with the same numbers in the same order, as most enums are: no name can have changed. */
function sameValues(previous: ImageEnum, current: ImageEnum): boolean {
  if (previous.values.length !== current.values.length) return false;
  return previous.values.every((v, i) => v.number === current.values[i]!.number && v.name === current.values[i]!.name);
}

export const enumValueSameName: BreakingRule = {
  id: 'ENUM_VALUE_SAME_NAME',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'CSR'],
  enumPair(previous, current, report) {
    if (sameValues(previous, current)) return;
    const before = namesByNumber(previous);
    const now = namesByNumber(current);
    for (const [number, previousNames] of before) {
      const names = now.get(number);
      if (!names || previousNames.every((n) => names.includes(n))) continue;
      const plural = previousNames.length > 1 && names.length > 1 ? 's' : '';
      for (const v of current.values) {
        if (v.number !== number) continue;
        const old = previous.values.find((p) => p.number === number && p.name === v.name);
        report({
          message: `enum value "${number}" on enum "${current.name}" changed name${plural} from ${quoteList(previousNames)} to ${quoteList(names)}`,
          at: at(current.file, v.nameSpan),
          was: old ? was(previous.file, old.nameSpan) : undefined,
        });
      }
    }
  },
};
