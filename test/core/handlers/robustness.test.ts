// The rules never throw, whatever state the code is in: every prefix of a realistic handler
// file (half-typed code, as in an editor), and a real program that has nothing for them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import ts from 'typescript';
import { checkHandlers } from '../../../server/src/core/handlers';
import { project, run } from './program';

const handlerFile = `import { decodeOrderEvent, dispatchOrderEvent, type OrderEvent, type OrderEventHandlers } from "./gen/orders";
import { assertNever, err, ok, type Result, type HandlerError } from "./gen/runtime";
declare function audit(what: string): Promise<void>;
export const handlers = {
  OrderPlaced: async (e) => { await audit(e.orderId); return ok(undefined); },
  ...({} as Partial<OrderEventHandlers<Promise<Result<void, HandlerError>>>>),
  $unknown: async () => err({ kind: "poison", reason: "unknown" }),
} as OrderEventHandlers<Promise<Result<void, HandlerError>>>;
export async function consume(bytes: Uint8Array, e: OrderEvent): Promise<Result<void, HandlerError>> {
  const r = decodeOrderEvent(bytes);
  if (!r.ok) return err({ kind: "poison", reason: r.error.kind });
  switch (e.type) {
    case "OrderPlaced": break;
    default: console.log(e);
  }
  if (e.type === "OrderShipped") return ok(undefined);
  else if (e["type"] === "$unknown") void decodeOrderEvent(bytes);
  else assertNever(e as never, "x");
  await dispatchOrderEvent(r.value, handlers);
  let later = decodeOrderEvent(bytes), other = (later = decodeOrderEvent(bytes), later);
  return other.ok ? ok(undefined) : err({ kind: "retryable", cause: other.error });
}
`;

test('every prefix of a handler file is checked without throwing', () => {
  let checked = 0;
  for (let end = 0; end <= handlerFile.length; end += 17) {
    const text = handlerFile.slice(0, end);
    assert.doesNotThrow(() => run(project(text)), `prefix of ${end} characters`);
    checked++;
  }
  assert.ok(checked > 60);
  // The whole file has findings of every kind, so the prefixes went through every rule.
  assert.deepEqual([...new Set(run(project(handlerFile)).map((d) => d.code))].sort(), [
    'handlers/discarded-result',
    'handlers/missing',
    'handlers/swallowing-default',
  ]);
});

test("this repository's own handler rules and plugin, as a real program: no findings and no exceptions", () => {
  const root = join(__dirname, '..', '..', '..');
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  assert.ok(config);
  const files = config.fileNames.filter((f) => f.includes('/server/src/core/handlers/') || f.includes('/server/src/tsplugin/'));
  const program = ts.createProgram({ rootNames: files, options: config.options });
  let count = 0;
  for (const file of program.getSourceFiles()) {
    if (!files.includes(file.fileName)) continue;
    assert.deepEqual(checkHandlers(ts, program, file), [], file.fileName);
    count++;
  }
  assert.ok(count > 15, `${count} files`);
});
