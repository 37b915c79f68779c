/** MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR: no_standard_descriptor_accessor may not go from unset or false to true. */
import { at, was, type BreakingRule } from '../rule';

export const messageNoRemoveStandardDescriptorAccessor: BreakingRule = {
  id: 'MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR',
  categories: ['FILE', 'PACKAGE', 'CSR'],
  messagePair(previous, current, report) {
    if (previous.noStandardDescriptorAccessor?.value || !current.noStandardDescriptorAccessor?.value) return;
    const old = previous.noStandardDescriptorAccessor;
    report({
      message: 'message option "no_standard_descriptor_accessor" changed from "false" to "true"',
      at: at(current.file, current.noStandardDescriptorAccessor.span),
      was: old ? was(previous.file, old.span) : undefined,
    });
  },
};
