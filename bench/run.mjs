// `npm run bench`: every benchmark, peers measured in the same run. Not a test: it asserts nothing.
import { benchColdOpen, benchEditLatency, benchIndex, printRows } from './proto.mjs';
import { fmt, machine } from './lib.mjs';

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

console.log(`machine: ${machine()}\n`);
if (want('index')) {
  console.log('Protobuf: whole-workspace work on googleapis/head (target: ≤ 0.5× protoc CPU, ≤ 600 MiB)');
  printRows(await benchIndex());
  console.log();
}
if (want('cold')) {
  const r = await benchColdOpen();
  console.log('Protobuf: cold open of one deep file in a googleapis workspace (target: ≤ 1 s, ≤ 600 MiB)');
  console.log(`  ${r.file}: diagnostics after ${fmt(r.ms, 0)} ms (${r.diagnostics} diagnostics), server peak ${fmt(r.peakMiB, 0)} MiB\n`);
}
if (want('edit')) {
  const r = await benchEditLatency();
  console.log(`Protobuf: didChange -> diagnostics on a ${r.lines}-line file (target: ≤ 20 ms median)`);
  console.log(`  median ${fmt(r.medianMs, 1)} ms, p90 ${fmt(r.p90Ms, 1)} ms\n`);
}
