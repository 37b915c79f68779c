/** ENUM_SAME_JSON_FORMAT: an enum that supported JSON (json_format ALLOW) must keep supporting it. */
import { at, was, type BreakingRule } from '../rule';

export const enumSameJsonFormat: BreakingRule = {
  id: 'ENUM_SAME_JSON_FORMAT',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'CSR'],
  enumPair(previous, current, report) {
    if (previous.jsonFormat !== 'ALLOW' || current.jsonFormat === 'ALLOW') return;
    report({
      message: `enum "${current.name}" JSON format support changed from ${previous.jsonFormat} to ${current.jsonFormat}`,
      at: at(current.file, current.jsonFormatSpan ?? current.nameSpan),
      was: was(previous.file, previous.jsonFormatSpan ?? previous.nameSpan),
    });
  },
};
