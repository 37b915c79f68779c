// Tokenizes snippets with the real TextMate engine VS Code uses (vscode-textmate + oniguruma) and
// checks the scopes themes colour by. Each case: a snippet, then [token text, scope it must carry,
// occurrence]; the token is the first one in the snippet with exactly that text, or the nth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = join(__dirname, '..', '..');
const grammarFiles: Record<string, string> = {
  'source.proto': 'syntaxes/proto.tmLanguage.json',
  'source.avsc': 'syntaxes/avsc.tmLanguage.json',
  'source.avdl': 'syntaxes/avdl.tmLanguage.json',
};

const registry = (async () => {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
  return new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      const file = grammarFiles[scopeName];
      return file ? textmate.parseRawGrammar(readFileSync(join(root, file), 'utf8'), join(root, file)) : null;
    },
  });
})();

interface Token {
  text: string;
  scopes: string[];
}

async function tokenize(scopeName: string, source: string): Promise<Token[]> {
  const grammar = await (await registry).loadGrammar(scopeName);
  assert.ok(grammar, `${scopeName} loads`);
  const tokens: Token[] = [];
  let state = textmate.INITIAL;
  for (const line of source.split('\n')) {
    const res = grammar.tokenizeLine(line, state);
    state = res.ruleStack;
    for (const t of res.tokens) tokens.push({ text: line.slice(t.startIndex, t.endIndex).trim(), scopes: t.scopes });
  }
  return tokens;
}

type Case = [snippet: string, expected: [token: string, scope: string, occurrence?: number][]];

async function checkScopes(scopeName: string, cases: Case[]): Promise<void> {
  for (const [snippet, expected] of cases) {
    const tokens = await tokenize(scopeName, snippet);
    for (const [text, scope, occurrence = 1] of expected) {
      const token = tokens.filter((t) => t.text === text)[occurrence - 1];
      assert.ok(token, `no token ${JSON.stringify(text)} in ${JSON.stringify(snippet)}`);
      assert.ok(
        token.scopes.includes(scope),
        `${JSON.stringify(text)} in ${JSON.stringify(snippet)} has ${token.scopes.join(' ')}, not ${scope}`,
      );
    }
  }
}

test('proto: syntax, edition, package and imports', () =>
  checkScopes('source.proto', [
    ['edition = "2024";', [['edition', 'keyword.other.edition.proto'], ['2024', 'string.quoted.double.proto']]],
    ['syntax = "proto3";', [['syntax', 'keyword.other.syntax.proto'], ['=', 'keyword.operator.assignment.proto']]],
    ['package acme.orders.v1;', [['package', 'keyword.other.package.proto'], ['acme.orders.v1', 'entity.name.namespace.proto']]],
    ['import public "a.proto";', [['import', 'keyword.other.import.proto'], ['public', 'storage.modifier.import.proto']]],
    ['import weak "a.proto";', [['weak', 'storage.modifier.import.proto']]],
    ['import option "acme/options.proto";', [['option', 'storage.modifier.import.proto']]],
  ]));

test('proto: declarations, editions visibility, fields and enum values', () =>
  checkScopes('source.proto', [
    [
      'export message OrderPlaced {\n  repeated .acme.LineItem items = 2;\n}',
      [
        ['export', 'storage.modifier.visibility.proto'],
        ['message', 'keyword.other.message.proto'],
        ['OrderPlaced', 'entity.name.type.message.proto'],
        ['repeated', 'storage.modifier.label.proto'],
        ['.acme.LineItem', 'entity.name.type.proto'],
        ['items', 'variable.other.field.proto'],
        ['2', 'constant.numeric.field-number.proto'],
      ],
    ],
    ['local enum Status { STATUS_NEW = 0; STATUS_OLD = -1; }', [
      ['local', 'storage.modifier.visibility.proto'],
      ['Status', 'entity.name.type.enum.proto'],
      ['STATUS_NEW', 'variable.other.enummember.proto'],
      ['-1', 'constant.numeric.enum-value.proto'],
    ]],
    // A field may be named like a keyword: two words before `=` make it a field.
    ['  string message = 12;', [['string', 'storage.type.scalar.proto'], ['message', 'variable.other.field.proto']]],
    ['map<string, acme.Money> totals = 3;', [
      ['map', 'storage.type.map.proto'],
      ['string', 'storage.type.scalar.proto'],
      ['acme.Money', 'entity.name.type.proto'],
      ['totals', 'variable.other.field.proto'],
    ]],
    ['oneof event { OrderPaid paid = 11; }', [['oneof', 'keyword.other.oneof.proto'], ['event', 'variable.other.oneof.proto']]],
    ['optional group Result = 1 {}', [['group', 'keyword.other.group.proto'], ['Result', 'entity.name.type.message.proto']]],
    ['extend google.protobuf.FieldOptions {', [['extend', 'keyword.other.extend.proto'], ['google.protobuf.FieldOptions', 'entity.name.type.proto']]],
    ['reserved 5, 9 to max; reserved "coupon_code";', [
      ['reserved', 'keyword.other.reserved.proto'],
      ['to', 'keyword.other.to.proto'],
      ['max', 'constant.language.max.proto'],
      ['coupon_code', 'string.quoted.double.proto'],
    ]],
    ['extensions 100 to 199;', [['extensions', 'keyword.other.extensions.proto'], ['199', 'constant.numeric.decimal.proto']]],
  ]));

test('proto: services, with a header split over lines', () =>
  checkScopes('source.proto', [
    ['service Orders {\n  rpc Place(\n      stream PlaceRequest)\n      returns (Reply);\n}', [
      ['Orders', 'entity.name.type.service.proto'],
      ['rpc', 'keyword.other.rpc.proto'],
      ['Place', 'entity.name.function.rpc.proto'],
      ['stream', 'storage.modifier.stream.proto'],
      ['PlaceRequest', 'entity.name.type.proto'],
      ['returns', 'keyword.other.returns.proto'],
      ['Reply', 'entity.name.type.proto'],
    ]],
  ]));

test('proto: options, custom option names and compact options', () =>
  checkScopes('source.proto', [
    ['option (acme.events.topic) = "orders";', [
      ['option', 'keyword.other.option.proto'],
      ['acme.events.topic', 'entity.other.attribute-name.extension.proto'],
    ]],
    ['option features.field_presence = EXPLICIT;', [
      ['features', 'entity.other.attribute-name.proto'],
      ['field_presence', 'entity.other.attribute-name.proto'],
      ['EXPLICIT', 'constant.other.enum-value.proto'],
    ]],
    ['string id = 1 [deprecated = true, (acme.pii).level = 2];', [
      ['deprecated', 'entity.other.attribute-name.proto'],
      ['true', 'constant.language.boolean.proto'],
      ['acme.pii', 'entity.other.attribute-name.extension.proto'],
      ['level', 'entity.other.attribute-name.proto'],
    ]],
    ['option (acme.retry) = { attempts: 3 backoff { seconds: 2 } };', [
      ['attempts', 'variable.other.property.proto'],
      ['seconds', 'variable.other.property.proto'],
    ]],
  ]));

test('proto: numbers, strings with escapes and comments', () =>
  checkScopes('source.proto', [
    ['int32 a = 0x1F [default = 0x7f];', [['0x7f', 'constant.numeric.hex.proto']]],
    ['int32 a = 1 [default = 0777];', [['0777', 'constant.numeric.octal.proto']]],
    ['double a = 1 [default = -1.5e3];', [['-1.5e3', 'constant.numeric.float.proto']]],
    ['double a = 1 [default = .5];', [['.5', 'constant.numeric.float.proto']]],
    ['double a = 1 [default = -inf];', [['-inf', 'constant.numeric.float.proto']]],
    ['double a = 1 [default = nan];', [['nan', 'constant.numeric.float.proto']]],
    ['bytes b = 1 [default = "\\x00\\n\\101\\q"];', [
      ['\\x00', 'constant.character.escape.proto'],
      ['\\101', 'constant.character.escape.proto'],
      ['\\q', 'invalid.illegal.unknown-escape.proto'],
    ]],
    ["string s = 1 [json_name = 'caf\\u00e9'];", [['\\u00e9', 'constant.character.escape.proto']]],
    ['// The order id.', [['The order id.', 'comment.line.double-slash.proto']]],
    ['/** Placed when checkout completes. */', [['Placed when checkout completes.', 'comment.block.documentation.proto']]],
    ['/* not\n   documentation */ message A {}', [['documentation', 'comment.block.proto'], ['A', 'entity.name.type.message.proto']]],
  ]));

test('proto: keywords of a statement still being typed', () =>
  checkScopes('source.proto', [
    ['message', [['message', 'keyword.other.proto']]],
    ['  optional string', [['optional', 'storage.modifier.label.proto'], ['string', 'storage.type.scalar.proto']]],
  ]));

test('avsc: Avro keys, type names, field names and symbols', () =>
  checkScopes('source.avsc', [
    [
      '{"type": "record", "name": "OrderPlaced", "namespace": "acme.orders", "fields": [\n' +
        '  {"name": "order_id", "type": "string"},\n' +
        '  {"name": "total", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},\n' +
        '  {"name": "note", "type": ["null", "acme.Note"], "default": null},\n' +
        '  {"name": "reason", "type": {"type": "enum", "name": "Reason", "symbols": ["OUT_OF_STOCK"]}}\n' +
        ']}',
      [
        ['type', 'keyword.other.key.avro'],
        ['record', 'storage.type.avro'],
        ['OrderPlaced', 'entity.name.type.avro'],
        ['acme.orders', 'entity.name.namespace.avro'],
        ['fields', 'keyword.other.key.avro'],
        ['order_id', 'variable.other.property.avro'],
        ['string', 'support.type.primitive.avro'],
        ['decimal', 'support.type.logical.avro'],
        ['12', 'constant.numeric.avsc'],
        ['acme.Note', 'entity.name.type.avro'],
        ['Reason', 'entity.name.type.avro'],
        ['OUT_OF_STOCK', 'variable.other.enummember.avro'],
      ],
    ],
    // `null` is a type in a type position and a value elsewhere.
    ['{"name": "note", "type": ["null", "string"], "default": null}', [['null', 'support.type.primitive.avro'], ['null', 'constant.language.avsc', 2]]],
    // A top-level array is a union of types.
    ['["null", "acme.orders.OrderPaid"]', [['null', 'support.type.primitive.avro'], ['acme.orders.OrderPaid', 'entity.name.type.avro']]],
    ['{"doc": "say \\"hi\\"", "x-custom": 1}', [['\\"', 'constant.character.escape.avsc'], ['x-custom', 'support.type.property-name.avsc']]],
  ]));

test('avdl: keywords, types, annotations, comments and strings', () =>
  checkScopes('source.avdl', [
    [
      '/** Orders. */\n@namespace("acme.orders")\nprotocol Orders {\n' +
        '  import idl "money.avdl";\n' +
        '  record OrderPlaced { union { null, string } note = null; timestamp_ms placed_at; }\n' +
        '  void ping() oneway; // health check\n}',
      [
        ['Orders.', 'comment.block.documentation.avdl'],
        ['namespace', 'storage.type.annotation.avdl'],
        ['acme.orders', 'string.quoted.double.avdl'],
        ['protocol', 'keyword.other.declaration.avdl'],
        ['Orders', 'entity.name.type.avdl'],
        ['idl', 'storage.modifier.import.avdl'],
        ['OrderPlaced', 'entity.name.type.avdl'],
        ['union', 'keyword.other.avdl'],
        ['timestamp_ms', 'support.type.primitive.avdl'],
        ['void', 'support.type.primitive.avdl'],
        ['ping', 'entity.name.function.avdl'],
        ['oneway', 'keyword.other.avdl'],
        ['health check', 'comment.line.double-slash.avdl'],
      ],
    ],
  ]));

test('every include in a grammar names a rule that exists', () => {
  for (const file of Object.values(grammarFiles)) {
    const grammar = JSON.parse(readFileSync(join(root, file), 'utf8'));
    const includes = [...JSON.stringify(grammar).matchAll(/"include":"#([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(includes.length > 0, file);
    for (const name of includes) assert.ok(name in grammar.repository, `${file} includes #${name}`);
  }
});
