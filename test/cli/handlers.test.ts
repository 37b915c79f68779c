// `event-schemas handlers` end to end: the bundled CLI on real TypeScript projects, with the same
// JSON contract and exit codes as `check`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { generatedModule, runtime } from '../core/handlers/program';
import { brief, cli, cliJson, ensureBuilt, removeWorkspaces, repoRoot, workspace } from './run';

before(ensureBuilt);
after(removeWorkspaces);

const tsconfig = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], noEmit: true, ...extra },
    include: ['src'],
  });

const generated = {
  'src/gen/runtime.ts': runtime,
  'src/gen/orders.ts': generatedModule('OrderEvent', ['OrderPlaced', 'OrderShipped']),
};

const findings = `import { decodeOrderEvent, type OrderEvent, type OrderEventHandlers } from "./gen/orders";

export const handlers = { OrderPlaced: (e) => console.log(e.orderId) } as OrderEventHandlers<void>;

export function label(e: OrderEvent, bytes: Uint8Array): string {
  decodeOrderEvent(bytes);
  switch (e.type) {
    case "OrderPlaced": return "placed";
    default: return "other";
  }
}
`;

const clean = `import { decodeOrderEvent, dispatchOrderEvent } from "./gen/orders";

export function consume(bytes: Uint8Array): string {
  const r = decodeOrderEvent(bytes);
  if (!r.ok) return r.error.kind;
  return dispatchOrderEvent(r.value, { OrderPlaced: () => "p", OrderShipped: () => "s", $unknown: () => "u" });
}
`;

test('findings exit 1 and print the JSON contract: relative files, 0-based ranges, stable codes', () => {
  const ws = workspace({ 'tsconfig.json': tsconfig(), ...generated, 'src/main.ts': findings });
  const res = cliJson(['handlers'], ws);
  assert.equal(res.code, 1, res.stderr);
  assert.equal(res.stderr, '');
  assert.deepEqual(brief(res.json), [
    'src/main.ts:2:74 error handlers/missing',
    'src/main.ts:5:2 error handlers/discarded-result',
    'src/main.ts:8:4 error handlers/swallowing-default',
  ]);
  const [first] = res.json.diagnostics;
  assert.deepEqual(first, {
    file: 'src/main.ts',
    range: { start: { line: 2, character: 74 }, end: { line: 2, character: 98 } },
    severity: 'error',
    code: 'handlers/missing',
    message:
      'handlers for `OrderEvent` are cast with a type assertion that hides missing `OrderShipped`, `$unknown`: add them and use `satisfies OrderEventHandlers`',
    source: 'event-schemas',
  });
});

test('the text report shows each finding with its fix, and a summary', () => {
  const ws = workspace({ 'tsconfig.json': tsconfig(), ...generated, 'src/main.ts': findings });
  const res = cli(['handlers'], ws);
  assert.equal(res.code, 1);
  assert.match(res.stdout, /^error\[handlers\/swallowing-default\]: default swallows known variants of `OrderEvent`: `OrderShipped`, `\$unknown`; list them as cases\n --> src\/main\.ts:9:5\n/m);
  assert.match(res.stdout, /= help: add missing cases\n/);
  assert.match(res.stdout, /= help: discard explicitly with void\n/);
  assert.match(res.stdout, /\n3 errors, 0 warnings in 1 file\n$/);
});

test('a clean project exits 0; explicit discards are hints and do not fail the run', () => {
  const ws = workspace({ 'tsconfig.json': tsconfig(), ...generated, 'src/main.ts': clean });
  const res = cli(['handlers', '--format', 'json'], ws);
  assert.equal(res.stdout, '{"diagnostics":[]}\n');
  assert.equal(res.code, 0);
  const hinted = workspace({
    'tsconfig.json': tsconfig(),
    ...generated,
    'src/main.ts': 'import { decodeOrderEvent } from "./gen/orders";\nvoid decodeOrderEvent(new Uint8Array());\n',
  });
  const res2 = cliJson(['handlers'], hinted);
  assert.deepEqual(brief(res2.json), ['src/main.ts:1:0 hint handlers/discarded-result']);
  assert.equal(res2.code, 0);
});

test('--project takes a tsconfig or its folder; without it the nearest tsconfig above the current folder is used', () => {
  const ws = workspace({ 'app/tsconfig.json': tsconfig(), ...prefixed('app/', generated), 'app/src/main.ts': findings });
  for (const [args, cwd] of [
    [['handlers', '--project', 'app'], ws],
    [['handlers', '-p', 'app/tsconfig.json'], ws],
    [['handlers'], join(ws, 'app', 'src', 'gen')],
  ] as const) {
    const res = cliJson(args, cwd);
    assert.equal(res.code, 1, `${args.join(' ')} in ${cwd}: ${res.stderr}`);
    assert.equal(res.json.diagnostics.length, 3);
  }
  assert.deepEqual(
    cliJson(['handlers'], join(ws, 'app', 'src', 'gen')).json.diagnostics.map((d) => d.file),
    ['../main.ts', '../main.ts', '../main.ts'],
  );
});

test('no tsconfig, a tsconfig that includes nothing, or stray arguments are usage errors (exit 2)', () => {
  const empty = workspace({ 'readme.txt': 'no project here\n' });
  let res = cli(['handlers', '--project', 'nowhere'], empty);
  assert.equal(res.code, 2);
  assert.match(res.stderr, /nowhere is not a tsconfig\.json or a folder holding one/);
  const nothing = workspace({ 'tsconfig.json': JSON.stringify({ include: ['src'] }) });
  res = cli(['handlers'], nothing);
  assert.equal(res.code, 2);
  assert.match(res.stderr, /tsconfig\.json includes no files/);
  res = cli(['handlers', 'src/main.ts'], nothing);
  assert.equal(res.code, 2);
  assert.match(res.stderr, /unexpected argument `src\/main\.ts`: name the project with --project/);
  res = cli(['handlers', '--format', 'xml'], nothing);
  assert.equal(res.code, 2);
  assert.match(res.stderr, /unknown format `xml`/);
  res = cli(['handlers', '--help'], nothing);
  assert.equal(res.code, 0);
  assert.match(res.stdout, /^Usage: event-schemas handlers \[--project tsconfig\.json\] \[--format text\|json\]/);
});

test("library Results are opted into in the tsconfig's entry for the editor plugin", () => {
  const lib = {
    'node_modules/neverthrow/package.json': '{"name":"neverthrow","types":"index.d.ts"}',
    'node_modules/neverthrow/index.d.ts': 'export declare class Ok<T, E> { readonly value: T }\nexport declare function ok<T>(v: T): Ok<T, never>;\n',
    'src/main.ts': 'import { ok } from "neverthrow";\nok(1);\n',
  };
  const without = workspace({ 'tsconfig.json': tsconfig(), ...lib });
  assert.deepEqual(brief(cliJson(['handlers'], without).json), []);
  const withEntry = workspace({
    'tsconfig.json': tsconfig({ plugins: [{ name: 'event-schemas-tsplugin', resultLibraries: ['neverthrow'] }] }),
    ...lib,
  });
  assert.deepEqual(brief(cliJson(['handlers'], withEntry).json), ['src/main.ts:1:0 error handlers/discarded-result']);
});

test("the project's own typescript package is the one that runs", () => {
  const real = require.resolve('typescript', { paths: [repoRoot] });
  const ws = workspace({
    'tsconfig.json': tsconfig(),
    ...generated,
    'src/main.ts': findings,
    'node_modules/typescript/package.json': '{"name":"typescript","main":"index.js"}',
    'node_modules/typescript/index.js': `const ts = require(${JSON.stringify(real)});
module.exports = { ...ts, createProgram(...args) { process.stderr.write("project typescript\\n"); return ts.createProgram(...args); } };
`,
  });
  const res = cliJson(['handlers'], ws);
  assert.equal(res.stderr, 'project typescript\n');
  assert.equal(res.json.diagnostics.length, 3);
});

function prefixed(prefix: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [prefix + k, v]));
}
