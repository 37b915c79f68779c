// Shared by the Avro compatibility tests: parse two schema texts, run our checker, and compare
// with python3-avro's answer (see oracle.ts).
import assert from 'node:assert/strict';
import { parseAvro, type AvroSyntax } from '../../../../server/src/core/avro/index';
import { checkAvroCompat, type AvroCompatResult } from '../../../../server/src/core/compat/avro/index';
import type { OracleAnswer } from './oracle';

export function ours(reader: string, writer: string, syntax: AvroSyntax = 'avsc'): AvroCompatResult {
  const r = parseAvro(reader, syntax);
  const w = parseAvro(writer, syntax);
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), [], `reader parses:\n${reader}`);
  assert.deepEqual(w.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), [], `writer parses:\n${writer}`);
  assert.ok(r.schema && w.schema, 'both texts have a schema');
  return checkAvroCompat({ schema: r.schema, file: r }, { schema: w.schema, file: w });
}

export const sortedTypes = (r: AvroCompatResult): string[] => r.incompatibilities.map((i) => i.type).sort();
export const pairs = (r: AvroCompatResult): string[] => r.incompatibilities.map((i) => `${i.type} ${i.location}`).sort();

/**
 * Asserts that python3-avro's run is self-consistent (the location bookkeeping changed neither
 * verdict nor types) and that our verdict, types and (type, location) pairs equal its own.
 */
export function assertSameAsOracle(got: AvroCompatResult, answer: OracleAnswer, what: string): void {
  assert.ok(answer.ok, `python3-avro cannot judge ${what}: ${answer.error}`);
  assert.equal(answer.trackedCompatible, answer.compatible, `tracked run keeps the verdict: ${what}`);
  assert.deepEqual(answer.details.map((d) => d[0]).sort(), answer.types, `tracked run keeps the types: ${what}`);
  assert.equal(got.compatible, answer.compatible, `verdict of ${what}`);
  assert.deepEqual(sortedTypes(got), answer.types, `incompatibility types of ${what}`);
  assert.deepEqual(pairs(got), answer.details.map((d) => `${d[0]} ${d[1]}`).sort(), `types and locations of ${what}`);
}
