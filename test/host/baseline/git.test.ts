// Git baselines on real temporary repositories: revisions, branches, tags, merge-base, renamed
// and missing files, odd paths, the blob cache, and revisions that try to be options or commands.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { BaselineError, GitCache, loadBaseline, type Baseline, type BaselineRequest } from '../../../server/src/host/baseline';
import { Repo, removeTempDirs, tempDir } from './gitRepo';

after(removeTempDirs);

const v1 = 'syntax = "proto3";\nmessage A { string id = 1; }\n';
const v2 = 'syntax = "proto3";\nmessage A { string id = 1; int32 n = 2; }\n';
const v3 = 'syntax = "proto3";\nmessage A { string id = 1; int32 n = 2; bool b = 3; }\n';

function folder(repo: Repo, sub = '', base = repo.dir): BaselineRequest {
  return { base, targets: [{ path: join(repo.dir, sub), isFolder: true }] };
}

/** path -> text of the one version, the compact view most assertions want. */
function files(b: Baseline): Record<string, string> {
  assert.equal(b.versions.length, 1);
  return Object.fromEntries(b.versions[0]!.files.map((f) => [f.path, f.text]));
}

async function rejects(p: Promise<unknown>, kind: string, message: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof BaselineError, `expected a BaselineError, got ${String(e)}`);
    assert.equal(e.kind, kind, e.message);
    assert.match(e.message, message);
    return true;
  });
}

test('git:HEAD gives the committed text of every schema file, not the edited one on disk', async () => {
  const repo = new Repo().write({ 'a.proto': v1, 'sub/b.avsc': '{"type":"string"}', 'README.md': '# no' });
  const head = repo.commit('v1');
  repo.write({ 'a.proto': v2 });
  const b = await loadBaseline('git:HEAD', folder(repo), { git: { cache: new GitCache() } });
  assert.deepEqual(files(b), { 'a.proto': v1, 'sub/b.avsc': '{"type":"string"}' });
  assert.equal(b.description, `git:HEAD (${head.slice(0, 7)})`);
  assert.equal(b.versions[0]!.label, 'git:HEAD');
  assert.equal(b.versions[0]!.files.find((f) => f.path === 'a.proto')!.origin, 'git:HEAD:a.proto');
});

test('git: with no revision means HEAD', async () => {
  const repo = new Repo().write({ 'a.proto': v1 });
  repo.commit('v1');
  repo.write({ 'a.proto': v2 });
  assert.deepEqual(files(await loadBaseline('git:', folder(repo))), { 'a.proto': v1 });
});

test('a branch, a tag, a commit id and HEAD~1 each name their own version', async () => {
  const repo = new Repo().write({ 'a.proto': v1 });
  const first = repo.commit('v1');
  repo.git('tag', 'v1.0.0');
  repo.git('branch', 'release');
  repo.write({ 'a.proto': v2 });
  repo.commit('v2');
  repo.write({ 'a.proto': v3 });
  const cache = new GitCache();
  const load = (spec: string) => loadBaseline(spec, folder(repo), { git: { cache } }).then(files);
  assert.deepEqual(await load('git:v1.0.0'), { 'a.proto': v1 });
  assert.deepEqual(await load('git:release'), { 'a.proto': v1 });
  assert.deepEqual(await load(`git:${first}`), { 'a.proto': v1 });
  assert.deepEqual(await load('git:HEAD~1'), { 'a.proto': v1 });
  assert.deepEqual(await load('git:main'), { 'a.proto': v2 });
});

test('merge-base:BRANCH is where HEAD forked from the branch, not the branch tip', async () => {
  const repo = new Repo().write({ 'a.proto': v1 });
  const fork = repo.commit('v1');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.write({ 'a.proto': v2 });
  repo.commit('feature work');
  repo.git('checkout', '-q', 'main');
  repo.write({ 'a.proto': v3 });
  repo.commit('main moved on');
  repo.git('checkout', '-q', 'feature');
  const b = await loadBaseline('git:merge-base:main', folder(repo));
  assert.deepEqual(files(b), { 'a.proto': v1 });
  assert.equal(b.description, `git:merge-base:main (${fork.slice(0, 7)})`);
  assert.deepEqual(files(await loadBaseline('git:main', folder(repo))), { 'a.proto': v3 });
});

test('merge-base with unrelated history is a not-found error naming the branch', async () => {
  const repo = new Repo().write({ 'a.proto': v1 });
  repo.commit('v1');
  repo.git('checkout', '-q', '--orphan', 'island');
  repo.write({ 'a.proto': v2 });
  repo.commit('unrelated');
  await rejects(loadBaseline('git:merge-base:main', folder(repo)), 'not-found', /HEAD and `main` have no common ancestor/);
});

test('a renamed file keeps its old path at the baseline, and the new path is simply absent', async () => {
  const repo = new Repo().write({ 'orders/old_name.proto': v1 });
  repo.commit('v1');
  repo.move('orders/old_name.proto', 'orders/new_name.proto');
  repo.commit('rename');
  assert.deepEqual(files(await loadBaseline('git:HEAD~1', folder(repo))), { 'orders/old_name.proto': v1 });
  // Asking for the new file alone finds nothing at the baseline: it is an added file.
  const one = await loadBaseline('git:HEAD~1', { base: repo.dir, targets: [{ path: join(repo.dir, 'orders/new_name.proto'), isFolder: false }] });
  assert.deepEqual(files(one), {});
});

test('a file added since the baseline is missing from it, the others are there', async () => {
  const repo = new Repo().write({ 'a.proto': v1 });
  repo.commit('v1');
  repo.write({ 'b.proto': v2 });
  repo.commit('add b');
  assert.deepEqual(files(await loadBaseline('git:HEAD~1', folder(repo))), { 'a.proto': v1 });
});

test('paths with spaces, unicode and glob characters are read literally', async () => {
  const odd = 'my schemas/ördnung [v1]/grüße *.proto';
  const repo = new Repo().write({ [odd]: v1, 'my schemas/ördnung [v1]/x.proto': v2, 'other/y.proto': v3 });
  repo.commit('odd');
  const b = await loadBaseline('git:HEAD', folder(repo, 'my schemas/ördnung [v1]'));
  assert.deepEqual(files(b), { [odd]: v1, 'my schemas/ördnung [v1]/x.proto': v2 });
  const single = await loadBaseline('git:HEAD', { base: repo.dir, targets: [{ path: join(repo.dir, odd), isFolder: false }] });
  assert.deepEqual(files(single), { [odd]: v1 });
});

test('paths are relative to the request base, even when PATH is a subfolder and base is elsewhere', async () => {
  const repo = new Repo().write({ 'proto/acme/a.proto': v1, 'docs/x.proto': v2 });
  repo.commit('v1');
  const b = await loadBaseline('git:HEAD', folder(repo, 'proto', join(repo.dir, 'docs')));
  assert.deepEqual(files(b), { '../proto/acme/a.proto': v1 });
});

test('extra folders (import roots) in the same repository are read at the baseline too', async () => {
  const repo = new Repo().write({ 'api/a.proto': v1, 'third_party/dep.proto': v2, 'unrelated/z.proto': v3 });
  repo.commit('v1');
  const b = await loadBaseline('git:HEAD', {
    base: repo.dir,
    targets: [{ path: join(repo.dir, 'api'), isFolder: true }],
    extraFolders: [join(repo.dir, 'third_party'), tempDir()],
  });
  assert.deepEqual(files(b), { 'api/a.proto': v1, 'third_party/dep.proto': v2 });
});

test('dependency folders and symlinks are not schema files of the baseline', async () => {
  const repo = new Repo().write({ 'a.proto': v1, 'node_modules/pkg/x.proto': v2 });
  mkdirSync(join(repo.dir, 'links'));
  symlinkSync('../a.proto', join(repo.dir, 'links', 'link.proto'));
  repo.commit('v1');
  assert.deepEqual(files(await loadBaseline('git:HEAD', folder(repo))), { 'a.proto': v1 });
});

test('the blob cache answers a second request for the same blobs without running git', async () => {
  const repo = new Repo().write({ 'a.proto': v1, 'b.proto': v2 });
  repo.commit('v1');
  const cache = new GitCache();
  await loadBaseline('git:HEAD', folder(repo), { git: { cache } });
  assert.equal(cache.blobReads, 1);
  const again = await loadBaseline('git:HEAD', folder(repo), { git: { cache } });
  assert.equal(cache.blobReads, 1);
  assert.deepEqual(files(again), { 'a.proto': v1, 'b.proto': v2 });
  // A new commit that changes one file reads only that file's new blob.
  repo.write({ 'b.proto': v3 });
  repo.commit('v2');
  const newer = await loadBaseline('git:HEAD', folder(repo), { git: { cache } });
  assert.equal(cache.blobReads, 2);
  assert.deepEqual(files(newer), { 'a.proto': v1, 'b.proto': v3 });
  // Two concurrent requests for unread blobs share one read.
  repo.write({ 'c.proto': v1 + '// c\n' });
  repo.commit('v3');
  const [x, y] = await Promise.all([
    loadBaseline('git:HEAD', folder(repo), { git: { cache } }),
    loadBaseline('git:HEAD', folder(repo), { git: { cache } }),
  ]);
  assert.deepEqual(files(x), files(y));
  assert.equal(cache.blobReads, 3);
});

test('a folder outside any repository is a not-a-repository error', async () => {
  const dir = tempDir();
  await rejects(loadBaseline('git:HEAD', { base: dir, targets: [{ path: dir, isFolder: true }] }), 'not-a-repository', /is not in a git repository: run git init, or use a folder or file baseline/);
});

test('a repository without commits has no HEAD to compare with', async () => {
  const repo = new Repo().write({ 'a.proto': v1 });
  await rejects(loadBaseline('git:HEAD', folder(repo)), 'not-found', /unknown git revision `HEAD`.*no commits yet/);
});

test('an unknown revision is a not-found error that names it', async () => {
  const repo = new Repo().write({ 'a.proto': v1 });
  repo.commit('v1');
  await rejects(loadBaseline('git:no-such-branch', folder(repo)), 'not-found', /unknown git revision `no-such-branch`/);
  await rejects(loadBaseline('git:merge-base:nope', folder(repo)), 'not-found', /unknown branch `nope`/);
});

test('a revision that looks like an option is refused before git runs', async () => {
  const repo = new Repo().write({ 'a.proto': v1 });
  repo.commit('v1');
  for (const spec of ['git:--output=/tmp/x', 'git:-h', 'git:merge-base:--all']) {
    await rejects(loadBaseline(spec, folder(repo)), 'usage', /starts with `-`/);
  }
  await rejects(loadBaseline('git:HEAD\nmain', folder(repo)), 'usage', /control characters/);
});

test('shell syntax in a revision is only ever a revision name: nothing runs', async () => {
  const repo = new Repo().write({ 'a.proto': v1 });
  repo.commit('v1');
  const marker = join(tempDir(), 'pwned');
  for (const rev of [`HEAD; touch ${marker}`, `$(touch ${marker})`, `\`touch ${marker}\``, `HEAD && touch ${marker}`, `HEAD | touch ${marker}`]) {
    await rejects(loadBaseline(`git:${rev}`, folder(repo)), 'not-found', /unknown git revision/);
  }
  assert.equal(existsSync(marker), false);
});

test('a missing git executable is an io error, not a crash', async () => {
  const repo = new Repo().write({ 'a.proto': v1 });
  repo.commit('v1');
  await rejects(loadBaseline('git:HEAD', folder(repo), { git: { git: join(tempDir(), 'no-git-here') } }), 'io', /git is not installed or not on PATH/);
});
