/**
 * A real language-server process spoken to over stdio: spawns dist/server.js --stdio and gives
 * tests a typed connection plus helpers for the common flows (open, edit, wait for diagnostics).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const serverPath = join(__dirname, '..', '..', 'dist', 'server.js');

export interface TestServer {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly root: string;
  uri(rel: string): string;
  /** Resolves with the next diagnostics published for the uri that satisfy `until`. */
  diagnostics(uri: string, until?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(rel: string, text?: string, languageId?: string): Promise<void>;
  status: { state: string; indexed: number; total: number }[];
  waitReady(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Writes `files` (relative path -> text) into a fresh temp folder. */
export function makeWorkspace(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'es-lsp-')));
  for (const [rel, text] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return root;
}

export async function startServer(
  files: Record<string, string>,
  options: { trusted?: boolean; settings?: unknown; root?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<TestServer> {
  const root = options.root ?? makeWorkspace(files);
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], ...(options.env ? { env: options.env } : {}) });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published = new Map<string, PublishDiagnosticsParams>();
  const waiters: { uri: string; until: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const status: { state: string; indexed: number; total: number }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.set(p.uri, p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.until(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onNotification('eventSchemas/status', (p: { state: string; indexed: number; total: number }) => {
    status.push(p);
  });
  connection.onNotification('window/logMessage', (m: { message: string }) => {
    if (process.env.LSP_LOG) console.error('[server]', m.message);
  });
  connection.onRequest('workspace/configuration', () => [null]);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const uri = (rel: string) => pathToFileURL(join(root, rel)).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }],
    capabilities: { workspace: { configuration: false }, textDocument: { hover: { contentFormat: ['markdown'] } } },
    initializationOptions: { trusted: options.trusted ?? true, settings: options.settings ?? {} },
  });
  await connection.sendNotification('initialized', {});
  const versions = new Map<string, number>();
  const server: TestServer = {
    connection,
    process: child,
    root,
    uri,
    status,
    diagnostics(u, until = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${u} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          uri: u,
          until,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        });
      });
    },
    async open(rel, text, languageId) {
      const content = text ?? files[rel] ?? '';
      versions.set(uri(rel), 1);
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: uri(rel), languageId: languageId ?? (rel.endsWith('.proto') ? 'proto' : rel.endsWith('.avsc') ? 'avroavsc' : 'avroidl'), version: 1, text: content },
      });
    },
    async waitReady(timeoutMs = 20_000) {
      const start = Date.now();
      while (!status.some((s) => s.state === 'ready')) {
        if (Date.now() - start > timeoutMs) throw new Error('server never reported ready');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // The process may already be gone; the kill below makes sure.
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 2000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
      connection.dispose();
      if (!options.root) rmSync(root, { recursive: true, force: true });
    },
  };
  return server;
}

/** Applies LSP text edits (non-overlapping, any order) to a text. */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
