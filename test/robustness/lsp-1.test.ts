// Shard 1 of the language-server run over stdio (see lspShard.ts).
import { lspShardTest } from './lspShard';

lspShardTest(1);
