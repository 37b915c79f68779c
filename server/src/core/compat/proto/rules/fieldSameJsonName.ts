/** FIELD_SAME_JSON_NAME: a field's JSON name (json_name, or the default derived from the name) may not change. */
import { fieldDescription, goQuote } from '../describe';
import { at, was, type BreakingRule } from '../rule';

export const fieldSameJsonName: BreakingRule = {
  id: 'FIELD_SAME_JSON_NAME',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'CSR'],
  fieldPair(previous, current, report) {
    if (previous.extendee !== undefined || previous.jsonName === current.jsonName) return;
    report({
      message: `${fieldDescription(current)} changed option "json_name" from ${goQuote(previous.jsonName)} to ${goQuote(current.jsonName)}`,
      at: at(current.file, current.jsonNameSpan ?? current.nameSpan),
      was: was(previous.file, previous.jsonNameSpan ?? previous.nameSpan),
    });
  },
};
