// `npm run bench`: every benchmark, peers measured in the same run. Not a test: it asserts nothing.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { benchColdOpen, benchEditLatency, benchIndex, printRows } from './proto.mjs';
import { benchBreaking } from './breaking.mjs';
import { fmt, machine, repo } from './lib.mjs';

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
if (want('avro')) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'bench', 'avro.ts')], { cwd: repo, encoding: 'utf8' });
  const r = JSON.parse(res.stdout.trim().split('\n').pop());
  console.log(`Avro: parse and check all ${r.files} corpus schemas (${(r.bytes / 1024).toFixed(0)} KiB), mean of ${r.rounds} rounds`);
  console.log(`  event-schemas (parse, spans, every check)  ${fmt(r.oursMs, 1).padStart(7)} CPU ms`);
  console.log(`  avsc Type.forSchema (build types only)     ${fmt(r.avscMs, 1).padStart(7)} CPU ms   ratio ${fmt(r.oursMs / r.avscMs)}× avsc\n`);
}
if (want('breaking')) {
  console.log('Breaking changes: googleapis/head against googleapis/yearago (target: ≤ 0.2× buf CPU, ≤ 1 GiB)');
  const rows = benchBreaking({ withBuf: !process.argv.includes('--no-buf') });
  const bufCpu = rows.length > 1 ? rows[0][1] : NaN;
  for (const [name, cpu, mem] of rows) {
    console.log(`  ${name.padEnd(60)} ${fmt(cpu).padStart(7)} CPU s  ${fmt(mem, 0).padStart(6)} MiB  ${fmt(cpu / bufCpu)}× buf`);
  }
  console.log();
}
if (want('tsplugin')) {
  const res = spawnSync(process.execPath, [join(repo, 'bench', 'tsplugin.mjs')], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  console.log(res.stdout);
}
