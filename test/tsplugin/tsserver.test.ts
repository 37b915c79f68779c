// The plugin inside the real tsserver, loaded as VS Code loads it: diagnostics among TypeScript's
// own, quick fixes that remove them, regenerated code picked up without a restart, settings
// through configurePlugin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { generatedModule, runtime } from '../core/handlers/program';
import { applyTextChanges, pluginIsBuilt, repoRoot, semanticDiagnostics, suggestionDiagnostics, TsServer, type SemanticDiagnostics } from './tsserver';

const tsconfig = JSON.stringify({
  compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], noEmit: true },
  include: ['src'],
});

const main = `import { decodeOrderEvent, type OrderEventHandlers } from "./gen/orders";

export const handlers = {
  OrderPlaced: (e) => console.log(e.orderId),
  OrderShipped: (e) => console.log(e.orderId),
} as OrderEventHandlers<void>;

export function consume(bytes: Uint8Array): void {
  decodeOrderEvent(bytes);
  void decodeOrderEvent(bytes);
}
`;

let dir: string;
let server: TsServer;
const file = () => join(dir, 'src', 'main.ts');

function write(rel: string, text: string): void {
  const p = join(dir, rel);
  mkdirSync(dirname(p), { recursive: true });
  // Atomically, as the code generator writes.
  writeFileSync(p + '.tmp', text);
  renameSync(p + '.tmp', p);
}

before(() => {
  if (!pluginIsBuilt()) {
    const res = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(res.status, 0, res.stderr);
  }
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'es-tsplugin-')));
  write('tsconfig.json', tsconfig);
  write('src/gen/runtime.ts', runtime);
  write('src/gen/orders.ts', generatedModule('OrderEvent', ['OrderPlaced', 'OrderShipped', 'OrderCancelled']));
  write('src/main.ts', main);
  server = new TsServer({ logFile: join(dir, 'tsserver.log') });
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ours = (diagnostics: SemanticDiagnostics) => diagnostics.filter((d) => d.source === 'event-schemas');

test('our findings join TypeScript semantic diagnostics with their code, source and message prefix', async () => {
  server.notify('open', { file: file() });
  const diagnostics = await semanticDiagnostics(server, file());
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.category, d.source, d.start.line, d.start.offset, d.text]),
    [
      [79001, 'error', 'event-schemas', 6, 6, '[handlers/missing] handlers for `OrderEvent` are cast with a type assertion that hides missing `OrderCancelled`, `$unknown`: add them and use `satisfies OrderEventHandlers`'],
      [79003, 'error', 'event-schemas', 9, 3, '[handlers/discarded-result] the Result of `decodeOrderEvent` is dropped: check `.ok`, return it, or discard it with `void`'],
    ],
    readFileSync(join(dir, 'tsserver.log'), 'utf8').split('\n').filter((l) => l.includes('event-schemas') || l.includes('plugin')).join('\n'),
  );
  const suggestions = ours(await suggestionDiagnostics(server, file()));
  assert.deepEqual(
    suggestions.map((d) => [d.code, d.category, d.start.line]),
    [[79003, 'suggestion', 10]],
  );
});

test('the codes are advertised both per file and in the file-less list VS Code asks for', async () => {
  const global = await server.request('getSupportedCodeFixes');
  const perFile = await server.request('getSupportedCodeFixes', { file: file() });
  for (const res of [global, perFile]) {
    assert.ok(res.success);
    for (const code of ['79001', '79002', '79003']) assert.ok((res.body as string[]).includes(code), code);
  }
});

test('"Add missing handlers" from getCodeFixes removes the diagnostic once applied', async () => {
  const [finding] = (await semanticDiagnostics(server, file())).filter((d) => d.code === 79001);
  assert.ok(finding);
  const res = await server.request('getCodeFixes', {
    file: file(),
    startLine: finding.start.line,
    startOffset: finding.start.offset,
    endLine: finding.end.line,
    endOffset: finding.end.offset,
    errorCodes: [79001],
  });
  assert.ok(res.success, res.message);
  const fixes = res.body as { description: string; changes: { fileName: string; textChanges: any[] }[] }[];
  const fix = fixes.find((f) => f.description === 'Add missing handlers');
  assert.ok(fix, JSON.stringify(fixes));
  assert.equal(fix.changes[0]!.fileName, file());
  const fixed = applyTextChanges(main, fix.changes[0]!.textChanges);
  assert.match(fixed, /\$unknown: \(e\) => \{\n {4}throw new Error\("not implemented: \$unknown"\);\n {2}\},/);
  server.notify('updateOpen', { changedFiles: [{ fileName: file(), textChanges: fix.changes[0]!.textChanges }] });
  const after = await semanticDiagnostics(server, file());
  assert.deepEqual(after.map((d) => d.code), [79003]);
});

test('"Discard explicitly with void" turns the dropped Result into a suggestion', async () => {
  const [finding] = (await semanticDiagnostics(server, file())).filter((d) => d.code === 79003);
  assert.ok(finding);
  const res = await server.request('getCodeFixes', {
    file: file(),
    startLine: finding.start.line,
    startOffset: finding.start.offset,
    endLine: finding.end.line,
    endOffset: finding.end.offset,
    errorCodes: [79003],
  });
  const fix = (res.body as { description: string; changes: { textChanges: any[] }[] }[]).find((f) => f.description === 'Discard explicitly with void');
  assert.ok(fix);
  server.notify('updateOpen', { changedFiles: [{ fileName: file(), textChanges: fix.changes[0]!.textChanges }] });
  assert.deepEqual(await semanticDiagnostics(server, file()), []);
  assert.deepEqual(ours(await suggestionDiagnostics(server, file())).map((d) => d.code), [79003, 79003]);
});

test('a regenerated union with a new variant shows up in the open file without a restart', async () => {
  write('src/gen/orders.ts', generatedModule('OrderEvent', ['OrderPlaced', 'OrderShipped', 'OrderCancelled', 'OrderRefunded']));
  // tsserver learns of the change from its file watcher, which fires on its own schedule.
  let found: string[] = [];
  for (let attempt = 0; attempt < 100 && found.length === 0; attempt++) {
    found = (await semanticDiagnostics(server, file())).filter((d) => d.code === 79001).map((d) => d.text);
    if (found.length === 0) await new Promise((r) => setTimeout(r, 200));
  }
  assert.deepEqual(found, [
    '[handlers/missing] handlers for `OrderEvent` are cast with a type assertion that hides missing `OrderRefunded`: add them and use `satisfies OrderEventHandlers`',
  ]);
});

test('configurePlugin switches the rules off and on', async () => {
  const configure = (configuration: unknown) =>
    server.request('configurePlugin', { pluginName: 'event-schemas-tsplugin', configuration });
  assert.ok((await configure({ enable: false })).success);
  assert.deepEqual(ours(await semanticDiagnostics(server, file())), []);
  assert.ok((await configure({ enable: true })).success);
  assert.deepEqual(ours(await semanticDiagnostics(server, file())).map((d) => d.code), [79001]);
});
