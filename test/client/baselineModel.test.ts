// The baseline's status bar item and "Select baseline" pick, as plain data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  baselineLabel,
  defaultBranch,
  pathSetting,
  pickEntries,
  registryProblem,
  registryUrlOf,
  registryUrlProblem,
  statusView,
} from '../../client/src/baselineModel';

test('labels name the baseline briefly, whatever its form', () => {
  const cases: [string, string][] = [
    ['git:HEAD', 'HEAD'],
    ['git:', 'HEAD'],
    ['git:main', 'main'],
    ['git:v1.2.0', 'v1.2.0'],
    ['git:merge-base:main', 'merge-base main'],
    ['registry:http://localhost:8081#orders-value', 'orders-value'],
    ['registry:https://r.example.com/api#team%2Forders-value', 'team/orders-value'],
    ['v1', 'v1'],
    ['schemas/orders/v*.avsc', 'schemas/orders/v*.avsc'],
  ];
  for (const [setting, label] of cases) assert.equal(baselineLabel(setting), label, setting);
});

test('the status item follows what the server says about the setting in use', () => {
  const folder = 'file:///ws';
  assert.deepEqual(statusView('git:HEAD', undefined), { text: '$(git-compare) Baseline: HEAD', tooltip: 'Breaking changes against git:HEAD\nClick to compare with another baseline', warning: false });
  assert.equal(statusView('git:HEAD', { folder, baseline: 'git:HEAD', state: 'loading' }).text, '$(sync~spin) Baseline: HEAD');
  assert.deepEqual(statusView('git:HEAD', { folder, baseline: 'git:HEAD', state: 'ready', description: 'git:HEAD (3f2a1b0)' }), {
    text: '$(git-compare) Baseline: HEAD',
    tooltip: 'Breaking changes against git:HEAD (3f2a1b0)\nClick to compare with another baseline',
    warning: false,
  });
  const error = statusView('git:main', { folder, baseline: 'git:main', state: 'error', message: '/ws is not in a git repository: run git init, or use a folder or file baseline' });
  assert.equal(error.text, '$(warning) Baseline: main');
  assert.equal(error.warning, true);
  assert.match(error.tooltip, /not in a git repository/);
  assert.equal(statusView('git:HEAD', { folder, baseline: 'git:HEAD', state: 'off', message: 'the workspace is not trusted: no baseline is read' }).text, '$(circle-slash) Baseline: off');
  // A status about an older setting says nothing about the new one.
  assert.equal(statusView('git:main', { folder, baseline: 'git:HEAD', state: 'error', message: 'x' }).warning, false);
});

test('the pick offers HEAD, the other branches, the merge-base and the other kinds of source, marking the current one', () => {
  const entries = pickEntries('git:release/1.x', ['feature/x', 'main', 'origin/main', 'release/1.x'], 'feature/x');
  assert.deepEqual(
    entries.map((e) => [e.label, e.value ?? e.action, e.group ?? '', e.current === true]),
    [
      ['HEAD', 'git:HEAD', '', false],
      ['main', 'git:main', 'branches', false],
      ['origin/main', 'git:origin/main', '', false],
      ['release/1.x', 'git:release/1.x', '', true],
      ['merge-base with main', 'git:merge-base:main', 'other sources', false],
      ['Folder or file…', 'folder', '', false],
      ['Schema Registry subject…', 'registry', '', false],
      ['Other…', 'other', '', false],
      ['Turn breaking-change checks off', 'disable', '', false],
    ],
  );
  assert.equal(pickEntries('git:HEAD', [], undefined)[0]?.current, true);
});

test('the merge-base branch: main, else master, else the first local branch', () => {
  assert.equal(defaultBranch(['dev', 'main', 'master']), 'main');
  assert.equal(defaultBranch(['dev', 'master']), 'master');
  assert.equal(defaultBranch(['origin/trunk', 'trunk']), 'trunk');
  assert.equal(defaultBranch([]), 'main');
});

test('typed registry baselines and addresses are checked before they are stored', () => {
  assert.equal(registryProblem('registry:http://localhost:8081#orders-value'), undefined);
  assert.match(registryProblem('http://localhost:8081#orders-value') ?? '', /start with registry:/);
  assert.match(registryProblem('registry:http://localhost:8081#') ?? '', /name the subject/);
  assert.match(registryProblem('registry:localhost:8081#s') ?? '', /http:\/\/ or https:\/\//);
  assert.match(registryProblem('registry:not a url#s') ?? '', /not a URL/);
  assert.equal(registryUrlProblem('https://registry.example.com'), undefined);
  assert.match(registryUrlProblem('https://user:secret@registry.example.com') ?? '', /leave user name and password out/);
  assert.match(registryUrlProblem('registry.example.com') ?? '', /type the registry address/);
  assert.equal(registryUrlOf('registry:http://localhost:8081#orders-value'), 'http://localhost:8081');
  assert.equal(registryUrlOf('git:HEAD'), undefined);
});

test('a picked folder or file is stored relative to the workspace folder when inside it', () => {
  assert.equal(pathSetting('/ws', '/ws/v1'), 'v1');
  assert.equal(pathSetting('/ws/', '/ws/schemas/orders.proto'), 'schemas/orders.proto');
  assert.equal(pathSetting('/ws', '/ws'), '.');
  assert.equal(pathSetting('/ws', '/elsewhere/v1'), '/elsewhere/v1');
  assert.equal(pathSetting('C:\\ws', 'C:\\ws\\old\\a.proto'), 'old/a.proto');
});
