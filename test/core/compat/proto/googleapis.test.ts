/**
 * The real-world pair: googleapis as of 2026-08-22 (head) against a year earlier (yearago), with
 * buf's default FILE rules. buf 1.75.0 was run once on it:
 *
 *   cd ../shared/corpus/googleapis && npx buf breaking head --against yearago --error-format json
 *
 * (about 114 CPU s and 6.4 GiB) and its 2,691 findings are summed up here: the count per rule ID,
 * and a SHA-256 of the sorted `path:line RULE_ID` keys (path relative to head/, line 0 and no path
 * for findings buf reports against no file), so that the test checks every finding's place
 * without keeping buf's output in the repository. Run test/core/compat/proto/fixtures/googleapis.ts
 * to print our CPU time and peak memory beside buf's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { checkBreaking } from '../../../../server/src/core/compat/proto/check';
import { pathOf } from '../../../../server/src/host/protoFiles';
import { lineOf, loadTree } from './load';

const GOOGLEAPIS = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus', 'googleapis');

const BUF_COUNTS: Readonly<Record<string, number>> = {
  ENUM_NO_DELETE: 16,
  ENUM_VALUE_NO_DELETE: 9,
  FIELD_NO_DELETE: 13,
  FIELD_SAME_CARDINALITY: 43,
  FIELD_SAME_JSON_NAME: 26,
  FIELD_SAME_NAME: 1,
  FIELD_SAME_ONEOF: 2,
  FIELD_SAME_TYPE: 24,
  FILE_NO_DELETE: 2468,
  FILE_SAME_CSHARP_NAMESPACE: 1,
  FILE_SAME_GO_PACKAGE: 12,
  FILE_SAME_OBJC_CLASS_PREFIX: 2,
  FILE_SAME_RUBY_PACKAGE: 1,
  MESSAGE_NO_DELETE: 56,
  ONEOF_NO_DELETE: 1,
  RPC_NO_DELETE: 16,
};
const BUF_KEYS_SHA256 = '2339aa68a91c5b3ee3af353614eafb140724841a1ae4b57f6b85f68f7924ff4c';

test('googleapis head against a year earlier: buf\'s findings, rule by rule and line by line', () => {
  // Built file by file from the texts, one tree after the other, as the CLI does.
  const previous = loadTree(join(GOOGLEAPIS, 'yearago'), { via: 'texts' }).image;
  const current = loadTree(join(GOOGLEAPIS, 'head'), { via: 'texts' }).image;
  const findings = checkBreaking(previous, current);

  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
  assert.deepEqual(counts, BUF_COUNTS);

  const head = join(GOOGLEAPIS, 'head');
  const keys = findings
    .map((f) => {
      if (f.anchor === 'baseline') return `:0 ${f.code}`;
      const path = relative(head, pathOf(f.uri)!).split('\\').join('/');
      return `${path}:${f.anchor === 'file' ? 1 : lineOf(f.uri, f.span.start)} ${f.code}`;
    })
    .sort();
  assert.equal(createHash('sha256').update(keys.join('\n')).digest('hex'), BUF_KEYS_SHA256);

  // Every finding on a current file carries the baseline location of what changed or went away.
  for (const f of findings) {
    if (f.anchor !== 'baseline') assert.ok(f.baseline, `${f.code} at ${f.path} has a baseline location`);
  }
});
