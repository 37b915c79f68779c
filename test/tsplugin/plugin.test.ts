// The plugin's decorations in-process, over a real LanguageService: what it adds, and that any
// failure of ours leaves TypeScript's own answers untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ts from 'typescript';
import { createPlugin } from '../../server/src/tsplugin/plugin';
import { readSettings, defaultPluginSettings } from '../../server/src/tsplugin/settings';
import { options, project } from '../core/handlers/program';

function languageService(files: Record<string, string>, extra: ts.CompilerOptions = {}): ts.LanguageService {
  const versions = new Map(Object.keys(files).map((f) => [f, 1]));
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => ({ ...options, ...extra }),
    getScriptFileNames: () => Object.keys(files),
    getScriptVersion: (f) => String(versions.get(f) ?? 0),
    getScriptSnapshot: (f) => {
      const text = files[f] ?? ts.sys.readFile(f);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => '/',
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => f in files || ts.sys.fileExists(f),
    readFile: (f) => files[f] ?? ts.sys.readFile(f),
    directoryExists: (d) => Object.keys(files).some((f) => f.startsWith(d + '/')) || ts.sys.directoryExists(d),
    realpath: (p) => p,
  };
  return ts.createLanguageService(host);
}

function plug(ls: ts.LanguageService, config: unknown = {}) {
  const logs: string[] = [];
  const refreshes = { count: 0 };
  const module = createPlugin({ typescript: ts });
  const info = {
    languageService: ls,
    config,
    project: {
      projectService: { logger: { info: (m: string) => void logs.push(m), loggingEnabled: () => true } },
      getProjectName: () => 'test',
      isClosed: () => false,
      refreshDiagnostics: () => void refreshes.count++,
    },
  } as unknown as ts.server.PluginCreateInfo;
  return { proxy: module.create(info), module, logs, refreshes };
}

const main = `import { decodeOrderEvent } from "./gen/orders";
export function f(bytes: Uint8Array): number {
  decodeOrderEvent(bytes);
  void decodeOrderEvent(bytes);
  const n: number = "not a number";
  return n;
}
`;

test('semantic diagnostics gain our errors, suggestion diagnostics our hints; TypeScript errors stay', () => {
  const ls = languageService(project(main));
  const { proxy, logs } = plug(ls);
  const semantic = proxy.getSemanticDiagnostics('/src/main.ts');
  assert.ok(logs.some((l) => /^\[event-schemas\] checked \/src\/main\.ts: 2 findings, \d+\.\d ms CPU$/.test(l)), logs.join('\n'));
  assert.deepEqual(
    semantic.map((d) => [d.code, d.source ?? 'ts']),
    [
      [2322, 'ts'],
      [79003, 'event-schemas'],
    ],
  );
  const suggestions = proxy.getSuggestionDiagnostics('/src/main.ts').filter((d) => d.source === 'event-schemas');
  assert.deepEqual(suggestions.map((d) => [d.code, d.category]), [[79003, ts.DiagnosticCategory.Suggestion]]);
  // Untouched: other methods still reach TypeScript.
  assert.ok(proxy.getQuickInfoAtPosition('/src/main.ts', main.indexOf('decodeOrderEvent(bytes)')));
});

test('a failure inside our rules falls back to exactly what TypeScript answered, and is logged', () => {
  const ls = languageService(project(main));
  const broken = new Proxy(ls, {
    get: (target, key) => (key === 'getProgram' ? () => { throw new Error('boom'); } : Reflect.get(target, key)),
  });
  const { proxy, logs } = plug(broken);
  assert.deepEqual(proxy.getSemanticDiagnostics('/src/main.ts').map((d) => d.code), [2322]);
  assert.deepEqual(proxy.getSuggestionDiagnostics('/src/main.ts'), ls.getSuggestionDiagnostics('/src/main.ts'));
  const at = main.indexOf('decodeOrderEvent(bytes);');
  assert.deepEqual(proxy.getCodeFixesAtPosition('/src/main.ts', at, at + 23, [79003], {}, {}), []);
  assert.ok(logs.some((l) => l.includes('getSemanticDiagnostics failed') && l.includes('boom')), logs.join('\n'));
});

test('code fixes: ours for our codes at the span, TypeScript alone for its own codes', () => {
  const ls = languageService(project(main));
  const { proxy } = plug(ls);
  const at = main.indexOf('decodeOrderEvent(bytes);');
  const fixes = proxy.getCodeFixesAtPosition('/src/main.ts', at, at + 'decodeOrderEvent(bytes)'.length, [79003], {}, {});
  assert.deepEqual(
    fixes.map((f) => [f.description, f.changes[0]!.textChanges]),
    [['Discard explicitly with void', [{ span: { start: at, length: 0 }, newText: 'void ' }]]],
  );
  const elsewhere = main.indexOf('return n');
  assert.deepEqual(proxy.getCodeFixesAtPosition('/src/main.ts', elsewhere, elsewhere + 1, [79003], {}, {}), []);
  const bad = main.indexOf('const n');
  assert.deepEqual(
    proxy.getCodeFixesAtPosition('/src/main.ts', bad, bad + 5, [2322], {}, {}),
    ls.getCodeFixesAtPosition('/src/main.ts', bad, bad + 5, [2322], {}, {}),
  );
  assert.ok(proxy.getSupportedCodeFixes('/src/main.ts').includes('79002'));
});

test('settings from the plugin entry and from configurePlugin: disable, and opt into library Results', () => {
  const lib = {
    '/node_modules/neverthrow/package.json': '{"name":"neverthrow","types":"index.d.ts"}',
    '/node_modules/neverthrow/index.d.ts': 'export declare class Ok<T, E> { readonly value: T }\nexport declare function ok<T>(v: T): Ok<T, never>;\n',
  };
  const src = `import { ok } from "neverthrow";\nok(1);\n`;
  const ls = languageService(project(src, lib));
  const ourCodes = (p: ts.LanguageService) => p.getSemanticDiagnostics('/src/main.ts').filter((d) => d.source === 'event-schemas').length;
  const { proxy, module, refreshes } = plug(ls, { name: 'event-schemas-tsplugin', resultLibraries: ['neverthrow'] });
  assert.equal(ourCodes(proxy), 1);
  module.onConfigurationChanged!({ resultLibraries: [] });
  // The editor is told to ask again, so open files show the new settings at once.
  assert.equal(refreshes.count, 1);
  assert.equal(ourCodes(proxy), 0);
  module.onConfigurationChanged!({ resultLibraries: ['neverthrow'], enable: false });
  assert.equal(ourCodes(proxy), 0);
  module.onConfigurationChanged!({ enable: true });
  assert.equal(ourCodes(proxy), 1);
});

test('malformed settings keep their defaults field by field', () => {
  assert.deepEqual(readSettings(undefined), defaultPluginSettings);
  assert.deepEqual(readSettings('yes'), defaultPluginSettings);
  assert.deepEqual(readSettings({ enable: 'no', resultLibraries: 'neverthrow' }), defaultPluginSettings);
  assert.deepEqual(readSettings({ resultLibraries: ['effect', 'bogus', 7] }), { enable: true, resultLibraries: ['effect'] });
  assert.deepEqual(readSettings({ enable: false }, { enable: true, resultLibraries: ['effect'] }), { enable: false, resultLibraries: ['effect'] });
});

test('only TypeScript sources are checked: JavaScript and generated files are left alone', () => {
  // The rules would flag this call in a .ts file.
  const js = 'import { decodeOrderEvent } from "./gen/orders";\ndecodeOrderEvent(new Uint8Array());\n';
  const files = project(main, { '/src/plain.js': js, '/src/same.ts': js });
  const { proxy } = plug(languageService(files, { allowJs: true, checkJs: true }));
  assert.deepEqual(proxy.getSemanticDiagnostics('/src/same.ts').map((d) => d.code), [79003]);
  assert.deepEqual(proxy.getSemanticDiagnostics('/src/plain.js'), []);
  assert.deepEqual(proxy.getSemanticDiagnostics('/src/gen/orders.ts').filter((d) => d.source === 'event-schemas'), []);
});
