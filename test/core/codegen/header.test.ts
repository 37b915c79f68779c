// The generated header: the marker that allows overwriting, and the schema hash that tells the
// editor when generated code is stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedModules, freshness, generate, GENERATED_MARKER, isGeneratedText, readGeneratedHeader, schemaHash } from '../../../server/src/core/codegen/index';
import { asRecord, generateFiles, protoModel } from './helpers';

test('the schema hash depends on the texts only: not on line endings or dependency order', () => {
  const h = schemaHash('message A {}\n', ['dep one\n', 'dep two\n']);
  assert.match(h, /^sha256:[0-9a-f]{64}$/);
  assert.equal(schemaHash('message A {}\r\n', ['dep two\r\n', 'dep one\n']), h);
  assert.notEqual(schemaHash('message A { }\n', ['dep one\n', 'dep two\n']), h);
  assert.notEqual(schemaHash('message A {}\n', ['dep one\n', 'dep 2\n']), h);
  assert.notEqual(schemaHash('message A {}\n'), h);
});

test('a generated module records its source and the hash of its schema and dependencies', () => {
  const common = 'syntax = "proto3";\npackage p;\nmessage A {}\n';
  const events = 'syntax = "proto3";\npackage p;\nimport "common.proto";\nmessage E { oneof e { A a = 1; } }\n';
  const files = asRecord(generateFiles({ 'events.proto': events, 'common.proto': common }));
  const header = readGeneratedHeader(files['events_pb.ts']!);
  assert.deepEqual(header, { source: 'events.proto', hash: schemaHash(events, [common]) });
  // Regenerating after a dependency changed gives another hash.
  const changed = asRecord(generateFiles({ 'events.proto': events, 'common.proto': common.replace('{}', '{ string s = 1; }') }));
  assert.notEqual(readGeneratedHeader(changed['events_pb.ts']!)!.hash, header!.hash);
});

test('only text that starts with the marker counts as generated', () => {
  assert.equal(isGeneratedText(`${GENERATED_MARKER}\n// source: a.proto\n`), true);
  assert.equal(isGeneratedText(`\uFEFF${GENERATED_MARKER}\r\n`), true);
  assert.equal(isGeneratedText(`// my handlers\n${GENERATED_MARKER}\n`), false);
  assert.equal(isGeneratedText(''), false);
  assert.equal(readGeneratedHeader('export const x = 1;\n'), undefined);
  assert.deepEqual(readGeneratedHeader(`${GENERATED_MARKER}\n`), {});
  assert.deepEqual(readGeneratedHeader(`${GENERATED_MARKER}\r\n// source: x.avsc; schema-hash: sha256:ab\r\n`), { source: 'x.avsc', hash: 'sha256:ab' });
});

test('staleness: the expected modules match what generate writes, until a schema or an import changes', () => {
  const common = 'syntax = "proto3";\npackage p;\nmessage A {}\n';
  const events = 'syntax = "proto3";\npackage p;\nimport "common.proto";\nmessage E { oneof e { A a = 1; } }\n';
  const model = protoModel({ 'events.proto': events, 'common.proto': common });
  const written = asRecord(generate(model).files);
  const expected = expectedModules(model);
  assert.deepEqual(expected.map((e) => e.path).sort(), ['common_pb.ts', 'events_pb.ts']);
  for (const e of expected) assert.equal(freshness(written[e.path], e), 'fresh', e.path);
  const changed = expectedModules(protoModel({ 'events.proto': events, 'common.proto': common.replace('{}', '{ int32 n = 1; }') }));
  assert.deepEqual(
    changed.map((e) => [e.path, freshness(written[e.path], e)]).sort(),
    [
      ['common_pb.ts', 'stale'],
      ['events_pb.ts', 'stale'],
    ],
  );
  assert.equal(freshness(undefined, expected[0]!), 'missing');
  assert.equal(freshness('export const mine = 1;\n', expected[0]!), 'foreign');
});
