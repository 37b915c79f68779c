/** FIELD_SAME_DEFAULT: a field's default value may not change when either side has a non-zero default. */
import { fieldDescription } from '../describe';
import { canHaveDefault, defaultsEqual, fieldDefault, isZeroDefault } from '../defaults';
import { at, was, type BreakingRule } from '../rule';

export const fieldSameDefault: BreakingRule = {
  id: 'FIELD_SAME_DEFAULT',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'],
  check(pairs, report) {
    const previousEnum = (name: string) => pairs.enumAnywhere('previous', name);
    const currentEnum = (name: string) => pairs.enumAnywhere('current', name);
    for (const [previous, current] of pairs.fields) {
      if (!canHaveDefault(previous) || !canHaveDefault(current)) continue;
      const before = fieldDefault(previous, previousEnum);
      const now = fieldDefault(current, currentEnum);
      if (!before || !now) continue;
      if (isZeroDefault(before) && isZeroDefault(now)) continue;
      if (defaultsEqual(before, now)) continue;
      report({
        message: `${fieldDescription(current)} changed default value from ${before.printable} to ${now.printable}`,
        at: at(current.file, current.defaultValue?.span ?? current.nameSpan),
        was: was(previous.file, previous.defaultValue?.span ?? previous.nameSpan),
      });
    }
  },
};
