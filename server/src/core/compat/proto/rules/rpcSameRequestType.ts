/** RPC_SAME_REQUEST_TYPE: an rpc's request message may not change. */
import { at, was, type BreakingRule } from '../rule';

export const rpcSameRequestType: BreakingRule = {
  id: 'RPC_SAME_REQUEST_TYPE',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'],
  check(pairs, report) {
    for (const [previous, current] of pairs.methods) {
      if (previous.inputType === current.inputType) continue;
      report({
        message: `rpc "${current.name}" on service "${current.service.name}" changed request type from "${previous.inputType}" to "${current.inputType}"`,
        at: at(current.service.file, current.inputSpan),
        was: was(previous.service.file, previous.inputSpan),
      });
    }
  },
};
