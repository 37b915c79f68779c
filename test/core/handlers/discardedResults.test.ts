// Results that are dropped, ignored, or discarded explicitly; and the idioms that handle them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, compileErrors, expectFindings, project, run } from './program';

const prelude = `import { decodeOrderEvent, dispatchOrderEvent, type OrderEvent } from "./gen/orders";
import { ok, err, type Result, type HandlerError } from "./gen/runtime";
declare function handle(e: OrderEvent): Promise<Result<void, HandlerError>>;
declare function store(r: Result<OrderEvent, unknown>): void;
declare function match<T, E, R>(r: Result<T, E>, arms: { ok: (v: T) => R; err: (e: E) => R }): R;
declare function identity<T>(x: T): T;
declare function log<T>(x: T): void;
declare function save(x: unknown): void;
declare function assertEqual<T>(actual: unknown, expected: T): asserts actual is T;
declare function expect<T>(actual: T): { toEqual(expected: T): void };
`;

test('a bare call statement and `await f();` drop the Result', () => {
  const { diagnostics } = expectFindings(`${prelude}
export async function consume(bytes: Uint8Array, e: OrderEvent): Promise<void> {
  decodeOrderEvent(bytes);
//^^^^^^^^^^^^^^^^^^^^^^^ handlers/discarded-result
  await handle(e);
//^^^^^^^^^^^^^^^ handlers/discarded-result
  handle(e);
//^^^^^^^^^ handlers/discarded-result
  (await handle(e))!;
//^^^^^^^^^^^^^^^^^^ handlers/discarded-result
}
`);
  assert.deepEqual(
    diagnostics.map((d) => d.message),
    [
      'the Result of `decodeOrderEvent` is dropped: check `.ok`, return it, or discard it with `void`',
      'the awaited Result of `handle` is dropped: check `.ok`, return it, or discard it with `void`',
      'the Result of `handle` is dropped: check `.ok`, return it, or discard it with `void`',
      'the awaited Result of `handle` is dropped: check `.ok`, return it, or discard it with `void`',
    ],
  );
  assert.ok(diagnostics.every((d) => d.severity === 'error'));
});

test('a Result stored and never inspected, or only handed to something that ignores it', () => {
  const { diagnostics } = expectFindings(`${prelude}
export async function consume(bytes: Uint8Array, e: OrderEvent): Promise<void> {
  const decoded = decodeOrderEvent(bytes);
  //    ^^^^^^^ handlers/discarded-result
  const outcome = await handle(e);
  //    ^^^^^^^ handlers/discarded-result
  console.log(outcome);
  console.log(decodeOrderEvent(bytes));
  //          ^^^^^^^^^^^^^^^^^^^^^^^ handlers/discarded-result
  log(decodeOrderEvent(bytes));
  //  ^^^^^^^^^^^^^^^^^^^^^^^ handlers/discarded-result
  save(await handle(e));
  //   ^^^^^^^^^^^^^^^ handlers/discarded-result
  let later;
  later = decodeOrderEvent(bytes);
//^^^^^ handlers/discarded-result
}
`);
  assert.deepEqual(
    diagnostics.map((d) => d.message),
    [
      'the Result in `decoded` is never inspected: check `decoded.ok`, return it, or discard it with `void`',
      'the Result in `outcome` is only passed to `console.log`, which ignores it: check `outcome.ok` first',
      'the Result of `decodeOrderEvent` is passed to `console.log`, which ignores it: check `.ok` first',
      'the Result of `decodeOrderEvent` is passed to `log`, which ignores it: check `.ok` first',
      'the Result of `handle` is passed to `save`, which ignores it: check `.ok` first',
      'the Result in `later` is never inspected: check `later.ok`, return it, or discard it with `void`',
    ],
  );
});

test('handled: returned, yielded, inspected through .ok, switched on, matched, passed on, asserted on', () => {
  expectFindings(`${prelude}
export function returned(bytes: Uint8Array) {
  return decodeOrderEvent(bytes);
}
export async function returnedAwaited(e: OrderEvent) {
  return await handle(e);
}
export const concise = (bytes: Uint8Array) => decodeOrderEvent(bytes);
export function* yielded(bytes: Uint8Array) {
  yield decodeOrderEvent(bytes);
}
export function inspected(bytes: Uint8Array): void {
  const r = decodeOrderEvent(bytes);
  if (r.ok) console.log(r.value.type);
  else console.error(r.error.kind);
}
export function switched(bytes: Uint8Array): string {
  const r = decodeOrderEvent(bytes);
  switch (r.ok) {
    case true: return r.value.type;
    case false: return r.error.kind;
  }
}
export function inline(bytes: Uint8Array): boolean {
  return decodeOrderEvent(bytes).ok && decodeOrderEvent(bytes).ok;
}
export function matched(bytes: Uint8Array): string {
  return match(decodeOrderEvent(bytes), { ok: (v) => v.type, err: (e) => e.kind });
}
export function passedOn(bytes: Uint8Array): void {
  store(decodeOrderEvent(bytes));
  const r = decodeOrderEvent(bytes);
  store(r);
  const again = identity(decodeOrderEvent(bytes));
  store(again);
}
export function stored(bytes: Uint8Array) {
  const all: Result<OrderEvent, unknown>[] = [];
  all.push(decodeOrderEvent(bytes));
  const box = { r: decodeOrderEvent(bytes) };
  const r = decodeOrderEvent(bytes);
  return { all, box, r };
}
export const exported = decodeOrderEvent(new Uint8Array());
export function tested(bytes: Uint8Array): void {
  assertEqual(decodeOrderEvent(bytes), { ok: false, error: { kind: "missingVariant" } });
  expect(decodeOrderEvent(bytes)).toEqual({ ok: false, error: { kind: "missingVariant" } });
}
`);
});

test('no false positive on the early-return idiom `if (!r.ok) return r;`', () => {
  const { files } = expectFindings(`${prelude}
export async function consume(bytes: Uint8Array): Promise<Result<void, HandlerError>> {
  const r = decodeOrderEvent(bytes);
  if (!r.ok) return err({ kind: "poison", reason: r.error.kind });
  const handled = await dispatchOrderEvent(r.value, {
    OrderPlaced: (e) => handle(e),
    OrderShipped: (e) => handle(e),
    OrderCancelled: (e) => handle(e),
    $unknown: async () => ok(undefined),
  });
  if (!handled.ok) return handled;
  return ok(undefined);
}
`);
  assert.deepEqual(compileErrors(files), []);
});

test('void is an explicit discard: a hint, for a call or for a variable', () => {
  const { diagnostics } = expectFindings(`${prelude}
export async function consume(bytes: Uint8Array, e: OrderEvent): Promise<void> {
  void decodeOrderEvent(bytes);
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^ handlers/discarded-result hint
  void (await handle(e));
//^^^^^^^^^^^^^^^^^^^^^^ handlers/discarded-result hint
  const r = decodeOrderEvent(bytes);
  void r;
//^^^^^^ handlers/discarded-result hint
}
`);
  assert.deepEqual(
    diagnostics.map((d) => d.message),
    [
      'the Result of `decodeOrderEvent` is discarded explicitly',
      'the Result of `handle` is discarded explicitly',
      'the Result in `r` is discarded explicitly',
    ],
  );
});

test('a Result returned into a callback whose return value is ignored is dropped there', () => {
  // TypeScript accepts any return value where a callback type says `void`.
  const { files } = expectFindings(`${prelude}
declare const consumer: { run(config: { eachMessage: (payload: { value: Uint8Array }) => void }): void };
export function start(batches: Uint8Array[]): void {
  consumer.run({
    eachMessage: ({ value }) => {
      const event = decodeOrderEvent(value);
      if (!event.ok) return;
      return handle(event.value);
      //     ^^^^^^^^^^^^^^^^^^^ handlers/discarded-result
    },
  });
  batches.forEach((b) => decodeOrderEvent(b));
  //                     ^^^^^^^^^^^^^^^^^^^ handlers/discarded-result
  const mapped = batches.map((b) => decodeOrderEvent(b));
  console.log(mapped.length);
}
`);
  assert.deepEqual(compileErrors(files), []);
});

test('@mustUse on a type or a function makes its values must-handle', () => {
  expectFindings(`
/** @mustUse */
export interface Lease { release(): void }
declare function acquire(): Lease;
/** @mustUse */
declare function tryLock(): boolean;
declare function plain(): boolean;
export function f(): void {
  acquire();
//^^^^^^^^^ handlers/discarded-result
  tryLock();
//^^^^^^^^^ handlers/discarded-result
  plain();
  acquire().release();
  if (tryLock()) plain();
}
`);
});

const neverthrow = {
  '/node_modules/neverthrow/package.json': '{"name":"neverthrow","types":"index.d.ts"}',
  '/node_modules/neverthrow/index.d.ts': `export declare class Ok<T, E> { readonly value: T; isOk(): this is Ok<T, E>; isErr(): false; }
export declare class Err<T, E> { readonly error: E; isOk(): false; isErr(): this is Err<T, E>; }
export type Result<T, E> = Ok<T, E> | Err<T, E>;
export declare class ResultAsync<T, E> implements PromiseLike<Result<T, E>> {
  then<A, B>(onfulfilled?: (res: Result<T, E>) => A | PromiseLike<A>, onrejected?: (reason: unknown) => B | PromiseLike<B>): PromiseLike<A | B>;
}
export declare function ok<T, E = never>(value: T): Ok<T, E>;
`,
  '/node_modules/effect/package.json': '{"name":"effect","types":"index.d.ts"}',
  '/node_modules/effect/index.d.ts': `export interface Left<L, R> { readonly _tag: "Left"; readonly left: L }
export interface Right<L, R> { readonly _tag: "Right"; readonly right: R }
export type Either<R, L = never> = Left<L, R> | Right<L, R>;
export declare function parse(s: string): Either<number, string>;
`,
};

test('library Results count only when the settings opt in', () => {
  const src = `import { ok, type Result, type ResultAsync } from "neverthrow";
import { parse } from "effect";
declare function load(): ResultAsync<string, Error>;
declare function check(): Result<number, string>;
export async function f(): Promise<void> {
  check();
//^^^^^^^ handlers/discarded-result
  await load();
//^^^^^^^^^^^^ handlers/discarded-result
  ok(1);
//^^^^^ handlers/discarded-result
  parse("1");
//^^^^^^^^^^ handlers/discarded-result
  if (check().isErr()) return;
}
`;
  expectFindings(src, neverthrow, { resultLibraries: ['neverthrow', 'effect'] });
  const plain = src.replace(/^\/\/\^+.*\n/gm, '');
  assert.deepEqual(run(project(plain, neverthrow)), []);
  assert.equal(run(project(plain, neverthrow), '/src/main.ts', { resultLibraries: ['effect'] }).length, 1);
});

test('"Discard explicitly with void" turns the error into the explicit-discard hint', () => {
  for (const [line, expected] of [
    ['  decodeOrderEvent(bytes);', '  void decodeOrderEvent(bytes);'],
    ['  await handle(e);', '  void await handle(e);'],
    ['  const r = decodeOrderEvent(bytes);', '  void decodeOrderEvent(bytes);'],
  ] as const) {
    const main = `${prelude}export async function f(bytes: Uint8Array, e: OrderEvent): Promise<void> {\n${line}\n}\n`;
    const [finding, ...rest] = run(project(main));
    assert.deepEqual(rest, []);
    const fix = finding!.fixes![0]!;
    assert.equal(fix.title, 'Discard explicitly with void');
    const fixed = applyFix(main, fix);
    assert.ok(fixed.includes(`\n${expected}\n`), fixed);
    assert.deepEqual(
      run(project(fixed)).map((d) => d.severity),
      ['hint'],
    );
    assert.deepEqual(compileErrors(project(fixed)), []);
  }
});
