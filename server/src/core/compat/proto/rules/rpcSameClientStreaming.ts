/** RPC_SAME_CLIENT_STREAMING: an rpc's request may not switch between unary and streaming. */
import { at, was, type BreakingRule } from '../rule';

// The rpc as a whole, where buf reports it: the `stream` keyword may be gone, or on another line.

export const rpcSameClientStreaming: BreakingRule = {
  id: 'RPC_SAME_CLIENT_STREAMING',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'],
  check(pairs, report) {
    for (const [previous, current] of pairs.methods) {
      if (previous.clientStreaming === current.clientStreaming) continue;
      const [from, to] = current.clientStreaming ? ['unary', 'streaming'] : ['streaming', 'unary'];
      report({
        message: `rpc "${current.name}" on service "${current.service.name}" changed from client ${from} to client ${to}`,
        at: at(current.service.file, current.nameSpan),
        was: was(previous.service.file, previous.nameSpan),
      });
    }
  },
};
