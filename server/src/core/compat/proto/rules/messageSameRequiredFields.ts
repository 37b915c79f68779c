/** MESSAGE_SAME_REQUIRED_FIELDS: required fields may be neither added to nor removed from a message. */
import { at, atParent, was, type BreakingRule } from '../rule';
import type { ImageField } from '../image';

const NOTE = 'required fields must always be sent, so if one side does not know about the required field, this will result in a breakage';

function required(fields: readonly ImageField[]): Map<number, ImageField> {
  const out = new Map<number, ImageField>();
  for (const f of fields) if (f.label === 'required' && !out.has(f.number)) out.set(f.number, f);
  return out;
}

function hasRequired(fields: readonly ImageField[]): boolean {
  return fields.some((f) => f.label === 'required');
}

export const messageSameRequiredFields: BreakingRule = {
  id: 'MESSAGE_SAME_REQUIRED_FIELDS',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'],
  messagePair(previous, current, report) {
    // Required fields are rare (proto2 only): most messages need no maps.
    if (!hasRequired(previous.fields) && !hasRequired(current.fields)) return;
    const before = required(previous.fields);
    const now = required(current.fields);
    for (const [number, f] of before) {
      if (now.has(number)) continue;
      report({
        message: `message "${previous.name}" had required field "${number}" deleted: ${NOTE}`,
        at: atParent(current.file, current.nameSpan),
        was: was(previous.file, f.nameSpan),
      });
    }
    for (const [number, f] of now) {
      if (before.has(number)) continue;
      report({ message: `message "${current.name}" had required field "${number}" added: ${NOTE}`, at: at(current.file, f.labelSpan ?? f.nameSpan) });
    }
  },
};
