// Confluent's modes over a version history, against python3-avro: python judges every current
// schema against every earlier version in both directions, a small model of Confluent's mode
// rules (written here from its documentation, independently of ours) picks what each mode
// reports, and checkAvroMode must report exactly that.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAvro } from '../../../../server/src/core/avro/index';
import { AVRO_COMPAT_MODES, checkAvroMode, type AvroCompatMode } from '../../../../server/src/core/compat/avro/index';
import { oracle, type OracleAnswer } from './oracle';

type J = unknown;
const order = (...fields: J[]): string => JSON.stringify({ type: 'record', name: 'Order', namespace: 'shop', fields });
const f = (name: string, type: J, extra: Record<string, J> = {}) => ({ name, type, ...extra });
const note = f('note', ['null', 'string'], { default: null });

const legacy = f('legacy', 'string');
const tag = f('tag', 'string', { default: '' });

/** Oldest first. */
const history = [
  order(f('id', 'string'), f('qty', 'int'), legacy),
  order(f('id', 'string'), f('qty', 'int'), f('legacy', 'string', { default: '' }), note),
  order(f('id', 'string'), f('qty', 'int'), note, tag),
];

const currents: Record<string, string> = {
  'is the latest version': history[2]!,
  'keeps every field, with defaults': order(f('id', 'string'), f('qty', 'int'), f('legacy', 'string', { default: '' }), note, tag),
  'adds a field with a default': order(f('id', 'string'), f('qty', 'int'), note, tag, f('extra', 'int', { default: 0 })),
  'adds a field without a default': order(f('id', 'string'), f('qty', 'int'), note, f('extra', 'int')),
  'requires a field the oldest version lacks': order(f('id', 'string'), f('qty', 'int'), f('note', ['null', 'string']), tag),
  'promotes fields': order(f('id', 'bytes'), f('qty', 'long'), note, tag),
  'drops fields without defaults': order(f('qty', 'int')),
  'changes a type': order(f('id', 'string'), f('qty', 'string'), note, tag),
};

type Direction = 'backward' | 'forward';

/** Confluent: which versions, which directions; transitive modes stop at the newest failing version. */
function confluent(mode: AvroCompatMode, judge: (version: number, direction: Direction) => OracleAnswer, versions: number): string[] {
  if (mode === 'NONE') return [];
  const directions: Direction[] = mode.startsWith('FULL') ? ['forward', 'backward'] : mode.startsWith('FORWARD') ? ['forward'] : ['backward'];
  const checked = mode.endsWith('_TRANSITIVE') ? [...Array(versions).keys()].reverse() : [versions - 1];
  for (const v of checked) {
    const found = directions.flatMap((d) => judge(v, d).details.map(([type, location]) => `${v} ${d} ${type} ${location}`));
    if (found.length > 0) return [...new Set(found)].sort();
  }
  return [];
}

test('every mode reports what Confluent reports, judged by python3-avro', () => {
  const names = Object.keys(currents);
  const pairs = names.flatMap((n) =>
    history.flatMap((old) => [
      { reader: currents[n]!, writer: old },
      { reader: old, writer: currents[n]! },
    ]),
  );
  const answers = oracle(pairs);
  assert.ok(answers.every((a) => a.ok && a.compatible === a.trackedCompatible));
  const previous = history.map((text, i) => ({ file: parseAvro(text, 'avsc'), uri: `v${i}` }));
  const outcomes = new Set<string>();
  names.forEach((name, c) => {
    const judge = (version: number, direction: Direction) => answers[(c * history.length + version) * 2 + (direction === 'backward' ? 0 : 1)]!;
    for (const mode of AVRO_COMPAT_MODES) {
      const expected = confluent(mode, judge, history.length);
      const got = checkAvroMode({ file: parseAvro(currents[name]!, 'avsc'), uri: 'now' }, previous, mode);
      const rendered = [...new Set(got.map((x) => `${x.version} ${x.direction} ${x.code} ${x.location}`))].sort();
      assert.deepEqual(rendered, expected, `${mode}: the current schema ${name}`);
      outcomes.add(`${mode} ${expected.length === 0 ? 'passes' : 'fails'}`);
      for (const x of got) assert.equal(x.baseline?.uri, `v${x.version}`);
    }
  });
  // The history exercises every mode both ways.
  for (const mode of AVRO_COMPAT_MODES.filter((m) => m !== 'NONE')) {
    assert.ok(outcomes.has(`${mode} passes`) && outcomes.has(`${mode} fails`), `${mode} both passes and fails somewhere`);
  }
});

test('transitive modes stop at the newest failing version unless every version is asked for', () => {
  const now = { file: parseAvro(currents['adds a field without a default']!, 'avsc'), uri: 'now' };
  const previous = history.map((text, i) => ({ file: parseAvro(text, 'avsc'), uri: `v${i}` }));
  const versions = (allVersions: boolean) => [...new Set(checkAvroMode(now, previous, 'BACKWARD_TRANSITIVE', { allVersions }).map((x) => x.version))].sort();
  assert.deepEqual(versions(false), [2]);
  assert.deepEqual(versions(true), [0, 1, 2]);
  assert.deepEqual(checkAvroMode(now, [], 'FULL_TRANSITIVE'), [], 'no earlier version, nothing to break');
});
