// Shard 4 of the .proto corpus (see protoShard.ts).
import { protoShardTest } from './protoShard';

protoShardTest(4);
