/**
 * The .proto corpus in PROTO_SHARDS test files, so the test runner's two processes share them:
 * every file, and a mutation and a truncation of each, through every stage and editor feature
 * (protoStages.ts), each shard in a worker.
 */
import { test } from 'node:test';
import { protoInputs, shardInputs } from './corpus';
import { judge, runShard } from './shard';

export const PROTO_SHARDS = 6;

export function protoShardTest(shard: number): void {
  test(`.proto corpus shard ${shard + 1} of ${PROTO_SHARDS}: every file, mutated and truncated, through every stage and feature`, async (t) => {
    judge(t, await runShard('proto', shard, PROTO_SHARDS), shardInputs(protoInputs(), shard, PROTO_SHARDS).length);
  });
}
