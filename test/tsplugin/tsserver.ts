/**
 * A client for the real tsserver (node_modules/typescript/lib/tsserver.js) as a child process,
 * speaking its protocol: JSON requests on stdin, Content-Length framed responses and events on
 * stdout. Used with our plugin loaded the way VS Code loads it: --globalPlugins plus a probe
 * location whose node_modules holds the plugin package (written by the build).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { server } from 'typescript';


export const repoRoot = join(__dirname, '..', '..');
export const tsserverPath = join(repoRoot, 'node_modules', 'typescript', 'lib', 'tsserver.js');
export const pluginName = 'event-schemas-tsplugin';

export function pluginIsBuilt(): boolean {
  return existsSync(join(repoRoot, 'node_modules', pluginName, 'index.js')) && existsSync(join(repoRoot, 'dist', 'tsplugin.js'));
}

export interface ServerOptions {
  /** Load our plugin (the default); false measures or checks plain TypeScript. */
  readonly plugin?: boolean;
  /** The folder whose node_modules holds the plugin package (VS Code passes the extension's folder). */
  readonly probe?: string;
  readonly logFile?: string;
}

export class TsServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private seq = 0;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, { resolve: (r: server.protocol.Response) => void; reject: (e: Error) => void }>();
  private exited: Error | undefined;

  constructor(options: ServerOptions = {}) {
    const args = [tsserverPath, '--disableAutomaticTypingAcquisition', '--suppressDiagnosticEvents'];
    if (options.plugin !== false) args.push('--globalPlugins', pluginName, '--pluginProbeLocations', options.probe ?? repoRoot);
    if (options.logFile) args.push('--logVerbosity', 'verbose', '--logFile', options.logFile);
    this.child = spawn(process.execPath, args, { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.on('exit', (code) => {
      this.exited = new Error(`tsserver exited with ${code}`);
      for (const p of this.pending.values()) p.reject(this.exited);
      this.pending.clear();
    });
  }

  request<T extends server.protocol.Response = server.protocol.Response>(command: string, args?: unknown): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const seq = ++this.seq;
    const message = { seq, type: 'request', command, arguments: args };
    return new Promise<T>((resolve, reject) => {
      this.pending.set(seq, { resolve: resolve as (r: server.protocol.Response) => void, reject });
      this.child.stdin.write(JSON.stringify(message) + '\n');
    });
  }

  /** For commands tsserver answers with nothing (open, updateOpen, configure...): a request after it orders them. */
  notify(command: string, args?: unknown): void {
    this.child.stdin.write(JSON.stringify({ seq: ++this.seq, type: 'request', command, arguments: args }) + '\n');
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.notify('exit');
    const timer = setTimeout(() => this.child.kill(), 5000);
    await done;
    clearTimeout(timer);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      const bodyStart = headerEnd + 4;
      if (this.buffer.length < bodyStart + length) return;
      const body = this.buffer.subarray(bodyStart, bodyStart + length).toString('utf8');
      this.buffer = this.buffer.subarray(bodyStart + length);
      const message = JSON.parse(body) as server.protocol.Message;
      if (message.type === 'response') {
        const response = message as server.protocol.Response;
        const waiter = this.pending.get(response.request_seq);
        if (waiter) {
          this.pending.delete(response.request_seq);
          waiter.resolve(response);
        }
      }
    }
  }
}

export type SemanticDiagnostics = server.protocol.Diagnostic[];

export async function semanticDiagnostics(server: TsServer, file: string): Promise<SemanticDiagnostics> {
  const res = await server.request<server.protocol.SemanticDiagnosticsSyncResponse>('semanticDiagnosticsSync', { file });
  if (!res.success) throw new Error(`semanticDiagnosticsSync failed: ${res.message}`);
  return res.body as SemanticDiagnostics;
}

export async function suggestionDiagnostics(server: TsServer, file: string): Promise<SemanticDiagnostics> {
  const res = await server.request<server.protocol.SuggestionDiagnosticsSyncResponse>('suggestionDiagnosticsSync', { file });
  if (!res.success) throw new Error(`suggestionDiagnosticsSync failed: ${res.message}`);
  return res.body as SemanticDiagnostics;
}

/** Applies tsserver text changes (1-based line/offset) to a text. */
export function applyTextChanges(text: string, changes: readonly server.protocol.CodeEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offsetOf = (l: server.protocol.Location) => lineStarts[l.line - 1]! + l.offset - 1;
  const sorted = [...changes].sort((a, b) => offsetOf(b.start) - offsetOf(a.start));
  for (const c of sorted) text = text.slice(0, offsetOf(c.start)) + c.newText + text.slice(offsetOf(c.end));
  return text;
}
