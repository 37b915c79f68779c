// The formatter over real files: every file of the protobuf repository and a spread of
// googleapis keeps its tokens, comments and doc comments, and formats to a fixed point.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProto } from '../../../server/src/core/proto/format';
import { CORPUS, formatProblem, protoFiles } from './formatInvariants';

function problems(files: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const problem = formatProblem(readFileSync(f, 'utf8'));
    if (problem) out.push(`${f.slice(CORPUS.length + 1)}: ${problem}`);
  }
  return out;
}

test('every .proto of the protobuf repository formats safely', () => {
  const files = protoFiles(join(CORPUS, 'protobuf'));
  assert.equal(files.length, 472);
  assert.deepEqual(problems(files), []);
});

test('a spread of 300 googleapis files formats safely', () => {
  const all = protoFiles(join(CORPUS, 'googleapis', 'head'));
  assert.ok(all.length > 7000);
  const step = Math.floor(all.length / 300);
  const sample = all.filter((_, i) => i % step === 0).slice(0, 300);
  assert.equal(sample.length, 300);
  assert.deepEqual(problems(sample), []);
});

test('a tidy file only has its wrapped lines joined and its spacing evened out', () => {
  // pubsub.proto is in clang-format style, which wraps long declarations; buf format joins them.
  const path = join(CORPUS, 'googleapis', 'head', 'google', 'pubsub', 'v1', 'pubsub.proto');
  const input = readFileSync(path, 'utf8').split('\n').map((l) => l.trim().replace(/\s+/g, ' '));
  const result = formatProto(readFileSync(path, 'utf8'));
  assert.ok('text' in result);
  const output = result.text.split('\n').map((l) => l.trim().replace(/\s+/g, ' '));
  // Walk both: each output line is one input line, or several consecutive ones joined by a space.
  let i = 0;
  let joined = 0;
  for (const line of output) {
    if (line === '' && input[i] !== '') {
      assert.fail(`blank line added before input line ${i + 1}`);
    }
    let acc = input[i++]!;
    while (acc !== line && acc.length < line.length) {
      acc = `${acc} ${input[i++]!}`;
      joined++;
    }
    assert.equal(acc, line, `output line does not match input near line ${i}`);
  }
  assert.equal(i, input.length);
  assert.ok(joined > 20, 'expected the wrapped rpc and field lines to be joined');
});
