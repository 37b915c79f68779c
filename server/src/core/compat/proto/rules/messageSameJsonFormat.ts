/** MESSAGE_SAME_JSON_FORMAT: a message that supported JSON (json_format ALLOW) must keep supporting it. */
import { at, was, type BreakingRule } from '../rule';

export const messageSameJsonFormat: BreakingRule = {
  id: 'MESSAGE_SAME_JSON_FORMAT',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'CSR'],
  messagePair(previous, current, report) {
    if (previous.jsonFormat !== 'ALLOW' || current.jsonFormat === 'ALLOW') return;
    report({
      message: `message "${current.name}" JSON format support changed from ${previous.jsonFormat} to ${current.jsonFormat}`,
      at: at(current.file, current.jsonFormatSpan ?? current.nameSpan),
      was: was(previous.file, previous.jsonFormatSpan ?? previous.nameSpan),
    });
  },
};
