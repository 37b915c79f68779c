/** FIELD_SAME_NAME: the field with a given number may not be renamed (an extension by its full name). */
import { fieldDescription } from '../describe';
import { at, was, type BreakingRule } from '../rule';

export const fieldSameName: BreakingRule = {
  id: 'FIELD_SAME_NAME',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'CSR'],
  fieldPair(previous, current, report) {
    const extension = previous.extendee !== undefined;
    const before = extension ? (previous.fullName ?? previous.name) : previous.name;
    const now = extension ? (current.fullName ?? current.name) : current.name;
    if (before === now) return;
    report({
      message: `${fieldDescription(current, false)} changed name from "${before}" to "${now}"`,
      at: at(current.file, current.nameSpan),
      was: was(previous.file, previous.nameSpan),
    });
  },
};
