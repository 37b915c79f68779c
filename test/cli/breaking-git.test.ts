// `event-schemas breaking --against git:REV` on real temporary repositories: the bundled CLI,
// committed versions, branches, merge-base, renamed and added files, and hostile revisions.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Repo, removeTempDirs, tempDir } from '../host/baseline/gitRepo';
import { brief, cli, cliJson, ensureBuilt } from './run';

before(ensureBuilt);
after(removeTempDirs);

const record = (fields: object[], name = 'Order') => JSON.stringify({ type: 'record', name, fields }, null, 2) + '\n';
const v1 = record([{ name: 'id', type: 'string' }]);
const v2 = record([{ name: 'id', type: 'string' }, { name: 'total', type: 'long' }]);
const v2ok = record([{ name: 'id', type: 'string' }, { name: 'total', type: 'long', default: 0 }]);

test('git:HEAD compares the working tree with the last commit, pointing into the committed file', () => {
  const repo = new Repo().write({ 'schemas/order.avsc': v1 });
  repo.commit('v1');
  repo.write({ 'schemas/order.avsc': v2 });
  const res = cli(['breaking', 'schemas', '--against', 'git:HEAD'], repo.dir);
  assert.equal(res.code, 1);
  assert.match(res.stdout, /error\[READER_FIELD_MISSING_DEFAULT_VALUE\]: field total has no default/);
  assert.match(res.stdout, /--> schemas\/order\.avsc:10:15\n/);
  assert.match(res.stdout, /note: in the old schema \(git:HEAD\) \(git:HEAD:schemas\/order\.avsc:3:11\)/);
  assert.equal(res.stderr, '');
  // Once the new field has a default, the change is compatible.
  repo.write({ 'schemas/order.avsc': v2ok });
  const clean = cliJson(['breaking', '--against', 'git:'], repo.dir);
  assert.deepEqual(clean.json.diagnostics, []);
  assert.equal(clean.code, 0);
});

test('a PATH in a subfolder of the repository, run from another subfolder', () => {
  const repo = new Repo().write({ 'api/schemas/order.avsc': v1, 'tools/README.md': 'x' });
  repo.commit('v1');
  repo.write({ 'api/schemas/order.avsc': v2 });
  const res = cliJson(['breaking', '../api/schemas', '--against', 'git:HEAD'], join(repo.dir, 'tools'));
  assert.deepEqual(brief(res.json), ['../api/schemas/order.avsc:9:14 error READER_FIELD_MISSING_DEFAULT_VALUE']);
});

test('a branch, a tag and merge-base:BRANCH each give their own baseline', () => {
  const repo = new Repo().write({ 'order.avsc': v1 });
  repo.commit('v1');
  repo.git('tag', 'release-1');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.write({ 'order.avsc': v2 });
  repo.commit('feature adds total');
  repo.git('checkout', '-q', 'main');
  repo.write({ 'order.avsc': v2 });
  repo.commit('main adds total too');
  repo.git('checkout', '-q', 'feature');
  // Against main's tip the field is old; against where the branch forked, it is new.
  assert.deepEqual(brief(cliJson(['breaking', '--against', 'git:main'], repo.dir).json), []);
  assert.deepEqual(brief(cliJson(['breaking', '--against', 'git:merge-base:main'], repo.dir).json), ['order.avsc:9:14 error READER_FIELD_MISSING_DEFAULT_VALUE']);
  assert.deepEqual(brief(cliJson(['breaking', '--against', 'git:release-1'], repo.dir).json), ['order.avsc:9:14 error READER_FIELD_MISSING_DEFAULT_VALUE']);
});

test('a renamed file and an added file have nothing to be compatible with', () => {
  const repo = new Repo().write({ 'old-name.avsc': v1 });
  repo.commit('v1');
  repo.move('old-name.avsc', 'new-name.avsc').write({ 'new-name.avsc': v2, 'added.avsc': record([{ name: 'x', type: 'int' }], 'Added') });
  const res = cliJson(['breaking', '.', '--against', 'git:HEAD'], repo.dir);
  assert.deepEqual(res.json.diagnostics, []);
  assert.equal(res.code, 0);
  // One file named on each side is compared by content, not by name.
  const single = cliJson(['breaking', 'new-name.avsc', '--against', 'git:HEAD'], repo.dir);
  assert.deepEqual(single.json.diagnostics, []);
  assert.match(single.stderr, /note: the baseline git:HEAD \([0-9a-f]{7}\) holds none of the schema files: every file counts as new/);
});

test('paths with spaces and unicode', () => {
  const repo = new Repo().write({ 'my schemas/bestellung ü.avsc': v1 });
  repo.commit('v1');
  repo.write({ 'my schemas/bestellung ü.avsc': v2 });
  const res = cliJson(['breaking', 'my schemas', '--against', 'git:HEAD'], repo.dir);
  assert.deepEqual(brief(res.json), ['my schemas/bestellung ü.avsc:9:14 error READER_FIELD_MISSING_DEFAULT_VALUE']);
});

test('outside a git repository: exit 2 and a message that says what to do', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'order.avsc'), v1);
  const res = cli(['breaking', '.', '--against', 'git:HEAD'], dir);
  assert.equal(res.code, 2);
  assert.match(res.stderr, /is not in a git repository: run git init, or use a folder or file baseline/);
});

test('an unknown revision exits 2 naming it', () => {
  const repo = new Repo().write({ 'order.avsc': v1 });
  repo.commit('v1');
  const res = cli(['breaking', '--against', 'git:v9.9.9'], repo.dir);
  assert.equal(res.code, 2);
  assert.match(res.stderr, /unknown git revision `v9\.9\.9`/);
});

test('shell syntax in a revision never runs: it is an unknown revision, and nothing is created', () => {
  const repo = new Repo().write({ 'order.avsc': v1 });
  repo.commit('v1');
  const marker = join(tempDir(), 'pwned');
  for (const rev of [`HEAD; touch ${marker}`, `$(touch ${marker})`, `HEAD\`touch ${marker}\``]) {
    const res = cli(['breaking', '--against', `git:${rev}`], repo.dir);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /unknown git revision/);
  }
  assert.equal(existsSync(marker), false);
});
