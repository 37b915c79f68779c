/**
 * Runs the real bundled CLI (dist/cli.js) as a child process on real folders. `npm test` builds
 * first; a test run on its own builds once if the bundle is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');
export const cliPath = join(repoRoot, 'dist', 'cli.js');

export function ensureBuilt(): void {
  if (existsSync(cliPath)) return;
  const res = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`npm run build failed:\n${res.stdout}\n${res.stderr}`);
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function cli(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const res = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', ...env },
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** `cli(...)` with `--format json`, parsed; fails the test when stdout is not exactly one JSON object. */
export function cliJson(args: readonly string[], cwd: string): CliResult & { json: JsonReport } {
  const res = cli([...args, '--format', 'json'], cwd);
  let json: JsonReport;
  try {
    json = JSON.parse(res.stdout) as JsonReport;
  } catch {
    throw new Error(`stdout is not one JSON value (exit ${res.code}):\n${res.stdout}\nstderr:\n${res.stderr}`);
  }
  return { ...res, json };
}

export interface JsonDiagnostic {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
  source: string;
}

export interface JsonReport {
  diagnostics: JsonDiagnostic[];
}

/** Codes with file and 0-based start, the compact view most assertions want. */
export function brief(report: JsonReport): string[] {
  return report.diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code}`);
}

const made: string[] = [];

/** Writes `files` (relative path -> text) into a fresh temp folder and returns its real path. */
export function workspace(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'es-cli-')));
  made.push(root);
  for (const [rel, text] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return root;
}

export function removeWorkspaces(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
