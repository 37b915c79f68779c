/** RPC_SAME_CLIENT_STREAMING: an rpc's request may not switch between unary and streaming. */
import { at, was, type BreakingRule } from '../rule';

export const rpcSameClientStreaming: BreakingRule = {
  id: 'RPC_SAME_CLIENT_STREAMING',
  categories: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'],
  check(pairs, report) {
    for (const [previous, current] of pairs.methods) {
      if (previous.clientStreaming === current.clientStreaming) continue;
      const [from, to] = current.clientStreaming ? ['unary', 'streaming'] : ['streaming', 'unary'];
      report({
        message: `rpc "${current.name}" on service "${current.service.name}" changed from client ${from} to client ${to}`,
        at: at(current.service.file, current.clientStreamingSpan ?? current.inputSpan),
        was: was(previous.service.file, previous.clientStreamingSpan ?? previous.inputSpan),
      });
    }
  },
};
