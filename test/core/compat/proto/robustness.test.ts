/**
 * Bad input never crashes a check: schemas cut off anywhere or with random bytes removed are
 * compared both ways with every buf rule and every Confluent mode. The result must be findings
 * whose spans lie inside the files they name, and nothing thrown.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBreaking } from '../../../../server/src/core/compat/proto/check';
import { CONFLUENT_MODES, checkConfluentProto } from '../../../../server/src/core/compat/proto/confluent/check';
import { buildProtoImageFromTexts } from '../../../../server/src/core/compat/proto/fromTexts';
import type { Finding } from '../../../../server/src/core/compat/finding';
import { BREAKING } from './bufCases';
import { protoFilesUnder } from './load';
import { SOURCES } from './mutations';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 4294967296;
  };
}

const ALL = { version: 'v2' as const, use: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'] };

test('cut and damaged schemas are compared without a crash, and findings stay inside their files', () => {
  const random = rng(7);
  const files = [...protoFilesUnder(join(BREAKING, 'current')).filter((_, i) => i % 6 === 0), ...SOURCES];
  let compared = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const variants: string[] = [];
    for (let i = 0; i < 4; i++) variants.push(text.slice(0, Math.floor(random() * text.length)));
    for (let i = 0; i < 4; i++) {
      const at = Math.floor(random() * text.length);
      variants.push(text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20)));
    }
    variants.push('', '}}}{{{', 'message { oneof { map<,> = ; } }', text.replace(/=\s*\d+/g, '= 1'));
    for (const variant of variants) {
      for (const [a, b] of [
        [text, variant],
        [variant, text],
      ] as const) {
        const texts = new Map([
          ['mem:///old/x.proto', a],
          ['mem:///new/x.proto', b],
        ]);
        const old = buildProtoImageFromTexts([{ uri: 'mem:///old/x.proto', path: 'x.proto' }], (u) => texts.get(u));
        const now = buildProtoImageFromTexts([{ uri: 'mem:///new/x.proto', path: 'x.proto' }], (u) => texts.get(u));
        const inside = (f: Finding) => {
          const t = texts.get(f.uri);
          assert.ok(t !== undefined, `${f.code} names a file of the comparison`);
          assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= t.length, `${f.code} span inside its file`);
          assert.ok(f.message.length > 0 && !f.message.endsWith('.'), f.message);
        };
        checkBreaking(old, now, ALL).forEach(inside);
        for (const mode of CONFLUENT_MODES) checkConfluentProto([old], now, mode).forEach(inside);
        compared++;
      }
    }
  }
  assert.ok(compared > 500, `${compared} comparisons`);
});
