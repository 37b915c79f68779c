/**
 * Differential test against buf 1.75.0 on buf's own breaking-change cases (see bufCases.ts): for
 * every case, the same multiset of (path, line, rule ID) as buf, and the same messages once buf's
 * are put in our style (lowercase start, no trailing period, sentences joined with a colon).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../../server/src/core/compat/finding';
import { bufExitCode, bufKeys, caseNames, GOLDENS, minus, runCase } from './bufCases';

/** Cases that need buf plugins or policies (WASM or executables), which are outside buf's built-in rules. */
const EXCLUDED: Readonly<Record<string, string>> = {
  breaking_custom_plugins: 'runs the buf-plugin-suffix plugin (custom rules SERVICE_SUFFIXES_NO_CHANGE etc.), absent here; buf itself fails (rc 1)',
  breaking_policy_disablebuiltin: 'a buf policy file (policies:) with plugins; buf itself fails without them (rc 1)',
  breaking_policy_empty: 'a buf policy file (policies:); buf itself fails without it (rc 1)',
  breaking_policy_local: 'buf policy files with a WASM plugin; buf itself fails without it (rc 1)',
};

/** What two builds of the same trees must agree on: every part of a finding but the uris. */
function plain(f: Finding): string {
  return `${f.path}@${f.span.start}-${f.span.end} ${f.anchor} ${f.code} ${f.message} ${f.baseline ? `${f.baseline.span.start}-${f.baseline.span.end}` : ''}`;
}

function bufStyle(message: string): string {
  return message
    .replace(/\.$/, '')
    .replace(/^RPC /, 'rpc ')
    .replace(/^./, (c) => c.toLowerCase())
    .replace(/q moved from oneof/, ' moved from oneof')
    .replace(/rules\. Note that/, 'rules; note that')
    .replace(/\. ([A-Z])/g, (_, c: string) => `: ${c.toLowerCase()}`);
}

test('the excluded cases are exactly the ones buf cannot run either', () => {
  for (const name of Object.keys(EXCLUDED)) assert.equal(bufExitCode(name), 1, name);
  const failing = caseNames().filter((n) => bufExitCode(n) === 1);
  assert.deepEqual(failing, Object.keys(EXCLUDED).sort());
});

for (const name of caseNames()) {
  if (EXCLUDED[name]) continue;
  test(`buf case ${name}`, () => {
    const { findings, keys, problems } = runCase(name);
    // The image built file by file from the texts (the CLI's way) gives the very same findings.
    assert.deepEqual(runCase(name, 'texts').findings.map(plain), findings.map(plain));
    assert.deepEqual(problems, [], 'the case configuration is understood');
    const expected = bufKeys(name);
    assert.deepEqual({ missing: minus(expected, keys), extra: minus(keys, expected) }, { missing: [], extra: [] });
    assert.equal(findings.length > 0, bufExitCode(name) === 100, 'findings exactly when buf exits with 100');
    const bufMessages = readFileSync(join(GOLDENS, `${name}.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => bufStyle((JSON.parse(l) as { message: string }).message))
      .sort();
    assert.deepEqual(findings.map((f) => f.message).sort(), bufMessages);
  });
}
