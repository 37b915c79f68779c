// Shard 7 of the .proto corpus (see protoShard.ts).
import { protoShardTest } from './protoShard';

protoShardTest(7);
