// The generated header: the marker that allows overwriting, and the schema hash that tells the
// editor when generated code is stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GENERATED_MARKER, isGeneratedText, readGeneratedHeader, schemaHash } from '../../../server/src/core/codegen/index';
import { asRecord, generateFiles } from './helpers';

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
