// Every Avro schema of the corpus, and a mutation and a truncation of each, through every stage
// and editor feature (avroStages.ts), in one worker.
import { test } from 'node:test';
import { avroInputs, shardInputs } from './corpus';
import { judge, runShard } from './shard';

test('every Avro corpus file, mutated and truncated, through every stage and feature', async (t) => {
  judge(t, await runShard('avro', 0, 1), shardInputs(avroInputs(), 0, 1).length);
});
