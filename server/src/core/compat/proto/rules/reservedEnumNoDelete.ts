/** RESERVED_ENUM_NO_DELETE: an enum's reserved numbers and names may not be removed. */
import { lostRanges } from '../describe';
import { atParent, was, type BreakingRule } from '../rule';

export const reservedEnumNoDelete: BreakingRule = {
  id: 'RESERVED_ENUM_NO_DELETE',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'],
  enumPair(previous, current, report) {
    if (previous.reservedRanges.length === 0 && previous.reservedNames.length === 0) return;
    const place = atParent(current.file, current.nameSpan);
    const old = was(previous.file, previous.nameSpan);
    for (const message of lostRanges('reserved', current, previous, previous.reservedRanges, current.reservedRanges)) {
      report({ message, at: place, was: old });
    }
    for (const name of new Set(previous.reservedNames)) {
      if (current.reservedNames.includes(name)) continue;
      report({ message: `previously present reserved name "${name}" on enum "${current.name}" was deleted`, at: place, was: old });
    }
  },
};
