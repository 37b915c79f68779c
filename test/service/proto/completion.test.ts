import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { ProtoProject } from '../../../server/src/core/proto/project';
import { completion } from '../../../server/src/service/proto/completion';
import { applyEdits, fixture } from '../fixture';

interface Expect {
  /** The exact labels, in order. */
  readonly labels?: readonly string[];
  readonly includes?: readonly string[];
  readonly excludes?: readonly string[];
  /** label -> the text of the cursor's file after accepting that item. */
  readonly apply?: Readonly<Record<string, string>>;
}

function checkCompletion(source: string, expected: Expect): void {
  const f = fixture(source);
  const items = completion(f.project, f.uri, f.position).items;
  const labels = items.map((i) => i.label);
  if (expected.labels) assert.deepEqual(labels, expected.labels);
  for (const l of expected.includes ?? []) assert.ok(labels.includes(l), `expected ${l} in ${JSON.stringify(labels)}`);
  for (const l of expected.excludes ?? []) assert.ok(!labels.includes(l), `did not expect ${l} in ${JSON.stringify(labels)}`);
  for (const [label, after] of Object.entries(expected.apply ?? {})) {
    const item = items.find((i) => i.label === label);
    assert.ok(item, `no item ${label} in ${JSON.stringify(labels)}`);
    assert.equal(applyEdits(f.text, editsOf(item)), after, `after accepting ${label}`);
  }
}

function editsOf(item: CompletionItem): TextEdit[] {
  return [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])];
}

const SCALARS = ['double', 'float', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'fixed32', 'fixed64', 'sfixed32', 'sfixed64', 'bool', 'string', 'bytes'];

test('top-level keywords', () => {
  checkCompletion('$0', {
    labels: ['syntax', 'edition', 'package', 'import', 'option', 'message', 'enum', 'service', 'extend'],
    apply: { message: 'message\n' },
  });
  checkCompletion('syntax = "proto3";\nmes$0\n', { includes: ['message'], apply: { message: 'syntax = "proto3";\nmessage\n' } });
});

test('syntax and edition values, quoted or inside the string', () => {
  checkCompletion('syntax = $0', { labels: ['"proto2"', '"proto3"'], apply: { '"proto3"': 'syntax = "proto3"\n' } });
  checkCompletion('syntax = "pr$0";\n', { labels: ['proto2', 'proto3'], apply: { proto3: 'syntax = "proto3";\n' } });
  checkCompletion('edition = $0', { labels: ['"2023"', '"2024"'] });
});

test('message body keywords follow the syntax', () => {
  const body = (syntax: string) => `${syntax}\nmessage A {\n  $0\n}\n`;
  checkCompletion(body('syntax = "proto3";'), {
    includes: ['optional', 'repeated', 'message', 'enum', 'oneof', 'map', 'reserved', 'option', 'extend', ...SCALARS, 'A'],
    excludes: ['required', 'group', 'extensions', 'syntax', 'service'],
  });
  checkCompletion(body('syntax = "proto2";'), { includes: ['optional', 'required', 'repeated', 'group', 'extensions'] });
  checkCompletion(body(''), { includes: ['required', 'group'] });
  checkCompletion(body('edition = "2023";'), { includes: ['repeated', 'extensions'], excludes: ['optional', 'required', 'group'] });
});

test('enum, service, rpc and oneof bodies', () => {
  checkCompletion('enum E {\n  $0\n}\n', { labels: ['option', 'reserved'] });
  checkCompletion('service S {\n  $0\n}\n', { labels: ['rpc', 'option'] });
  checkCompletion('message R {}\nservice S {\n  rpc A(R) returns (R) {\n    $0\n  }\n}\n', { labels: ['option'] });
  checkCompletion('syntax = "proto3";\nmessage M {\n  oneof o {\n    $0\n  }\n}\n', {
    includes: ['option', 'string', 'M'],
    excludes: ['optional', 'repeated', 'message'],
  });
});

test('after a label: types only', () => {
  checkCompletion('syntax = "proto3";\nmessage Money {}\nmessage A {\n  repeated Mo$0\n  string b = 2;\n}\n', {
    includes: ['Money', 'string', 'A'],
    excludes: ['message', 'repeated'],
    apply: { Money: 'syntax = "proto3";\nmessage Money {}\nmessage A {\n  repeated Money\n  string b = 2;\n}\n' },
  });
});

const orders = `
//- acme/common/v1/money.proto
syntax = "proto3";
package acme.common.v1;
// An amount of money.
message Money { int64 units = 1; }
//- acme/orders/v1/status.proto
syntax = "proto3";
package acme.orders.v1;
enum Status { STATUS_UNSPECIFIED = 0; }
//- google/protobuf/timestamp.proto
syntax = "proto3";
package google.protobuf;
message Timestamp {}
`;

test('types are named as briefly as resolution allows', () => {
  checkCompletion(
    `${orders}
//- acme/orders/v1/orders.proto
syntax = "proto3";
package acme.orders.v1;
import "acme/common/v1/money.proto";
message Order {
  message Item {}
  $0
}
message Other {}
`,
    { includes: ['Item', 'Order', 'Other', 'common.v1.Money'], excludes: ['acme.common.v1.Money', '.acme.common.v1.Money'] },
  );
  checkCompletion(
    `
package p;
message Order { message Item {} }
message Other { It$0 }
`,
    { includes: ['Order.Item'], excludes: ['Item'] },
  );
});

test('a type from a file not imported yet adds the import', () => {
  const source = `${orders}
//- acme/orders/v1/orders.proto
syntax = "proto3";
package acme.orders.v1;
import "acme/common/v1/money.proto";

message Order {
  common.v1.Money total = 1;
  Sta$0
}
`;
  checkCompletion(source, {
    includes: ['Status'],
    apply: {
      Status:
        'syntax = "proto3";\npackage acme.orders.v1;\nimport "acme/common/v1/money.proto";\nimport "acme/orders/v1/status.proto";\n\nmessage Order {\n  common.v1.Money total = 1;\n  Status\n}\n',
    },
  });
  const f = fixture(source);
  const status = completion(f.project, f.uri, f.position).items.find((i) => i.label === 'Status')!;
  assert.deepEqual(status.labelDetails, { description: 'import "acme/orders/v1/status.proto"' });
  // With no imports, the new one goes after the package statement.
  checkCompletion(`${orders}\n//- acme/x.proto\nsyntax = "proto3";\npackage acme;\nmessage X { google.protobuf.Time$0 }\n`, {
    apply: {
      'google.protobuf.Timestamp':
        'syntax = "proto3";\npackage acme;\n\nimport "google/protobuf/timestamp.proto";\nmessage X { google.protobuf.Timestamp }\n',
    },
  });
});

test('types of files not imported are offered once two letters are typed, matching fuzzily', () => {
  const source = `${orders}
//- acme/orders/v1/orders.proto
syntax = "proto3";
package acme.orders.v1;
message Order { $0 }
`;
  const at = (typed: string) => {
    const f = fixture(source.replace('$0', `${typed}$0`));
    return completion(f.project, f.uri, f.position);
  };
  const empty = at('');
  assert.equal(empty.isIncomplete, true);
  assert.ok(!empty.items.some((i) => i.label === 'Status' || i.label === 'google.protobuf.Timestamp'));
  assert.ok(empty.items.some((i) => i.label === 'Order'));
  assert.ok(!at('S').items.some((i) => i.label === 'Status'));
  assert.deepEqual(at('St').items.filter((i) => i.additionalTextEdits).map((i) => i.label), ['Status']);
  assert.deepEqual(at('gtime').items.filter((i) => i.additionalTextEdits).map((i) => i.label), []);
  assert.deepEqual(at('tmstmp').items.filter((i) => i.additionalTextEdits).map((i) => i.label), ['google.protobuf.Timestamp']);
  assert.deepEqual(at('mny').items.filter((i) => i.additionalTextEdits).map((i) => i.label), ['common.v1.Money']);
});

test('types of files not imported are capped, and a capped list is incomplete', () => {
  let source = '';
  for (let i = 0; i < 150; i++) source += `//- t${i}.proto\npackage p${i};\nmessage Type${i} {}\n`;
  const f = fixture(`${source}//- main.proto\nmessage M { Ty$0 }\n`);
  const list = completion(f.project, f.uri, f.position);
  assert.equal(list.items.filter((i) => i.additionalTextEdits).length, 100);
  assert.equal(list.isIncomplete, true);
});

test('no auto-import of a file that imports this one', () => {
  checkCompletion(
    `
//- a.proto
import "b.proto";
message A { Co$0 }
//- b.proto
message B {}
//- c.proto
import "a.proto";
message Common {}
//- d.proto
message Company {}
`,
    { includes: ['Company'], excludes: ['Common'] },
  );
});

test('type completion parses no background file whose types it does not offer', () => {
  // Indexed files are cold: only their symbols and imports stay in memory, and reading a
  // declaration parses the file again (googleapis holds thousands of them).
  const project = new ProtoProject();
  const uri = (name: string) => `file:///ws/${name}.proto`;
  for (let i = 0; i < 10; i++) {
    const text = `syntax = "proto2";\npackage z${i};\nimport "zed${(i + 1) % 10}.proto";\nmessage Zed${i} { optional group Grp = 1 {} }\n`;
    project.setFile({ uri: uri(`zed${i}`), importPath: `zed${i}.proto`, text }, { cold: true });
  }
  project.setFile({ uri: uri('status'), importPath: 'status.proto', text: 'syntax = "proto3";\npackage s;\nmessage Status {}\n' }, { cold: true });
  const main = 'syntax = "proto3";\nmessage Order {\n  Sta\n}\n';
  project.setFile({ uri: uri('main'), importPath: 'main.proto', text: main });
  const labels = completion(project, uri('main'), { line: 2, character: 5 }).items.map((i) => i.label);
  assert.ok(labels.includes('s.Status'), JSON.stringify(labels));
  const warm = (name: string) => (project.get(uri(name)) as unknown as { isWarm: boolean }).isWarm;
  assert.deepEqual([...Array(10).keys()].filter((i) => warm(`zed${i}`)), []);
});

test('completion far beyond the nesting the parser accepts resolves from the deepest declared scope', () => {
  // 1,000 nested messages: the parser declares the first 100 and reports the rest. Resolving
  // every candidate name from a scope 600 levels deep cost millions of lookups (seconds).
  class CountingProject extends ProtoProject {
    lookups = 0;
    override lookup(fullName: string) {
      this.lookups++;
      return super.lookup(fullName);
    }
  }
  const text = 'syntax = "proto3";\n' + 'message M { '.repeat(1000) + '}'.repeat(1000) + '\n';
  const project = new CountingProject();
  project.setFile({ uri: 'file:///ws/deep.proto', importPath: 'deep.proto', text });
  const at = (levels: number) => {
    project.lookups = 0;
    const offset = text.indexOf('{') + 1 + 'message M { '.length * (levels - 1);
    const labels = completion(project, 'file:///ws/deep.proto', { line: 1, character: offset - text.indexOf('\n') - 1 }).items.map((i) => i.label);
    return { labels, lookups: project.lookups };
  };
  const limit = at(100);
  const far = at(600);
  assert.ok(limit.labels.includes('M'));
  assert.deepEqual(far.labels, limit.labels);
  assert.ok(far.lookups < 2 * limit.lookups, `${far.lookups} lookups 600 levels deep, ${limit.lookups} at the limit`);
});

test('a typed qualifier keeps its form', () => {
  checkCompletion(`${orders}\n//- x.proto\npackage x;\nmessage X { acme.com$0 }\n`, {
    includes: ['acme.common.v1.Money'],
    excludes: ['Status', 'string'],
  });
  checkCompletion(`${orders}\n//- x.proto\npackage x;\nmessage X { .acme.$0 }\n`, {
    includes: ['.acme.common.v1.Money', '.acme.orders.v1.Status'],
    apply: { '.acme.orders.v1.Status': 'package x;\n\nimport "acme/orders/v1/status.proto";\nmessage X { .acme.orders.v1.Status }\n' },
  });
});

test('the next free field number skips used, reserved, extension and implementation-reserved numbers', () => {
  checkCompletion('message A {\n  string a = 1;\n  reserved 2, 3 to 4;\n  oneof o { int32 b = 5; }\n  string c = $0\n}\n', {
    labels: ['6'],
    apply: { '6': 'message A {\n  string a = 1;\n  reserved 2, 3 to 4;\n  oneof o { int32 b = 5; }\n  string c = 6\n}\n' },
  });
  checkCompletion('message A {\n  string a = 18999;\n  optional string c = $0', { labels: ['20000'] });
  checkCompletion('syntax = "proto2";\nmessage A {\n  optional string a = 9;\n  extensions 10 to 20;\n  reserved 21;\n  optional int32 c = $0;\n}\n', { labels: ['22'] });
  checkCompletion('message A {\n  $0\n}\n', { excludes: ['1'] });
  checkCompletion('message A {\n  string c = $0\n}\n', { labels: ['1'] });
  checkCompletion('message A {\n  map<string, int32> m = $0\n  string a = 3;\n}\n', { labels: ['4'] });
  checkCompletion('message A {\n  message B { string x = 7; }\n  string c = $0\n}\n', { labels: ['1'] });
});

test('the next free enum number', () => {
  checkCompletion('enum E {\n  A = 0;\n  B = 3;\n  reserved 4;\n  C = $0\n}\n', { labels: ['5'] });
  checkCompletion('enum E {\n  A = $0\n}\n', { labels: ['0'] });
});

const imports = `
//- acme/common/v1/money.proto
message Money {}
//- acme/orders/v1/orders.proto
message Order {}
//- acme/orders/v1/uses_main.proto
import "main.proto";
`;

test('import paths inside the string, filtered by prefix, without this file or its importers', () => {
  checkCompletion(`${imports}\n//- main.proto\nimport "acme/o$0";\n`, {
    labels: ['acme/orders/v1/orders.proto'],
    apply: { 'acme/orders/v1/orders.proto': 'import "acme/orders/v1/orders.proto";\n' },
  });
  checkCompletion(`${imports}\n//- main.proto\nimport "acme/common/v1/money.proto";\nimport "$0";\n`, {
    includes: ['acme/orders/v1/orders.proto', 'google/protobuf/timestamp.proto', 'google/protobuf/descriptor.proto'],
    excludes: ['main.proto', 'acme/common/v1/money.proto', 'acme/orders/v1/uses_main.proto'],
  });
  checkCompletion(`${imports}\n//- main.proto\nimport "time$0`, { labels: ['google/protobuf/timestamp.proto'] });
});

test('after `import`: modifiers and quoted paths', () => {
  checkCompletion(`${imports}\n//- main.proto\nimport $0\n`, {
    includes: ['public', 'weak', 'acme/orders/v1/orders.proto'],
    apply: { 'acme/orders/v1/orders.proto': 'import "acme/orders/v1/orders.proto";\n' },
  });
});

test('package name from the file path', () => {
  checkCompletion('//- acme/orders/v1/orders.proto\nsyntax = "proto3";\npackage $0', {
    labels: ['acme.orders.v1'],
    apply: { 'acme.orders.v1': 'syntax = "proto3";\npackage acme.orders.v1\n' },
  });
});

const opts = `
//- google/protobuf/descriptor.proto
syntax = "proto2";
package google.protobuf;
message FileOptions { extensions 1000 to max; }
message FieldOptions { extensions 1000 to max; }
message MessageOptions { extensions 1000 to max; }
//- acme/opts.proto
syntax = "proto3";
package acme.opts;
import "google/protobuf/descriptor.proto";
enum Level { LEVEL_UNSPECIFIED = 0; LEVEL_HIGH = 1; }
extend google.protobuf.FieldOptions { bool sensitive = 50001; Level level = 50002; }
extend google.protobuf.FileOptions { string owner = 50003; }
`;

test('option names by declaration kind, custom options by extendee', () => {
  checkCompletion(`${opts}\n//- main.proto\nsyntax = "proto3";\nimport "acme/opts.proto";\noption $0\n`, {
    includes: ['java_package', 'go_package', 'optimize_for', 'deprecated', '(acme.opts.owner)'],
    excludes: ['packed', 'json_name', '(acme.opts.sensitive)', 'uninterpreted_option'],
    apply: { '(acme.opts.owner)': 'syntax = "proto3";\nimport "acme/opts.proto";\noption (acme.opts.owner)\n' },
  });
  checkCompletion(`${opts}\n//- main.proto\nsyntax = "proto3";\nimport "acme/opts.proto";\nmessage M {\n  string a = 1 [$0];\n}\n`, {
    includes: ['deprecated', 'json_name', 'packed', '(acme.opts.sensitive)', '(acme.opts.level)'],
    excludes: ['java_package', '(acme.opts.owner)', 'default'],
  });
  checkCompletion('syntax = "proto3";\nmessage M {\n  option $0\n}\n', { includes: ['deprecated', 'map_entry'], excludes: ['packed', 'java_package'] });
  checkCompletion('enum E {\n  A = 0 [$0];\n}\n', { includes: ['deprecated', 'debug_redact'], excludes: ['allow_alias'] });
  checkCompletion('enum E {\n  option $0\n}\n', { includes: ['allow_alias'] });
});

test('custom option names after `(`, with the import added when missing', () => {
  checkCompletion(`${opts}\n//- main.proto\nsyntax = "proto3";\npackage acme.app;\nmessage M {\n  string a = 1 [deprecated = true, ($0\n}\n`, {
    labels: ['opts.sensitive)', 'opts.level)'],
    apply: {
      'opts.sensitive)':
        'syntax = "proto3";\npackage acme.app;\n\nimport "acme/opts.proto";\nmessage M {\n  string a = 1 [deprecated = true, (opts.sensitive)\n}\n',
    },
  });
  checkCompletion(`${opts}\n//- main.proto\nsyntax = "proto3";\npackage acme.opts;\nmessage M {\n  string a = 1 [(sen$0)];\n}\n`, {
    apply: { sensitive: 'syntax = "proto3";\npackage acme.opts;\n\nimport "acme/opts.proto";\nmessage M {\n  string a = 1 [(sensitive)];\n}\n' },
  });
});

test('option values: booleans, built-in enums, features and custom enums', () => {
  checkCompletion('option optimize_for = $0', { labels: ['SPEED', 'CODE_SIZE', 'LITE_RUNTIME'] });
  checkCompletion('message M { string a = 1 [deprecated = $0]; }\n', {
    labels: ['true', 'false'],
    apply: { true: 'message M { string a = 1 [deprecated = true]; }\n' },
  });
  checkCompletion('edition = "2023";\noption features.$0', { includes: ['features.field_presence', 'features.enum_type'] });
  checkCompletion('edition = "2023";\noption features.field_presence = $0', { labels: ['EXPLICIT', 'IMPLICIT', 'LEGACY_REQUIRED'] });
  checkCompletion(`${opts}\n//- main.proto\nimport "acme/opts.proto";\nmessage M { string a = 1 [(acme.opts.level) = $0]; }\n`, {
    labels: ['LEVEL_UNSPECIFIED', 'LEVEL_HIGH'],
  });
});

test('rpc input and output types are messages; `returns` after the input', () => {
  const svc = (line: string) => `syntax = "proto3";\nmessage Req {}\nenum E { E_UNSPECIFIED = 0; }\nservice S {\n  ${line}\n}\n`;
  checkCompletion(svc('rpc Get($0'), { includes: ['stream', 'Req'], excludes: ['E', 'string', 'S'] });
  checkCompletion(svc('rpc Get(stream $0'), { includes: ['Req'], excludes: ['stream'] });
  checkCompletion(svc('rpc Get(Req) $0'), { labels: ['returns'] });
  checkCompletion(svc('rpc Get(Req) returns ($0'), {
    includes: ['stream', 'Req'],
    apply: { Req: svc('rpc Get(Req) returns (Req') },
  });
});

test('field names from the type; map key and value types', () => {
  checkCompletion('message OrderItem {}\nmessage A {\n  repeated OrderItem $0\n}\n', { labels: ['order_items'] });
  checkCompletion('message HTTPRequest {}\nmessage A {\n  HTTPRequest $0\n}\n', { labels: ['http_request'] });
  checkCompletion('message A {\n  string $0\n}\n', { labels: [] });
  checkCompletion('message A {\n  map<$0\n}\n', { includes: ['string', 'int64', 'bool'], excludes: ['double', 'bytes', 'A'] });
  checkCompletion('message A {\n  map<string, $0\n}\n', { includes: ['A', 'bytes'] });
});

test('nothing in comments, option aggregates, declared names, or unknown files', () => {
  checkCompletion('// mess$0\nmessage A {}\n', { labels: [] });
  checkCompletion('/* $0 */\n', { labels: [] });
  checkCompletion('message A {\n  option (x) = { $0 };\n}\n', { labels: [] });
  checkCompletion('message Fo$0', { labels: [] });
  checkCompletion('message A { string a = 1; }$0', {
    labels: ['syntax', 'edition', 'package', 'import', 'option', 'message', 'enum', 'service', 'extend'],
  });
  const f = fixture('message A {}\n');
  assert.deepEqual(completion(f.project, 'file:///none.proto', f.position).items, []);
  assert.ok(Array.isArray(completion(f.project, f.uri, { line: 50, character: 3 }).items));
});
