/**
 * Agreement with protoc 36.2 (the `protoc` npm package), both ways:
 *
 * (a) Every file protoc accepts in the real corpora gets no error from us: protobuf's own
 *     src/google/protobuf (proto2, proto3 and editions, with descriptor.proto and the custom
 *     option tests) and all of googleapis. We load them through the ProtoProject directly.
 * (b) Every file under fixtures/protoc is one protoc rejects, and we report an error on each line
 *     protoc names. Each fixture names the checks it exercises in a `// checks:` line, and those
 *     codes must be among our errors, so a fixture cannot pass on some unrelated error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic } from '../../../server/src/core/diagnostics/diagnostic';
import { ProtoProject } from '../../../server/src/core/proto/project';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { ProtoFiles, pathOf } from '../../../server/src/host/protoFiles';
import { WKT_ROOT } from './checkFixture';

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
const PROTOC = join(__dirname, '..', '..', '..', 'node_modules', 'protoc', 'bin', 'protoc-linux-x86_64');
const FIXTURES = join(__dirname, 'fixtures', 'protoc');

/**
 * Files of the corpora that protoc 36.2 rejects, found once by running it on each file with the
 * same import roots (googleapis: all 7,227 files are accepted).
 */
const PROTOC_REJECTS = new Set([
  // Import "ruby_generated_code_proto2_import.proto" relative to their own folder, which no root answers.
  'google/protobuf/compiler/ruby/ruby_generated_code.proto',
  'google/protobuf/compiler/ruby/ruby_generated_code_proto2.proto',
]);

function protoFilesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) protoFilesUnder(p, out);
    else if (name.endsWith('.proto')) out.push(p);
  }
  return out;
}

interface Loaded {
  readonly project: ProtoProject;
  readonly files: ProtoFiles;
  readonly uris: readonly string[];
}

function load(roots: string[], inputs: string[]): Loaded {
  const project = new ProtoProject();
  const files = new ProtoFiles(project, { roots, source: 'importPaths', problems: [] });
  const uris = inputs.map((f) => files.addFile(f)).filter((u): u is string => u !== undefined);
  files.loadImports(uris);
  return { project, files, uris };
}

/** Files whose imports, followed transitively, reach one that no root answers (e.g. a missing compute.proto). */
function unresolvable({ project }: Loaded, uris: readonly string[]): Set<string> {
  const broken = new Map<string, boolean>();
  const visit = (uri: string, stack: Set<string>): boolean => {
    const known = broken.get(uri);
    if (known !== undefined) return known;
    if (stack.has(uri)) return false;
    stack.add(uri);
    let bad = project.unresolvedImports(uri).length > 0;
    for (const d of project.get(uri)?.parse.ast.body ?? []) {
      if (bad) break;
      if (d.kind !== 'import' || d.path === undefined) continue;
      const target = project.uriForImport(d.path);
      if (target && visit(target, stack)) bad = true;
    }
    stack.delete(uri);
    broken.set(uri, bad);
    return bad;
  };
  return new Set(uris.filter((u) => visit(u, new Set())));
}

function describe(project: ProtoProject, uri: string, d: Diagnostic, root: string): string {
  const text = project.get(uri)!.text;
  const pos = new LineIndex(text).positionAt(d.span.start);
  return `${relative(root, pathOf(uri)!)}:${pos.line + 1}:${pos.character + 1}: ${d.code}: ${d.message}`;
}

function expectNoErrors(root: string, loaded: Loaded, minFiles: number) {
  const importPath = (uri: string) => relative(root, pathOf(uri)!);
  const skipped = unresolvable(loaded, loaded.uris);
  const checked = loaded.uris.filter((u) => !skipped.has(u) && !PROTOC_REJECTS.has(importPath(u)));
  assert.ok(checked.length >= minFiles, `only ${checked.length} files were checked`);
  const errors: string[] = [];
  for (const uri of checked) {
    for (const d of loaded.project.diagnostics(uri)) {
      if (d.severity === 'error') errors.push(describe(loaded.project, uri, d, root));
    }
  }
  assert.deepEqual(errors.slice(0, 20), [], `${errors.length} errors in files protoc accepts`);
}

test('(a) no errors in the files of protobuf/src/google/protobuf that protoc accepts', () => {
  const root = join(CORPUS, 'protobuf', 'src');
  const loaded = load([root], protoFilesUnder(join(root, 'google', 'protobuf')));
  expectNoErrors(root, loaded, 100);
});

test('(a) no errors in googleapis, which protoc accepts', () => {
  const root = join(CORPUS, 'googleapis', 'head');
  const loaded = load([root, WKT_ROOT], protoFilesUnder(root));
  expectNoErrors(root, loaded, 7000);
});

interface ProtocError {
  readonly line?: number;
  readonly message: string;
}

/** protoc's errors for one file, as `file:line:col: message` (or `file: message` without a place). */
function runProtoc(file: string): ProtocError[] {
  let stderr = '';
  try {
    execFileSync(PROTOC, ['-I', FIXTURES, '-I', WKT_ROOT, '-o', '/dev/null', file], { cwd: FIXTURES, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    stderr = String((e as { stderr?: Buffer }).stderr ?? '');
  }
  const errors: ProtocError[] = [];
  for (const line of stderr.split('\n')) {
    const m = /^[^:]+\.proto:(?:(\d+):\d+:)? (.*)$/.exec(line);
    if (!m || m[2]!.startsWith('warning:')) continue;
    errors.push({ line: m[1] ? Number(m[1]) : undefined, message: m[2]! });
  }
  return errors;
}

test('(b) on each file protoc rejects, we report an error on every line protoc names', () => {
  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.proto')).sort();
  assert.ok(fixtures.length >= 60, `only ${fixtures.length} fixtures`);
  const problems: string[] = [];
  for (const name of fixtures) {
    const path = join(FIXTURES, name);
    const text = readFileSync(path, 'utf8');
    const declared = /^\/\/ checks: (.+)$/m.exec(text)?.[1]?.split(/[ ,]+/) ?? [];
    if (declared.length === 0) problems.push(`${name}: no "// checks:" line`);
    const protoc = runProtoc(name);
    if (protoc.length === 0) {
      problems.push(`${name}: protoc accepts this file`);
      continue;
    }
    const { project, uris } = load([FIXTURES], [path]);
    const uri = uris[0]!;
    const index = new LineIndex(text);
    const lineOf = (offset: number) => index.positionAt(offset).line + 1;
    const ours = project.diagnostics(uri).filter((d) => d.severity === 'error');
    for (const code of declared) {
      if (!ours.some((d) => d.code === code)) problems.push(`${name}: no ${code} error among ${ours.map((d) => d.code).join(', ') || 'none'}`);
    }
    for (const p of protoc) {
      if (p.line === undefined) continue;
      // For a clash between two declarations protoc may anchor at the other one (the reserved
      // range, the extension range), which our diagnostic names as related information.
      const hit = ours.some(
        (d) => lineOf(d.span.start) === p.line || (d.related ?? []).some((r) => r.uri === uri && lineOf(r.span.start) === p.line),
      );
      if (!hit) problems.push(`${name}:${p.line}: protoc says "${p.message}", we report nothing on that line`);
    }
  }
  assert.deepEqual(problems, []);
});
