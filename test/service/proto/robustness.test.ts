/**
 * Every feature at every position of realistic, half-typed and real-world text: no feature may
 * hit an internal error. The features catch their own errors (one empty answer instead of a
 * failed request), so this test listens to the error reporter instead of waiting for a throw.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProtoProject } from '../../../server/src/core/proto/project';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { codeActions } from '../../../server/src/service/proto/codeActions';
import { completion } from '../../../server/src/service/proto/completion';
import { definition } from '../../../server/src/service/proto/definition';
import { setInternalErrorReporter } from '../../../server/src/service/proto/guard';
import { hover } from '../../../server/src/service/proto/hover';
import { references } from '../../../server/src/service/proto/references';
import { prepareRename, rename } from '../../../server/src/service/proto/rename';
import { documentSymbols, workspaceSymbols } from '../../../server/src/service/proto/symbols';
import { fixture } from '../fixture';

const everywhere = () => true;

function allFeaturesAt(project: ProtoProject, uri: string, offsets: Iterable<number>, errors: string[]): void {
  const text = project.get(uri)!.text;
  const index = new LineIndex(text);
  const previous = setInternalErrorReporter((feature, error) => errors.push(`${feature} in ${uri}: ${String((error as Error)?.stack ?? error)}`));
  try {
    documentSymbols(project, uri);
    for (const offset of offsets) {
      const position = index.positionAt(offset);
      hover(project, uri, position);
      definition(project, uri, position);
      references(project, uri, position, true);
      prepareRename(project, uri, position, everywhere);
      completion(project, uri, position);
      codeActions(project, uri, { start: position, end: position });
    }
  } finally {
    setInternalErrorReporter(previous);
  }
}

const schema = `
//- google/protobuf/descriptor.proto
syntax = "proto2";
package google.protobuf;
message FieldOptions { extensions 1000 to max; }
message MessageOptions { extensions 1000 to max; }
//- google/protobuf/timestamp.proto
syntax = "proto3";
package google.protobuf;
message Timestamp { int64 seconds = 1; int32 nanos = 2; }
//- acme/opts.proto
syntax = "proto3";
package acme.opts;
import "google/protobuf/descriptor.proto";
extend google.protobuf.FieldOptions { bool sensitive = 50001; }
//- acme/orders/v1/orders.proto
// Orders.
syntax = "proto3";

package acme.orders.v1;

import "google/protobuf/timestamp.proto";
import public "acme/opts.proto";

option go_package = "example.com/acme/orders/v1;ordersv1";

/* An order. */
message Order {
  string id = 1 [(acme.opts.sensitive) = true, json_name = "orderId"];
  repeated Item items = 2;
  map<string, int64> totals = 3;
  google.protobuf.Timestamp placed_at = 4; // When.
  oneof payment {
    Card card = 5;
    string voucher = 6;
  }
  reserved 7 to 9, 100;
  reserved "legacy";
  message Item { string sku = 1; uint32 quantity = 2; }
  enum State { STATE_UNSPECIFIED = 0; STATE_OPEN = 1 [deprecated = true]; }
  State state = 10;
}

message Card { string last4 = 1; }

service Orders {
  option deprecated = false;
  rpc Place(Order) returns (stream Order) { option idempotency_level = IDEMPOTENT; }
}
`;

test('every feature at every offset of a realistic schema', () => {
  const errors: string[] = [];
  const f = fixture(schema);
  const uri = f.file('acme/orders/v1/orders.proto').uri;
  const text = f.project.get(uri)!.text;
  allFeaturesAt(f.project, uri, Array.from({ length: text.length + 2 }, (_, i) => i), errors);
  assert.deepEqual(errors, []);
});

test('every prefix of the schema, as it is typed, with the cursor at the end', () => {
  const errors: string[] = [];
  const f = fixture(schema);
  const file = f.file('acme/orders/v1/orders.proto');
  for (let n = 0; n <= file.text.length; n++) {
    f.project.setFile({ uri: file.uri, importPath: file.path, text: file.text.slice(0, n) });
    allFeaturesAt(f.project, file.uri, [n], errors);
  }
  assert.deepEqual(errors, []);
});

test('broken fragments', () => {
  const errors: string[] = [];
  const fragments = [
    'message {',
    'message A { message }',
    'enum { = ; }',
    'service S { rpc ( returns ) {',
    'message A { map<, > = ; }',
    'option (',
    'option ().x = {',
    'import "',
    'import public',
    'extend { }',
    'message A { oneof { } }',
    'message A { string a = 1 [(, = ]; }',
    '}}}}{{{',
    'syntax = "proto3"; message A { .a. b = 1; }',
    'package ..;',
    '"\\',
    '/* open',
    'message A { reserved 1 to; extensions to max; }',
    'message A { optional group = { } }',
    '\u00e9\u{1F600} message \u{1F600} {}',
  ];
  for (const source of fragments) {
    const f = fixture(source);
    allFeaturesAt(f.project, f.uri, Array.from({ length: f.text.length + 2 }, (_, i) => i), errors);
    rename(f.project, f.uri, f.position, 'X', everywhere);
  }
  const f = fixture('message A {}\n');
  const previous = setInternalErrorReporter((feature, error) => errors.push(`${feature}: ${String(error)}`));
  workspaceSymbols(f.project, '...');
  workspaceSymbols(f.project, '');
  setInternalErrorReporter(previous);
  assert.deepEqual(errors, []);
});

// Real schemas from the shared corpus (read in place), at every seventh offset.
const CORPUS = join(__dirname, '../../../../shared/corpus');

test('real-world files from the corpus', () => {
  const files = [
    ['protobuf/src/google/protobuf/unittest_proto3.proto', 'google/protobuf/unittest_proto3.proto'],
    ['protobuf/src/google/protobuf/descriptor.proto', 'google/protobuf/descriptor.proto'],
    ['protobuf/src/google/protobuf/unittest_import.proto', 'google/protobuf/unittest_import.proto'],
    ['protobuf/src/google/protobuf/unittest_import_public.proto', 'google/protobuf/unittest_import_public.proto'],
  ] as const;
  assert.ok(existsSync(CORPUS), `corpus folder ${CORPUS} is missing: clone the shared corpus next to the repository`);
  let source = '';
  for (const [path, importPath] of files) source += `//- ${importPath}\n${readFileSync(join(CORPUS, path), 'utf8').replaceAll('$0', '')}\n`;
  const f = fixture(source);
  const errors: string[] = [];
  for (const [, importPath] of files.slice(0, 2)) {
    const file = f.file(importPath);
    const offsets = Array.from({ length: Math.ceil(file.text.length / 7) }, (_, i) => i * 7);
    allFeaturesAt(f.project, file.uri, offsets, errors);
  }
  assert.deepEqual(errors, []);
});
