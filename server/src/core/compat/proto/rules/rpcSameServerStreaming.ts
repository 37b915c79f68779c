/** RPC_SAME_SERVER_STREAMING: an rpc's response may not switch between unary and streaming. */
import { at, was, type BreakingRule } from '../rule';

// The rpc as a whole, where buf reports it: the `stream` keyword may be gone, or on another line.

export const rpcSameServerStreaming: BreakingRule = {
  id: 'RPC_SAME_SERVER_STREAMING',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'],
  check(pairs, report) {
    for (const [previous, current] of pairs.methods) {
      if (previous.serverStreaming === current.serverStreaming) continue;
      const [from, to] = current.serverStreaming ? ['unary', 'streaming'] : ['streaming', 'unary'];
      report({
        message: `rpc "${current.name}" on service "${current.service.name}" changed from server ${from} to server ${to}`,
        at: at(current.service.file, current.nameSpan),
        was: was(previous.service.file, previous.nameSpan),
      });
    }
  },
};
