/**
 * The shared check of the three FIELD_NO_DELETE rules: a field number that disappeared from a
 * message, allowed when the number (or the name) is now reserved, if the rule says so.
 */
import { fieldDescription, reserveFix } from '../describe';
import type { ImageMessage } from '../image';
import { deletedFields } from '../pairs';
import { atParent, was, type Report } from '../rule';

export function checkFieldDeletion(previous: ImageMessage, current: ImageMessage, report: Report, allow: 'none' | 'number' | 'name'): void {
  for (const f of deletedFields(previous.fields, current.fields)) {
    if (allow === 'number' && current.reservedRanges.some((r) => f.number >= r.start && f.number <= r.end)) continue;
    if (allow === 'name' && current.reservedNames.includes(f.name)) continue;
    const suffix = allow === 'number' ? ` without reserving the number "${f.number}"` : allow === 'name' ? ` without reserving the name "${f.name}"` : '';
    // A name that another field still uses cannot be reserved.
    const fix = reserveFix(current.file, current, [f.number], current.fields.some((x) => x.name === f.name) ? [] : [f.name]);
    report({
      message: `previously present ${fieldDescription(f)} was deleted${suffix}`,
      at: atParent(current.file, current.nameSpan),
      was: was(previous.file, f.nameSpan),
      fixes: fix ? [fix] : undefined,
    });
  }
}
