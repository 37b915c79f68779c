/**
 * The shared check of the three ENUM_VALUE_NO_DELETE rules: an enum number that disappeared,
 * allowed when the number (or every name it had) is now reserved, if the rule says so.
 */
import { quoteList, reserveFix } from '../describe';
import type { ImageEnum } from '../image';
import { atParent, was, type Report } from '../rule';

export function checkEnumValueDeletion(previous: ImageEnum, current: ImageEnum, report: Report, allow: 'none' | 'number' | 'name'): void {
  if (!anyNumberGone(previous, current)) return;
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

/** Whether a number of the previous enum is missing from the current one: the common answer, no, without building sets. */
function anyNumberGone(previous: ImageEnum, current: ImageEnum): boolean {
  if (previous.values.length * current.values.length <= 256) {
    return previous.values.some((v) => !current.values.some((c) => c.number === v.number));
  }
  const numbers = new Set(current.values.map((v) => v.number));
  return previous.values.some((v) => !numbers.has(v.number));
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
