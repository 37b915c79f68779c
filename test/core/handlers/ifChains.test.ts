// if-chains over generated event unions: dispatches that end a function, and final elses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFindings } from './program';

test('an else-if chain that ends a function and misses variants is reported at its first test', () => {
  const { diagnostics } = expectFindings(`
import type { OrderEvent } from "./gen/orders";
export function handle(e: OrderEvent): void {
  if (e.type === "OrderPlaced") {
  //  ^^^^^^ handlers/missing
    console.log("placed");
  } else if (e.type === "OrderShipped") {
    console.log("shipped");
  }
}
`);
  assert.equal(diagnostics[0]!.message, 'if-chain over `OrderEvent` does not handle `OrderCancelled`, `$unknown`: add branches for them');
});

test('a run of early-return ifs at the end of a function is a dispatch too', () => {
  expectFindings(`
import type { OrderEvent } from "./gen/orders";
export function handle(e: OrderEvent): string | undefined {
  console.log("start");
  if (e.type === "OrderPlaced") return "p";
  //  ^^^^^^ handlers/missing
  if ("OrderShipped" === e.type) {
    return "s";
  }
  if (e.type === "$unknown") throw new Error("unknown");
}
export const arrow = (e: OrderEvent) => {
  if (e.type === "OrderPlaced" || e.type === "OrderShipped") return 1;
  if (e.type === "OrderCancelled") return 2;
  if (e.type === "$unknown") return 3;
  return 0;
};
export const complete = (e: OrderEvent) => {
  if (e.type === "OrderPlaced" || e.type === "OrderShipped") return 1;
  if (e.type === "OrderCancelled") return 2;
  if (e.type === "$unknown") return 3;
};
`);
});

test('a chain with a final else: the else swallows unless it is unreachable or throws', () => {
  const { diagnostics } = expectFindings(`
import type { OrderEvent } from "./gen/orders";
import { assertNever } from "./gen/runtime";
export function swallow(e: OrderEvent): string {
  if (e.type === "OrderPlaced") return "p";
  else if (e.type === "OrderShipped") return "s";
  else return "other";
//^^^^ handlers/swallowing-default
}
export function guarded(e: OrderEvent): string {
  for (let i = 0; i < 1; i++) {
    if (e.type === "OrderPlaced") return "p";
    //  ^^^^^^ handlers/missing
    else if (e.type === "OrderShipped") return "s";
    else throw new Error("unexpected");
  }
  return "";
}
export function complete(e: OrderEvent): string {
  if (e.type === "OrderPlaced" || e.type === "OrderShipped") return "ps";
  else if (e.type === "OrderCancelled") return "c";
  else if (e.type === "$unknown") return "u";
  else return assertNever(e, "OrderEvent");
}
`);
  assert.equal(diagnostics[0]!.message, 'else swallows known variants of `OrderEvent`: `OrderCancelled`, `$unknown`; test them explicitly');
});

test('filters are not dispatches: a lone if, or a chain followed by more code, is left alone', () => {
  expectFindings(`
import type { OrderEvent } from "./gen/orders";
export function filter(e: OrderEvent): void {
  if (e.type === "OrderPlaced") console.log("placed");
}
export function notLast(e: OrderEvent): void {
  if (e.type === "OrderPlaced") console.log("placed");
  else if (e.type === "OrderShipped") console.log("shipped");
  console.log("done");
}
export function mixedSubjects(e: OrderEvent, f: OrderEvent): void {
  if (e.type === "OrderPlaced") console.log("placed");
  else if (f.type === "OrderShipped") console.log("shipped");
}
export function otherTests(e: OrderEvent, n: number): void {
  if (e.type === "OrderPlaced") console.log("placed");
  else if (n > 2) console.log("big");
}
`);
});
