// Baselines on disk: a folder or file laid out like PATH, and a glob of earlier versions in
// natural order.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BaselineError, loadBaseline, naturalCompare, parseBaselineSpec, type Baseline } from '../../../server/src/host/baseline';
import { segmentRegExp } from '../../../server/src/host/baseline/glob';
import { removeTempDirs, tempDir } from './gitRepo';

after(removeTempDirs);

function tree(files: Record<string, string>): string {
  const root = tempDir();
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

function only(b: Baseline): Record<string, string> {
  assert.equal(b.versions.length, 1);
  return Object.fromEntries(b.versions[0]!.files.map((f) => [f.path, f.text]));
}

async function rejects(p: Promise<unknown>, kind: string, message: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof BaselineError, String(e));
    assert.equal(e.kind, kind, e.message);
    assert.match(e.message, message);
    return true;
  });
}

test('a folder baseline stands in for the folder PATH: same relative paths below it', async () => {
  const ws = tree({ 'proto/a/x.proto': 'new x', 'old/a/x.proto': 'old x', 'old/gone.proto': 'old gone', 'old/notes.txt': 'no', 'old/node_modules/d.proto': 'no' });
  const b = await loadBaseline('old', { base: ws, targets: [{ path: join(ws, 'proto'), isFolder: true }] });
  assert.deepEqual(only(b), { 'proto/a/x.proto': 'old x', 'proto/gone.proto': 'old gone' });
  const x = b.versions[0]!.files.find((f) => f.path === 'proto/a/x.proto')!;
  assert.equal(x.diskPath, join(ws, 'old/a/x.proto'));
  assert.equal(b.description, 'old');
});

test('with PATH defaulting to the current folder, the baseline folder replaces it', async () => {
  const ws = tree({ 'x.proto': 'new', '../elsewhere': '' });
  const old = tree({ 'x.proto': 'old', 'sub/y.avsc': '"int"' });
  const b = await loadBaseline(old, { base: ws, targets: [{ path: ws, isFolder: true }] });
  assert.deepEqual(only(b), { 'x.proto': 'old', 'sub/y.avsc': '"int"' });
});

test('a folder baseline for a file PATH holds the file under the same name', async () => {
  const ws = tree({ 'schemas/order.avsc': 'new', 'old/order.avsc': 'old', 'old/other.avsc': 'other' });
  const b = await loadBaseline('old', { base: ws, targets: [{ path: join(ws, 'schemas/order.avsc'), isFolder: false }] });
  assert.deepEqual(only(b), { 'schemas/order.avsc': 'old' });
});

test('a file baseline stands for the one current file, whatever its name', async () => {
  const ws = tree({ 'order.avsc': 'new', 'archive/order-2023.avsc': 'old' });
  const b = await loadBaseline('archive/order-2023.avsc', { base: ws, targets: [{ path: join(ws, 'order.avsc'), isFolder: false }] });
  assert.deepEqual(only(b), { 'order.avsc': 'old' });
  const viaSingle = await loadBaseline('archive/order-2023.avsc', { base: ws, targets: [{ path: ws, isFolder: true }], singleFile: join(ws, 'order.avsc') });
  assert.deepEqual(only(viaSingle), { 'order.avsc': 'old' });
});

test('a file baseline against a folder of many files is a usage error', async () => {
  const ws = tree({ 'a.avsc': 'a', 'old.avsc': 'old' });
  await rejects(loadBaseline('old.avsc', { base: ws, targets: [{ path: ws, isFolder: true }] }), 'usage', /PATH must be one schema file too/);
});

test('a baseline that does not exist is a not-found error naming it', async () => {
  const ws = tree({ 'a.proto': '' });
  await rejects(loadBaseline('nowhere', { base: ws, targets: [{ path: ws, isFolder: true }] }), 'not-found', /the baseline nowhere does not exist/);
});

test('a glob lists earlier versions oldest first in natural order, leaving out the current file', async () => {
  const ws = tree({
    'schemas/orders/v1.avsc': '1',
    'schemas/orders/v2.avsc': '2',
    'schemas/orders/v10.avsc': '10',
    'schemas/orders/v9.avsc': '9',
    'schemas/orders/v11.avsc': 'current',
    'schemas/orders/notes.md': 'no',
  });
  const current = join(ws, 'schemas/orders/v11.avsc');
  const b = await loadBaseline('schemas/orders/v*.avsc', { base: ws, targets: [{ path: current, isFolder: false }] });
  assert.deepEqual(b.versions.map((v) => v.label), ['schemas/orders/v1.avsc', 'schemas/orders/v2.avsc', 'schemas/orders/v9.avsc', 'schemas/orders/v10.avsc']);
  assert.deepEqual(b.versions.map((v) => v.files.map((f) => [f.path, f.text])), [
    [['schemas/orders/v11.avsc', '1']],
    [['schemas/orders/v11.avsc', '2']],
    [['schemas/orders/v11.avsc', '9']],
    [['schemas/orders/v11.avsc', '10']],
  ]);
  assert.equal(b.description, 'schemas/orders/v*.avsc (4 versions)');
});

test('** in a glob matches any depth, and a glob needs one current file', async () => {
  const ws = tree({ 'hist/2023/order.avsc': 'a', 'hist/2024/q1/order.avsc': 'b', 'order.avsc': 'now' });
  const b = await loadBaseline('hist/**/order.avsc', { base: ws, targets: [{ path: ws, isFolder: true }], singleFile: join(ws, 'order.avsc') });
  assert.deepEqual(b.versions.map((v) => v.label), ['hist/2023/order.avsc', 'hist/2024/q1/order.avsc']);
  await rejects(loadBaseline('hist/**/order.avsc', { base: ws, targets: [{ path: ws, isFolder: true }] }), 'usage', /list of versions of one schema, so PATH must be one schema file/);
});

test('a glob that matches nothing is a not-found error', async () => {
  const ws = tree({ 'order.avsc': 'now' });
  await rejects(loadBaseline('old/v*.avsc', { base: ws, targets: [{ path: join(ws, 'order.avsc'), isFolder: false }] }), 'not-found', /no file matches the baseline pattern old\/v\*\.avsc/);
});

test('a path with glob characters that exists is a plain folder', async () => {
  const ws = tree({ 'old [v1]/a.proto': 'old', 'a.proto': 'new' });
  const b = await loadBaseline('old [v1]', { base: ws, targets: [{ path: ws, isFolder: true }] });
  assert.deepEqual(only(b), { 'a.proto': 'old' });
});

test('natural order compares digit runs by value and the extension last, like sort -V', () => {
  const names = ['v10.avsc', 'v2.avsc', 'v1.avsc', 'v1.10.avsc', 'v1.9.avsc', 'v01.avsc', 'a.avsc', 'v100000000000000000000.avsc'];
  assert.deepEqual(names.sort(naturalCompare), ['a.avsc', 'v01.avsc', 'v1.avsc', 'v1.9.avsc', 'v1.10.avsc', 'v2.avsc', 'v10.avsc', 'v100000000000000000000.avsc']);
});

test('glob segments: wildcards, classes and negated classes stay inside one name', () => {
  const cases: [string, string, boolean][] = [
    ['v*.avsc', 'v12.avsc', true],
    ['v*.avsc', 'v12.avscx', false],
    ['v?.avsc', 'v1.avsc', true],
    ['v?.avsc', 'v12.avsc', false],
    ['v[0-9].avsc', 'v7.avsc', true],
    ['v[!0-9].avsc', 'v7.avsc', false],
    ['v[!0-9].avsc', 'vx.avsc', true],
    ['a+b(*).proto', 'a+b(1).proto', true],
    ['[unclosed', '[unclosed', true],
  ];
  for (const [pattern, name, expected] of cases) assert.equal(segmentRegExp(pattern).test(name), expected, `${pattern} vs ${name}`);
});

test('baseline texts parse into the right kind of source', () => {
  assert.deepEqual(parseBaselineSpec('git:main'), { kind: 'git', revision: { kind: 'rev', rev: 'main' }, text: 'git:main' });
  assert.deepEqual(parseBaselineSpec('git:'), { kind: 'git', revision: { kind: 'rev', rev: 'HEAD' }, text: 'git:' });
  assert.deepEqual(parseBaselineSpec('git:merge-base:origin/main'), { kind: 'git', revision: { kind: 'merge-base', branch: 'origin/main' }, text: 'git:merge-base:origin/main' });
  assert.deepEqual(parseBaselineSpec('registry:http://localhost:8081#orders-value'), { kind: 'registry', url: 'http://localhost:8081/', subject: 'orders-value' });
  assert.deepEqual(parseBaselineSpec('registry:https://sr.example.com/ccompat/v7#a%23b'), { kind: 'registry', url: 'https://sr.example.com/ccompat/v7', subject: 'a#b' });
  assert.deepEqual(parseBaselineSpec('old/'), { kind: 'path', path: 'old/', glob: false });
  assert.deepEqual(parseBaselineSpec('v*.avsc'), { kind: 'path', path: 'v*.avsc', glob: true });
  const usage = (text: string, message: RegExp) =>
    assert.throws(() => parseBaselineSpec(text), (e: unknown) => e instanceof BaselineError && e.kind === 'usage' && message.test(e.message));
  usage('', /the baseline is empty/);
  usage('registry:http://localhost:8081', /names no subject/);
  usage('registry:http://localhost:8081#', /names no subject/);
  usage('registry:ftp://x#s', /must start with http:\/\/ or https:\/\//);
  usage('registry:not a url#s', /is not a URL/);
  // Credentials in a bad address never reach the message.
  assert.throws(() => parseBaselineSpec('registry:http://user:hunter2@[bad#s'), (e: unknown) => e instanceof BaselineError && !e.message.includes('hunter2'));
});
