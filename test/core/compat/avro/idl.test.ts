// Avro IDL through the compatibility check: an IDL file and its JSON equivalent are the same
// schema (no findings either way), and IDL pairs give python3-avro's answer on their JSON forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileResolver, parseAvdl, parseAvro, schemaToJson } from '../../../../server/src/core/avro/index';
import { checkAvroCompat, checkAvroMode, pairSchemas } from '../../../../server/src/core/compat/avro/index';
import { assertSameAsOracle } from './helpers';
import { oracle } from './oracle';

const dir = join(__dirname, '..', '..', 'avro', 'fixtures', 'idl');

test('each IDL fixture and its JSON equivalent are compatible both ways, type by type', () => {
  const names = readdirSync(dir).filter((f) => f.endsWith('.avdl'));
  assert.ok(names.length >= 3);
  for (const name of names) {
    const base = name.replace(/\.avdl$/, '');
    const jsonPath = [join(dir, `${base}.avpr`), join(dir, `${base}.avsc`)].find(existsSync)!;
    const idl = { file: parseAvro(readFileSync(join(dir, name), 'utf8'), 'avdl'), uri: name };
    const json = { file: parseAvro(readFileSync(jsonPath, 'utf8'), jsonPath.endsWith('.avpr') ? 'avpr' : 'avsc'), uri: jsonPath };
    assert.ok(pairSchemas(idl.file, json.file).length > 0 && pairSchemas(json.file, idl.file).length > 0, `${name}: schemas are paired`);
    assert.deepEqual(checkAvroMode(idl, [json], 'FULL'), [], `${name} against its JSON`);
    assert.deepEqual(checkAvroMode(json, [idl], 'FULL'), [], `its JSON against ${name}`);
  }
});

const header = 'namespace shop; schema Order;';
const idlPairs: [name: string, reader: string, writer: string][] = [
  ['nullable field added without default', `${header} record Order { long id; string? note; }`, `${header} record Order { long id; }`],
  ['nullable field added with null', `${header} record Order { long id; string? note = null; }`, `${header} record Order { long id; }`],
  ['promotion and narrowing', `${header} record Order { double id; int qty; }`, `${header} record Order { int id; long qty; }`],
  ['enum symbols and default', `${header} enum S { A, B } = A; record Order { S s; } `, `${header} enum S { A, B, C } record Order { S s; }`],
  ['enum symbols without default', `${header} enum S { A, B } record Order { S s; }`, `${header} enum S { A, B, C } record Order { S s; }`],
  ['fixed size and logical types', `${header} fixed H(8); record Order { H h; date d; decimal(9,2) amount; }`, `${header} fixed H(16); record Order { H h; int d; decimal(4,1) amount; }`],
  ['union branches', `${header} record Order { union { null, string } v = null; }`, `${header} record Order { union { null, string, array<int> } v = null; }`],
  ['renamed with an alias', `${header} @aliases(["shop.Order"]) record Purchase { long id; }`.replace('schema Order', 'schema Purchase'), `${header} record Order { long id; }`],
  ['renamed field with an alias', `${header} record Order { long @aliases(["id"]) key; }`, `${header} record Order { long id; }`],
  ['map and array values', `${header} record Order { map<array<long>> m; }`, `${header} record Order { map<array<string>> m; }`],
];

test('IDL pairs get python3-avro\'s answer on their JSON forms', () => {
  const json = (text: string) => {
    const file = parseAvdl(text);
    assert.deepEqual(file.diagnostics.filter((d) => d.severity === 'error'), [], text);
    return { file, text: JSON.stringify(schemaToJson(file.schema!, fileResolver(file))) };
  };
  const rows = idlPairs.map(([name, r, w]) => ({ name, reader: json(r), writer: json(w) }));
  const answers = oracle(rows.map((r) => ({ reader: r.reader.text, writer: r.writer.text })));
  let incompatible = 0;
  rows.forEach((row, i) => {
    const got = checkAvroCompat({ schema: row.reader.file.schema!, file: row.reader.file }, { schema: row.writer.file.schema!, file: row.writer.file });
    assertSameAsOracle(got, answers[i]!, row.name);
    if (!got.compatible) incompatible++;
  });
  assert.ok(incompatible >= 5 && incompatible < rows.length, 'the pairs are a mix');
});
