// The text format of the bundled CLI, golden: rustc's layout, carets under the span even after
// tabs, help from fixes, a summary line, and no colours when stdout is not a terminal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, ensureBuilt, removeWorkspaces, workspace } from './run';

before(ensureBuilt);
after(removeWorkspaces);

const order = [
  'syntax = "proto3";',
  'package shop;',
  '',
  'import "google/protobuf/timestamp.proto";',
  '',
  '// An order.',
  'message Order {',
  '\tstring id = 1;',
  '',
  '\tMoney total = 2;',
  '\tstring note = 3',
  '}',
  '',
].join('\n');

const golden = `warning[resolve/unused-import]: import "google/protobuf/timestamp.proto" is not used: remove it
 --> shop/order.proto:4:8
  |
4 | import "google/protobuf/timestamp.proto";
  |        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = help: remove unused import

error[resolve/unknown-type]: unknown type \`Money\`: no definition with this name is visible from here
  --> shop/order.proto:10:2
   |
10 |     Money total = 2;
   |     ^^^^^

error[syntax/missing-semicolon]: expected \`;\` after the field declaration
  --> shop/order.proto:11:17
   |
11 |     string note = 3
   |                    ^
   = help: insert \`;\`

2 errors, 1 warning in 2 files
`;

test('text output matches the golden layout', () => {
  const ws = workspace({ 'shop/order.proto': order, 'shop/clean.proto': 'syntax = "proto3";\npackage shop;\n' });
  // NO_COLOR unset: a pipe is not a terminal, so there are still no colours.
  const res = cli(['check', 'shop'], ws, { NO_COLOR: '' });
  assert.equal(res.stdout, golden);
  assert.equal(res.stderr, '');
  assert.equal(res.code, 1);
});

test('a clean run prints only the summary', () => {
  const ws = workspace({ 'a.proto': 'syntax = "proto3";\npackage a;\nmessage A {}\n' });
  const res = cli(['check', '--format', 'text'], ws);
  assert.equal(res.stdout, '0 errors, 0 warnings in 1 file\n');
  assert.equal(res.code, 0);
});
