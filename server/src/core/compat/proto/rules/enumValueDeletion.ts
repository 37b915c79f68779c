/**
 * The shared check of the three ENUM_VALUE_NO_DELETE rules: an enum number that disappeared,
 * allowed when the number (or every name it had) is now reserved, if the rule says so.
 */
import { quoteList, reserveFix } from '../describe';
import type { ImageEnum } from '../image';
import type { Pairs } from '../pairs';
import { atParent, was, type RuleReport } from '../rule';

export function checkEnumValueDeletion(
  pairs: Pairs,
  report: (r: RuleReport) => void,
  allow: 'none' | 'number' | 'name',
): void {
  for (const [previous, current] of pairs.enums) {
    const numbers = new Set(current.values.map((v) => v.number));
    const byNumber = namesByNumber(previous);
    for (const [number, names] of byNumber) {
      if (numbers.has(number)) continue;
      if (allow === 'number' && current.reservedRanges.some((r) => number >= r.start && number <= r.end)) continue;
      if (allow === 'name' && names.every((n) => current.reservedNames.includes(n))) continue;
      const suffix =
        allow === 'number'
          ? ` without reserving the number "${number}"`
          : allow === 'name'
            ? ` without reserving the name${names.length > 1 ? 's' : ''} ${quoteList(names)}`
            : '';
      const first = previous.values.find((v) => v.number === number)!;
      // A name still bound to another number cannot be reserved.
      const free = names.filter((n) => !current.values.some((v) => v.name === n));
      const fix = reserveFix(current.file, current, [number], free);
      report({
        message: `previously present enum value "${number}" on enum "${current.name}" was deleted${suffix}`,
        at: atParent(current.file, current.nameSpan),
        was: was(previous.file, first.nameSpan),
        fixes: fix ? [fix] : undefined,
      });
    }
  }
}

/** Number -> sorted names bound to it (several with allow_alias). */
export function namesByNumber(e: ImageEnum): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const v of e.values) {
    const list = out.get(v.number);
    if (list) {
      if (!list.includes(v.name)) list.push(v.name);
    } else out.set(v.number, [v.name]);
  }
  for (const list of out.values()) list.sort();
  return out;
}
