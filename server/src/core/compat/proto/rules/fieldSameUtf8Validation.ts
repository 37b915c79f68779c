/** FIELD_SAME_UTF8_VALIDATION: the utf8_validation feature of a string field may not change. */
import { fieldDescription } from '../describe';
import { at, was, type BreakingRule } from '../rule';

export const fieldSameUtf8Validation: BreakingRule = {
  id: 'FIELD_SAME_UTF8_VALIDATION',
  categories: ['FILE', 'PACKAGE'],
  fieldPair(previous, current, report) {
    if (previous.kind !== 'string' || current.kind !== 'string' || previous.utf8Validation === current.utf8Validation) return;
    report({
      message: `${fieldDescription(current)} changed UTF8 validation from ${previous.utf8Validation} to ${current.utf8Validation}`,
      at: at(current.file, current.utf8ValidationSpan ?? current.nameSpan),
      was: was(previous.file, previous.utf8ValidationSpan ?? previous.nameSpan),
    });
  },
};
