/**
 * The breaking configuration: which rules a buf.yaml selects in each configuration version (the
 * category sizes buf documents), deprecated IDs, except, ignore, ignore_only, unstable packages,
 * and the reading of buf.yaml documents of every version.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBreaking } from '../../../../server/src/core/compat/proto/check';
import {
  isUnstablePackage,
  parseBufYamlBreaking,
  resolveBreakingRules,
  rulesOf,
  type BreakingConfig,
} from '../../../../server/src/core/compat/proto/config';
import { ALL_RULES } from '../../../../server/src/core/compat/proto/rules';
import { inlineImage } from './inline';

const ids = (config: BreakingConfig) => resolveBreakingRules(config).rules.map((r) => r.id).sort();

test('v2 categories have buf\'s sizes: FILE 51, PACKAGE 51, WIRE_JSON 22, WIRE 15, CSR 32', () => {
  assert.equal(ALL_RULES.length, 64);
  assert.equal(new Set(ALL_RULES.map((r) => r.id)).size, 64);
  const count = (c: string) => ids({ version: 'v2', use: [c] }).length;
  assert.deepEqual([count('FILE'), count('PACKAGE'), count('WIRE_JSON'), count('WIRE'), count('CSR')], [51, 51, 22, 15, 32]);
  // Every rule is in some category of v2.
  assert.equal(ids({ version: 'v2', use: ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CSR'] }).length, 64);
});

test('v1 and v1beta1 know fewer rules and file some in other categories', () => {
  assert.equal(rulesOf('v1').length, 61);
  assert.equal(rulesOf('v1beta1').length, 59);
  assert.ok(!ids({ version: 'v1', use: ['FILE'] }).includes('EXTENSION_NO_DELETE'));
  assert.ok(!ids({ version: 'v1', use: ['FILE'] }).includes('FIELD_SAME_DEFAULT'));
  assert.ok(ids({ version: 'v1beta1', use: ['WIRE'] }).includes('FIELD_SAME_TYPE'));
  assert.ok(!ids({ version: 'v1', use: ['WIRE'] }).includes('FIELD_SAME_TYPE'));
  assert.ok(!ids({ version: 'v1beta1', use: ['WIRE'] }).includes('FILE_SAME_PACKAGE'));
  assert.ok(ids({ version: 'v1', use: ['WIRE'] }).includes('FILE_SAME_PACKAGE'));
  // No buf.yaml reads as v1 FILE, like buf.
  assert.deepEqual(ids({}), ids({ version: 'v1', use: ['FILE'] }));
});

test('deprecated IDs stand for their replacements; unknown IDs are problems, not crashes', () => {
  assert.deepEqual(ids({ version: 'v1', use: ['FIELD_SAME_LABEL'] }), [
    'FIELD_SAME_CARDINALITY',
    'FIELD_WIRE_COMPATIBLE_CARDINALITY',
    'FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY',
  ]);
  assert.deepEqual(ids({ version: 'v1', use: ['FIELD_SAME_CTYPE'] }), ['FIELD_SAME_CPP_STRING_TYPE']);
  assert.deepEqual(ids({ version: 'v1', use: ['FILE_SAME_JAVA_STRING_CHECK_UTF8'] }), ['FIELD_SAME_JAVA_UTF8_VALIDATION']);
  assert.deepEqual(ids({ version: 'v1', use: ['FILE_SAME_PHP_GENERIC_SERVICES'] }), []);
  assert.deepEqual(ids({ version: 'v2', use: ['MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT'] }), []);
  const res = resolveBreakingRules({ version: 'v2', use: ['FIELD_SAME_LABEL', 'NOPE', 'FILE_NO_DELETE'] });
  assert.deepEqual(res.rules.map((r) => r.id), ['FILE_NO_DELETE']);
  assert.equal(res.problems.length, 2);
  assert.match(res.problems[0]!, /unknown breaking rule or category "FIELD_SAME_LABEL" in use/);
  assert.deepEqual(ids({ version: 'v2', use: ['WIRE'], except: ['RPC_SAME_REQUEST_TYPE', 'WIRE_JSON'] }), [
    'FIELD_WIRE_COMPATIBLE_CARDINALITY',
    'FIELD_WIRE_COMPATIBLE_TYPE',
  ]);
});

test('package versions: alpha, beta and test are unstable, as buf reads them', () => {
  for (const pkg of ['foo.v1alpha1', 'foo.v1beta', 'foo.v2p1beta1', 'foo.v1test', 'foo.v1testfoo', 'a.b.v10alpha2']) assert.ok(isUnstablePackage(pkg), pkg);
  for (const pkg of ['foo.v1', 'foo', 'v1alpha1', 'foo.v0alpha1', 'foo.v1alphabeta', 'foo.alpha', 'foo.v1alpha0', 'foo.v1p0alpha']) assert.ok(!isUnstablePackage(pkg), pkg);
});

test('ignore, ignore_only and ignore_unstable_packages drop findings on either side\'s file', () => {
  const old = inlineImage(`//- a/one.proto
syntax = "proto3";
package a.v1;
message M { int32 x = 1; }
//- b/two.proto
syntax = "proto3";
package b.v1beta1;
message N { int32 y = 1; }`).image;
  const now = inlineImage(`//- a/one.proto
syntax = "proto3";
package a.v1;
message M { }
//- b/two.proto
syntax = "proto3";
package b.v1beta1;
message N { }`).image;
  const paths = (config: BreakingConfig) => checkBreaking(old, now, config).map((f) => `${f.path} ${f.code}`);
  assert.deepEqual(paths({}), ['a/one.proto FIELD_NO_DELETE', 'b/two.proto FIELD_NO_DELETE']);
  assert.deepEqual(paths({ ignore: ['a'] }), ['b/two.proto FIELD_NO_DELETE']);
  assert.deepEqual(paths({ ignore: ['./b/two.proto'] }), ['a/one.proto FIELD_NO_DELETE']);
  assert.deepEqual(paths({ ignore: ['b/tw'] }), ['a/one.proto FIELD_NO_DELETE', 'b/two.proto FIELD_NO_DELETE']);
  assert.deepEqual(paths({ ignoreOnly: { FIELD_NO_DELETE: ['a/'] } }), ['b/two.proto FIELD_NO_DELETE']);
  assert.deepEqual(paths({ ignoreOnly: { PACKAGE: ['b'] } }), ['a/one.proto FIELD_NO_DELETE']);
  assert.deepEqual(paths({ ignoreOnly: { FILE_NO_DELETE: ['a', 'b'] } }), ['a/one.proto FIELD_NO_DELETE', 'b/two.proto FIELD_NO_DELETE']);
  assert.deepEqual(paths({ ignoreUnstablePackages: true }), ['a/one.proto FIELD_NO_DELETE']);
});

test('buf.yaml breaking sections of every version', () => {
  assert.deepEqual(parseBufYamlBreaking(undefined), { config: { version: 'v1' }, problems: [] });
  assert.deepEqual(parseBufYamlBreaking({ version: 'v1beta1', build: { roots: ['proto'] } }).config, { version: 'v1beta1' });
  const v1 = parseBufYamlBreaking({
    version: 'v1',
    breaking: { use: ['PACKAGE'], except: ['FILE_NO_DELETE'], ignore: ['foo/bar.proto', 'baz/'], ignore_only: { FIELD_NO_DELETE: ['x'] }, ignore_unstable_packages: true },
  });
  assert.deepEqual(v1, {
    config: {
      version: 'v1',
      use: ['PACKAGE'],
      except: ['FILE_NO_DELETE'],
      ignore: ['foo/bar.proto', 'baz'],
      ignoreOnly: { FIELD_NO_DELETE: ['x'] },
      ignoreUnstablePackages: true,
    },
    problems: [],
  });
  // v2: paths are relative to the buf.yaml; a module's own section wins for that module.
  const doc = {
    version: 'v2',
    modules: [{ path: 'proto' }, { path: 'vendor', breaking: { use: ['WIRE'] } }],
    breaking: { use: ['FILE'], ignore: ['proto/legacy', 'other/x.proto'] },
  };
  assert.deepEqual(parseBufYamlBreaking(doc, { modulePath: 'proto' }).config.ignore, ['legacy', 'other/x.proto']);
  assert.deepEqual(parseBufYamlBreaking(doc, { modulePath: 'vendor' }).config.use, ['WIRE']);
  const bad = parseBufYamlBreaking({ version: 'v9', breaking: { use: 'FILE', ignore_only: [], ignore_unstable_packages: 'yes' } });
  assert.equal(bad.config.version, 'v1');
  assert.equal(bad.problems.length, 4);
  assert.deepEqual(parseBufYamlBreaking(['not', 'a', 'mapping']).problems, ['buf.yaml must be a mapping']);
});
