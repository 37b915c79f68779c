/** FIELD_SAME_JSTYPE: the jstype option of a 64-bit integer field may not change. */
import { fieldDescription } from '../describe';
import type { FieldKind } from '../image';
import { at, was, type BreakingRule } from '../rule';

const INT64: ReadonlySet<FieldKind> = new Set(['int64', 'sint64', 'uint64', 'fixed64', 'sfixed64']);

export const fieldSameJstype: BreakingRule = {
  id: 'FIELD_SAME_JSTYPE',
  categories: ['FILE', 'PACKAGE'],
  fieldPair(previous, current, report) {
    if (!INT64.has(previous.kind) || !INT64.has(current.kind) || previous.jstype === current.jstype) return;
    report({
      message: `${fieldDescription(current)} changed option "jstype" from "${previous.jstype}" to "${current.jstype}"`,
      at: at(current.file, current.jstypeSpan ?? current.nameSpan),
      was: was(previous.file, previous.jstypeSpan ?? previous.nameSpan),
    });
  },
};
