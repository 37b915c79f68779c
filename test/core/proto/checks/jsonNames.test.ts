// protoc's default JSON name: underscores dropped, the character after each one upper-cased.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultJsonName } from '../../../../server/src/core/proto/checks/jsonNames';

test('default json names, as protoc derives them', () => {
  const cases: [string, string][] = [
    ['name', 'name'],
    ['create_time', 'createTime'],
    ['_leading', 'Leading'],
    ['trailing_', 'trailing'],
    ['a__b', 'aB'],
    ['field_2_name', 'field2Name'],
    ['already_Upper', 'alreadyUpper'],
    ['_', ''],
    ['', ''],
  ];
  for (const [name, json] of cases) assert.equal(defaultJsonName(name), json, name);
});

test('the character after an underscore is upper-cased as a whole code point', () => {
  // Characters the parser never puts in a name, but the function answers for any text alike.
  assert.equal(defaultJsonName('x_ßy'), 'xSSy');
  assert.equal(defaultJsonName('x_\u{1f600}a'), 'x\u{1f600}a');
  assert.equal(defaultJsonName('x_\ud83d'), 'x\ud83d');
});
