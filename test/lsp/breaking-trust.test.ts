// Workspace trust and breaking changes: an untrusted workspace is never compared. No git process
// starts (a git on PATH that logs its calls proves it, and proves the trusted run does call it),
// no baseline document is served, no branch is listed.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { findExecutable } from '../../server/src/host/executable';
import { removeTempDirs, tempDir } from '../host/baseline/gitRepo';
import { committedRepo, hasCode, OpenDoc, startIn } from './breakingHelpers';

const orders = 'syntax = "proto3";\npackage acme.v1;\n\nmessage Order {\n  string id = 1;\n  string note = 2;\n}\n';

after(() => removeTempDirs());

/** A `git` first on PATH that appends its arguments to `log` and runs the real one. */
function loggingGit(): { env: NodeJS.ProcessEnv; log: string } {
  const real = findExecutable('git');
  assert.ok(real, 'git is installed');
  const bin = join(tempDir('es-fakegit-'), 'bin');
  mkdirSync(bin);
  const log = join(bin, '..', 'calls.log');
  writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  return { env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` }, log };
}

test('trusted: the baseline comes from git (the logging git sees the calls)', async () => {
  const { env, log } = loggingGit();
  const repo = committedRepo({ 'order.proto': orders });
  const server = await startIn(repo, { env });
  try {
    const doc = await OpenDoc.open(server, 'order.proto', orders);
    await doc.replace('  string note = 2;\n', '', hasCode('FIELD_NO_DELETE'));
    assert.match(readFileSync(log, 'utf8'), /ls-tree/);
  } finally {
    await server.stop();
  }
});

test('untrusted: no findings, no git process, no baseline document, no branches', async () => {
  const { env, log } = loggingGit();
  const repo = committedRepo({ 'order.proto': orders });
  const server = await startIn(repo, { env, trusted: false });
  const statuses: { state: string; message?: string }[] = [];
  server.connection.onNotification('eventSchemas/baselineStatus', (p: { state: string }) => void statuses.push(p));
  try {
    const doc = await OpenDoc.open(server, 'order.proto', orders);
    const p = await doc.replace('  string note = 2;\n', '');
    assert.deepEqual(p.diagnostics, []);
    // Later publishes would come from a baseline that finished loading; none may.
    await new Promise((r) => setTimeout(r, 1000));
    const again = await doc.edit(doc.text + '\n');
    assert.deepEqual(again.diagnostics, []);
    const content = await server.connection.sendRequest('eventSchemas/baselineContent', { uri: `event-schemas-baseline:${repo.dir}/order.proto?baseline=git%3AHEAD` });
    assert.deepEqual(content, { error: 'the workspace is not trusted: no baseline is read' });
    const forFile = (await server.connection.sendRequest('eventSchemas/baselineFor', { uri: doc.uri })) as { uri?: string; error?: string };
    assert.equal(forFile.uri, undefined);
    assert.deepEqual(await server.connection.sendRequest('eventSchemas/gitBranches', { uri: doc.uri }), { branches: [] });
    assert.equal(existsSync(log), false, existsSync(log) ? readFileSync(log, 'utf8') : '');
    assert.ok(statuses.some((s) => s.state === 'off' && /not trusted/.test(s.message ?? '')), JSON.stringify(statuses));
  } finally {
    await server.stop();
  }
});
