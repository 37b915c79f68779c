// The extension manifest and the files it points at: a typo in package.json silently disables a
// language, a grammar or a setting in VS Code, with no error anywhere, so it is checked here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandIds, configurationSection, defaultSettings, languageIds } from '../../server/src/protocol';
import { defaultPluginSettings } from '../../server/src/tsplugin/settings';

const root = join(__dirname, '..', '..');
const readJson = (path: string): any => JSON.parse(readFileSync(join(root, path), 'utf8'));
const manifest = readJson('package.json');
const contributes = manifest.contributes;

test('each language has its extension, a configuration file and a grammar', () => {
  const expected = [
    { id: languageIds.proto, extension: '.proto', scopeName: 'source.proto' },
    { id: languageIds.avsc, extension: '.avsc', scopeName: 'source.avsc' },
    { id: languageIds.avdl, extension: '.avdl', scopeName: 'source.avdl' },
  ];
  assert.deepEqual(contributes.languages.map((l: any) => l.id), expected.map((e) => e.id));
  for (const { id, extension, scopeName } of expected) {
    const language = contributes.languages.find((l: any) => l.id === id);
    assert.deepEqual(language.extensions, [extension], id);
    assert.ok(language.aliases.length > 0, `${id} has a display name`);
    const configuration = readJson(language.configuration);
    assert.equal(typeof configuration.brackets, 'object', `${language.configuration} declares brackets`);
    const grammar = contributes.grammars.find((g: any) => g.language === id);
    assert.equal(grammar?.scopeName, scopeName, `${id} grammar entry`);
    assert.equal(readJson(grammar.path).scopeName, scopeName, `${grammar.path} declares its scope`);
  }
});

test('every regular expression in the language configurations compiles', () => {
  for (const language of contributes.languages) {
    const configuration = readJson(language.configuration);
    const patterns = [
      configuration.wordPattern,
      configuration.indentationRules?.increaseIndentPattern,
      configuration.indentationRules?.decreaseIndentPattern,
      configuration.folding?.markers?.start,
      configuration.folding?.markers?.end,
      ...(configuration.onEnterRules ?? []).flatMap((r: any) => [r.beforeText, r.afterText, r.previousLineText]),
    ].filter((p): p is string => typeof p === 'string');
    for (const pattern of patterns) assert.doesNotThrow(() => new RegExp(pattern), `${language.configuration}: ${pattern}`);
  }
});

test('proto doc comments continue on Enter, and so does a split line comment, but not a trailing comment', () => {
  const rules: any[] = readJson('syntaxes/proto.language-configuration.json').onEnterRules;
  const appended = (before: string, after: string): string | undefined =>
    rules.find(
      (r) => new RegExp(r.beforeText).test(before) && (r.afterText === undefined || new RegExp(r.afterText).test(after)),
    )?.action.appendText;
  assert.equal(appended('  /** Placed when checkout completes.', ''), ' * ');
  assert.equal(appended('  /**', ' */'), ' * ');
  assert.equal(appended('   * The order id.', ''), '* ');
  assert.equal(appended('  // Sum of the line items', 'plus shipping'), '// ');
  assert.equal(appended('  // Sum of the line items plus shipping.', ''), undefined);
  assert.equal(appended('  string note = 2; // free text', 'here'), undefined);
});

test('every setting has a scope, a type, a default of that type and a description', () => {
  const properties: Record<string, any> = contributes.configuration.properties;
  const jsonType = (value: unknown): string => (Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : typeof value);
  for (const [key, schema] of Object.entries(properties)) {
    assert.ok(key.startsWith(`${configurationSection}.`), `${key} is prefixed`);
    assert.ok(['application', 'machine', 'window', 'resource', 'language-overridable', 'machine-overridable'].includes(schema.scope), `${key} scope`);
    assert.equal(jsonType(schema.default), schema.type, `${key} default matches its type`);
    if (schema.enum) assert.ok(schema.enum.includes(schema.default), `${key} default is one of its values`);
    assert.ok((schema.markdownDescription ?? schema.description ?? '').length > 0, `${key} is described`);
  }
});

test('setting defaults in package.json match the defaults the server assumes', () => {
  const properties: Record<string, any> = contributes.configuration.properties;
  const flatten = (value: object, prefix: string): [string, unknown][] =>
    Object.entries(value).flatMap(([k, v]) =>
      // An empty object is a setting of its own (a map such as breaking.severity), not a group.
      v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0
        ? flatten(v, `${prefix}${k}.`)
        : [[`${prefix}${k}`, v] as [string, unknown]],
    );
  // The TypeScript server plugin's settings reach it through the client's configurePlugin.
  const expected = [...flatten(defaultSettings, `${configurationSection}.`), ...flatten(defaultPluginSettings, `${configurationSection}.handlers.`)];
  for (const [key, value] of expected) assert.deepEqual(properties[key]?.default, value, key);
  // trace.server is read by the language client itself, not by the server.
  assert.deepEqual(
    Object.keys(properties).sort(),
    [...expected.map(([key]) => key), `${configurationSection}.trace.server`].sort(),
  );
});

test('contributed commands are exactly the implemented ones, and menus name only contributed commands', () => {
  const contributed: string[] = contributes.commands.map((c: any) => c.command);
  assert.deepEqual([...contributed].sort(), Object.values(commandIds).sort());
  for (const command of contributes.commands) assert.equal(command.category, 'Event Schemas', command.command);
  const menuCommands = Object.values<any[]>(contributes.menus ?? {}).flatMap((items) => items.map((i) => i.command));
  for (const command of menuCommands) assert.ok(contributed.includes(command), `menu names ${command}`);
  const extension = readFileSync(join(root, 'client/src/extension.ts'), 'utf8');
  for (const key of Object.keys(commandIds)) {
    assert.match(extension, new RegExp(`registerCommand\\(commandIds\\.${key}\\b`), `${key} is registered`);
  }
});

test('activation, trust and entry points line up with the contributions', () => {
  for (const id of Object.values(languageIds)) assert.ok(manifest.activationEvents.includes(`onLanguage:${id}`), id);
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  for (const key of untrusted.restrictedConfigurations) assert.ok(key in contributes.configuration.properties, key);
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.bin['event-schemas'], 'dist/cli.js');
});

test('the icon is a 128x128 PNG', () => {
  const png = readFileSync(join(root, manifest.icon));
  assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
  assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
});

test('.vscodeignore is a whitelist that keeps the bundles and drops sources and source maps', () => {
  const lines = readFileSync(join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  assert.equal(lines[0], '**');
  for (const bundle of ['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'dist/tsplugin.js']) assert.ok(lines.includes(`!${bundle}`), bundle);
});

test('vsce packages exactly the runtime files', () => {
  // vsce's own file selection, so the test checks what would really ship.
  const vsce = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce');
  const listed = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const allowed = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|media\/icon\.png|syntaxes\/[\w.-]+\.json|dist\/(extension|server|cli|tsplugin)\.js|dist\/wkt\/google\/protobuf\/[\w/]+\.proto)$/;
  assert.deepEqual(listed.filter((f) => !allowed.test(f)), []);
  const required = [
    'package.json',
    'LICENSE',
    'CHANGELOG.md',
    manifest.icon,
    ...contributes.grammars.map((g: any) => g.path.replace(/^\.\//, '')),
    ...contributes.languages.map((l: any) => l.configuration.replace(/^\.\//, '')),
    // The bundles exist only after a build; `npm test` builds first.
    ...['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'dist/tsplugin.js', 'dist/wkt/google/protobuf/timestamp.proto'].filter((f) =>
      existsSync(join(root, f)),
    ),
  ];
  for (const file of required) assert.ok(listed.includes(file), `${file} is packaged`);
});

test('"Generate handlers" is offered on schema files in the editor and explorer menus, and in the palette', () => {
  const when = (menu: string) => (contributes.menus?.[menu] ?? []).find((i: any) => i.command === commandIds.generateHandlers)?.when as string | undefined;
  for (const menu of ['editor/context', 'explorer/context']) {
    const condition = when(menu) ?? '';
    for (const id of Object.values(languageIds)) assert.match(condition, new RegExp(`resourceLangId == ${id}\\b`), `${menu} for ${id}`);
  }
  const palette = when('commandPalette');
  assert.notEqual(palette, 'false', 'the palette offers it');
  const resultLibraries = contributes.configuration.properties[`${configurationSection}.handlers.resultLibraries`];
  assert.deepEqual(resultLibraries.items.enum, ['neverthrow', 'effect']);
});
