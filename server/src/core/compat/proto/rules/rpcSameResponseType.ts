/** RPC_SAME_RESPONSE_TYPE: an rpc's response message may not change. */
import { at, was, type BreakingRule } from '../rule';

export const rpcSameResponseType: BreakingRule = {
  id: 'RPC_SAME_RESPONSE_TYPE',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'],
  check(pairs, report) {
    for (const [previous, current] of pairs.methods) {
      if (previous.outputType === current.outputType) continue;
      report({
        message: `rpc "${current.name}" on service "${current.service.name}" changed response type from "${previous.outputType}" to "${current.outputType}"`,
        at: at(current.service.file, current.outputSpan),
        was: was(previous.service.file, previous.outputSpan),
      });
    }
  },
};
