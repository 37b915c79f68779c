// The consumer of order events. The cast below hides a missing handler from the compiler;
// the Event Schemas TypeScript plugin reports it as handlers/missing.
import type { OrderEventHandlers } from './generated/events/acme/orders/v1/order_events_pb.js';

export const orderHandlers = {
  OrderCreated: (event) => `created ${event.value.customerId}`,
  OrderShipped: (event) => `shipped ${event.value.trackingNumber}`,
  $unknown: (event) => `skipped ${event.type}`,
} as OrderEventHandlers<string>;
