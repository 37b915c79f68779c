import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StatusParams } from '../../server/src/protocol';
import { nextIncrement, progressLocationFor, viewOf } from '../../client/src/statusModel';

test('the status item says what the server is doing', () => {
  const cases: [StatusParams | 'starting' | 'stopped', string, boolean][] = [
    ['starting', 'Starting', true],
    [{ state: 'indexing', indexed: 120, total: 5000 }, 'Indexing 120/5000', true],
    [{ state: 'ready', indexed: 1, total: 1 }, '1 schema', false],
    [{ state: 'ready', indexed: 4211, total: 4211 }, '4211 schemas', false],
    ['stopped', 'Stopped', false],
  ];
  for (const [status, text, busy] of cases) {
    const view = viewOf(status);
    assert.deepEqual([view.text, view.busy], [text, busy], JSON.stringify(status));
  }
  assert.equal(viewOf('stopped').severity, 'warning');
  assert.equal(viewOf({ state: 'ready', indexed: 0, total: 0 }).severity, 'information');
});

test('only large workspaces get a progress notification', () => {
  assert.equal(progressLocationFor(0), 'window');
  assert.equal(progressLocationFor(500), 'window');
  assert.equal(progressLocationFor(501), 'notification');
});

test('the progress bar only moves forward, even when the total grows', () => {
  const steps: [StatusParams, number][] = [
    [{ state: 'indexing', indexed: 0, total: 0 }, 0],
    [{ state: 'indexing', indexed: 25, total: 100 }, 25],
    [{ state: 'indexing', indexed: 50, total: 100 }, 25],
    // More files discovered: 50/200 is 25%, behind the 50% already shown, so the bar waits.
    [{ state: 'indexing', indexed: 50, total: 200 }, 0],
    [{ state: 'indexing', indexed: 150, total: 200 }, 25],
    [{ state: 'indexing', indexed: 250, total: 200 }, 25],
  ];
  let shown = 0;
  const increments = steps.map(([status]) => {
    const step = nextIncrement(shown, status);
    shown = step.shownPercent;
    return step.increment;
  });
  assert.deepEqual(increments, steps.map(([, increment]) => increment));
  assert.equal(shown, 100);
});
