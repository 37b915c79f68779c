// Binary garbage, large files (10 MB .proto, 1 MB .avsc and .avdl) and 1,000 levels of nesting, through
// every stage and editor feature (worker.ts, extremes()), in one worker with a hang bound.
import { test } from 'node:test';
import { judge, runShard } from './shard';

test('binary garbage, a 10 MB file and 1,000-level nesting through every stage and feature', async (t) => {
  // Peak memory: the 10 MB .proto with its tree, links, model, generated code and every feature's answer.
  judge(t, await runShard('extremes', 0, 1), 17, ['extremes'], 3072);
});
