// Shared helpers for the benchmarks: run a command under /usr/bin/time, read a live process's
// CPU time and peak memory from /proc, and talk to dist/server.js over stdio.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
export const corpus = join(repo, '..', 'shared', 'corpus');
const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

export const protocBin = join(repo, 'node_modules', 'protoc', 'bin', 'protoc-linux-x86_64');
export const protocInclude = join(repo, 'node_modules', 'protoc', 'include');

export function machine() {
  const c = cpus();
  return `${c.length} × ${c[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/** Runs a command to completion under GNU time: wall s, CPU s (user+sys), peak RSS MiB, exit code. */
export function timed(cmd, args, opts = {}) {
  if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is missing: apt-get install -y time');
  const res = spawnSync('/usr/bin/time', ['-f', '__TIME__ %e %U %S %M', cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    ...opts,
  });
  const line = res.stderr.split('\n').find((l) => l.startsWith('__TIME__'));
  if (!line) throw new Error(`no timing for ${cmd}: ${res.stderr.slice(-500)}`);
  const [, wall, user, sys, kb] = line.split(' ');
  return { wall: +wall, cpu: +user + +sys, peakMiB: +kb / 1024, status: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** CPU seconds and peak RSS (MiB) of a live process, from /proc. */
export function procStats(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = 100; // USER_HZ on Linux
  const cpu = (+fields[11] + +fields[12]) / ticks;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
  const rss = /VmRSS:\s+(\d+) kB/.exec(status);
  return { cpu, peakMiB: hwm ? +hwm[1] / 1024 : NaN, rssMiB: rss ? +rss[1] / 1024 : NaN };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Starts dist/server.js --stdio on a workspace folder. */
export async function lspServer(folder, { trusted = true } = {}) {
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), join(repo, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const listeners = new Set();
  const status = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    for (const l of [...listeners]) l(p);
  });
  conn.onNotification('eventSchemas/status', (p) => status.push(p));
  conn.onNotification('window/logMessage', () => undefined);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/configuration', () => [null]);
  conn.listen();
  const uri = (rel) => pathToFileURL(join(folder, rel)).href;
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
    capabilities: {},
    initializationOptions: { trusted, settings: {} },
  });
  await conn.sendNotification('initialized', {});
  return {
    conn,
    child,
    uri,
    status,
    nextDiagnostics(u, pred = () => true) {
      return new Promise((resolve) => {
        const l = (p) => {
          if (p.uri === u && pred(p)) {
            listeners.delete(l);
            resolve(p);
          }
        };
        listeners.add(l);
      });
    },
    async ready() {
      while (!status.some((s) => s.state === 'ready')) await new Promise((r) => setTimeout(r, 25));
    },
    async stop() {
      await conn.sendRequest('shutdown').catch(() => undefined);
      await conn.sendNotification('exit').catch(() => undefined);
      await new Promise((r) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          r();
        }, 3000);
        child.once('exit', () => {
          clearTimeout(t);
          r();
        });
      });
      conn.dispose();
    },
  };
}

export function fmt(n, digits = 2) {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a';
}
