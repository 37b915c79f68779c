/** ENUM_SAME_TYPE: an enum may not switch between open and closed. */
import { at, was, type BreakingRule } from '../rule';

export const enumSameType: BreakingRule = {
  id: 'ENUM_SAME_TYPE',
  categories: ['FILE', 'PACKAGE'],
  enumPair(previous, current, report) {
    if (previous.closed === current.closed) return;
    const [from, to] = current.closed ? ['open', 'closed'] : ['closed', 'open'];
    report({
      message: `enum "${current.name}" changed from ${from} to ${to}`,
      at: at(current.file, current.enumTypeSpan ?? current.nameSpan),
      was: was(previous.file, previous.enumTypeSpan ?? previous.nameSpan),
    });
  },
};
