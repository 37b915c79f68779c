/**
 * Differential test against buf on generated mutation pairs (mutations.ts): every recorded pair
 * gets the same (line, rule ID) findings from us as from buf 1.75.0 with all four categories, and
 * the same messages in our style. buf's verdicts are in fixtures/mutations.buf.json; regenerate
 * them with `node --import tsx test/core/compat/proto/fixtures/mutations.ts` after changing the
 * generator (the test tells when a pair's texts no longer match the recorded ones).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkBreaking } from '../../../../server/src/core/compat/proto/check';
import { buildProtoImageFromTexts, type TextInput } from '../../../../server/src/core/compat/proto/fromTexts';
import type { Finding } from '../../../../server/src/core/compat/finding';
import { LineIndex } from '../../../../server/src/core/text/lineIndex';
import { pathOf, uriOf } from '../../../../server/src/host/protoFiles';
import { wktRoot } from '../../../../server/src/host/roots';
import { protoFilesUnder } from './load';
import { mutationPairs, type MutationPair } from './mutations';
import type { RecordedPair } from './fixtures/mutations';

const recorded = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'mutations.buf.json'), 'utf8')) as {
  tool: string;
  pairs: RecordedPair[];
};

function bufStyle(message: string): string {
  return message
    .replace(/\.$/, '')
    .replace(/^RPC /, 'rpc ')
    .replace(/^./, (c) => c.toLowerCase())
    .replace(/q moved from oneof/, ' moved from oneof')
    .replace(/rules\. Note that/, 'rules; note that')
    .replace(/\. ([A-Z])/g, (_, c: string) => `: ${c.toLowerCase()}`);
}

function image(pairs: readonly MutationPair[], side: 'previous' | 'current') {
  const texts = new Map<string, string>();
  const inputs: TextInput[] = [];
  for (const p of pairs) {
    const uri = `mem:///${side}/${p.id}/${p.file}`;
    texts.set(uri, p[side]);
    inputs.push({ uri, path: `${p.id}/${p.file}` });
  }
  const wkt = wktRoot();
  for (const f of protoFilesUnder(join(wkt, 'google', 'protobuf'))) {
    inputs.push({ uri: uriOf(f), path: relative(wkt, f).split(sep).join('/'), isImport: true });
  }
  return {
    image: buildProtoImageFromTexts(inputs, (uri) => texts.get(uri) ?? readFileSync(pathOf(uri)!, 'utf8')),
    texts,
  };
}

test('mutation pairs: the same findings as buf, pair by pair', () => {
  const byId = new Map(mutationPairs().map((p) => [p.id, p]));
  const pairs: MutationPair[] = [];
  for (const r of recorded.pairs) {
    const p = byId.get(r.id);
    assert.ok(p && p.hash === r.hash && p.what === r.what, `pair ${r.id} (${r.what}) is generated as recorded: regenerate the fixture`);
    pairs.push(p);
  }
  assert.ok(pairs.length > 1000, `${pairs.length} pairs`);
  const previous = image(pairs, 'previous');
  const current = image(pairs, 'current');
  const findings = checkBreaking(previous.image, current.image, { version: 'v2', use: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'] });

  const lines = new Map<string, LineIndex>();
  const lineOf = (f: Finding) => {
    if (f.anchor === 'baseline') return 0;
    if (f.anchor === 'file') return 1;
    let index = lines.get(f.uri);
    if (!index) lines.set(f.uri, (index = new LineIndex(current.texts.get(f.uri)!)));
    return index.positionAt(f.span.start).line + 1;
  };
  const ours = new Map<string, string[]>();
  for (const f of findings) {
    const id = f.path.split('/')[0]!;
    const list = ours.get(id) ?? [];
    list.push(`${lineOf(f)} ${f.code} ${f.message}`);
    ours.set(id, list);
  }
  const differing: string[] = [];
  for (const r of recorded.pairs) {
    const expected = r.findings.map(([line, rule, message]) => `${line} ${rule} ${bufStyle(message)}`).sort();
    const got = (ours.get(r.id) ?? []).sort();
    if (JSON.stringify(expected) !== JSON.stringify(got)) differing.push(`${r.id} ${r.what} (${r.source})\n  buf:  ${expected.join('\n        ')}\n  ours: ${got.join('\n        ')}`);
  }
  assert.deepEqual(differing, []);
  // The pairs exercise most rules: a sanity check that the generator still reaches them.
  const rules = new Set(recorded.pairs.flatMap((r) => r.findings.map((f) => f[1])));
  assert.ok(rules.size >= 40, `${rules.size} rules reached`);
});
