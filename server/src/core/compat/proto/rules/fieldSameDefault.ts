/** FIELD_SAME_DEFAULT: a field's default value may not change when either side has a non-zero default. */
import { fieldDescription } from '../describe';
import { canHaveDefault, defaultsEqual, fieldDefault, isZeroDefault } from '../defaults';
import { at, was, type BreakingRule } from '../rule';

export const fieldSameDefault: BreakingRule = {
  id: 'FIELD_SAME_DEFAULT',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'],
  fieldPair(previous, current, report, pairs) {
    if (!canHaveDefault(previous) || !canHaveDefault(current)) return;
    const before = fieldDefault(previous, (name) => pairs.enumAnywhere('previous', name));
    const now = fieldDefault(current, (name) => pairs.enumAnywhere('current', name));
    if (!before || !now) return;
    if (isZeroDefault(before) && isZeroDefault(now)) return;
    if (defaultsEqual(before, now)) return;
    report({
      message: `${fieldDescription(current)} changed default value from ${before.printable} to ${now.printable}`,
      at: at(current.file, current.defaultValue?.span ?? current.nameSpan),
      was: was(previous.file, previous.defaultValue?.span ?? previous.nameSpan),
    });
  },
};
