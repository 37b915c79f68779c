/**
 * The parser against real schemas: every file of the shared corpus must parse without a single
 * diagnostic, and on a sample the tree must agree with protoc itself (names, numbers and the
 * comments protoc attaches in SourceCodeInfo).
 *
 * No file is excluded, because protoc 36.2 accepts the syntax of every one. Run on each file of
 * the protobuf corpus (`-I src -I . -I <its folder>`), it rejects 33, none for syntax: 21 import
 * a file the corpus lacks (e.g. `net/proto/proto1_features.proto`), 2 name types that do not
 * resolve from there (`csharp/.../map_unittest_proto3.proto`,
 * `editions/codegen_tests/edition2023_import.proto`), and 10 set custom options
 * whose definitions are absent (`go_api_flag`, `java_api_version`, e.g. in
 * `editions/codegen_tests/edition2023_go_api_flag.proto`). Those are link errors, reported after
 * parsing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { FileDescriptorSet } from 'protobufjs/ext/descriptor';
import { parseProto } from '../../../server/src/core/proto/parser';
import type { Docs, EnumDecl, MessageElement, TopLevelDecl } from '../../../server/src/core/proto/ast';
import { assertSpansNested, lineCol } from './fixture';

// The repository is cloned next to shared/ (e.g. /x/main and /x/shared).
const CORPUS = join(__dirname, '../../../../shared/corpus');
const PROTOBUF = join(CORPUS, 'protobuf');
const GOOGLEAPIS = join(CORPUS, 'googleapis', 'head');
const REPO = join(__dirname, '..', '..', '..');
const PROTOC = join(REPO, 'node_modules', 'protoc', 'protoc.cjs');
const WKT = join(REPO, 'node_modules', 'protoc', 'include');

function protoFiles(root: string): string[] {
  assert.ok(existsSync(root), `corpus folder ${root} is missing: clone the shared corpus next to the repository`);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.proto')) out.push(relative(root, p).split(sep).join('/'));
    }
  };
  walk(root);
  return out;
}

function expectCleanParse(root: string, files: readonly string[], checkSpansEvery: number): void {
  const failures: string[] = [];
  files.forEach((file, i) => {
    const text = readFileSync(join(root, file), 'utf8');
    const r = parseProto(text);
    for (const d of r.diagnostics.slice(0, 3)) {
      failures.push(`${file}:${lineCol(text, d.span.start)} ${d.code} ${d.message}`);
    }
    if (i % checkSpansEvery === 0) assertSpansNested(r.ast, text.length);
  });
  assert.deepEqual(failures, []);
}

test('every file of the protobuf corpus parses without diagnostics', () => {
  const files = protoFiles(PROTOBUF);
  assert.ok(files.length >= 472, `expected the 472 files of the protobuf corpus, found ${files.length}`);
  expectCleanParse(PROTOBUF, files, 1);
});

test('every file of googleapis parses without diagnostics', () => {
  const files = protoFiles(GOOGLEAPIS);
  assert.ok(files.length >= 7227, `expected the 7,227 files of googleapis, found ${files.length}`);
  expectCleanParse(GOOGLEAPIS, files, 10);
});

// ------------------------------------------------------------------ differential against protoc

interface Location {
  path: number[];
  leadingComments?: string;
  trailingComments?: string;
  leadingDetachedComments?: string[];
}
interface Named {
  name?: string;
  number?: number;
}
interface MessageProto extends Named {
  field: Named[];
  nestedType: MessageProto[];
  enumType: EnumProto[];
  oneofDecl: Named[];
  extension: Named[];
}
interface EnumProto extends Named {
  value: Named[];
}
interface FileProto {
  name: string;
  messageType: MessageProto[];
  enumType: EnumProto[];
  service: (Named & { method: Named[] })[];
  extension: Named[];
  sourceCodeInfo?: { location: Location[] };
}

/**
 * Compiles `files` (paths relative to `root`) with protoc. Some test files define the same names,
 * so a batch that fails is split in halves until the clashing files are compiled apart; a single
 * file that fails fails the test with protoc's message.
 */
function compile(root: string, files: readonly string[]): FileProto[] {
  const dir = mkdtempSync(join(tmpdir(), 'parser-corpus-'));
  const out = join(dir, 'set.binpb');
  const run = (batch: readonly string[]): FileProto[] => {
    try {
      execFileSync(process.execPath, [PROTOC, '-I', root, '-I', WKT, '--include_source_info', `--descriptor_set_out=${out}`, ...batch], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } catch (e) {
      if (batch.length === 1) throw e;
      const half = batch.length >> 1;
      return [...run(batch.slice(0, half)), ...run(batch.slice(half))];
    }
    return (FileDescriptorSet.decode(readFileSync(out)) as unknown as { file: FileProto[] }).file;
  };
  try {
    return run(files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** protoc's comment text with the markers stripped like ours: one leading space, trailing blanks. */
function normalize(comment: string | undefined): string | undefined {
  if (!comment) return undefined;
  const lines = comment
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => l.replace(/^\/+/, '').replace(/^ /, '').trimEnd());
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.length ? lines.join('\n') : undefined;
}

/** Walks our tree and protoc's descriptor side by side, in the numbering of SourceCodeInfo paths. */
function compareWithProtoc(root: string, fd: FileProto, problems: string[], counts: { decls: number }): void {
  const text = readFileSync(join(root, fd.name), 'utf8');
  const ast = parseProto(text).ast;
  const locations = new Map<string, Location>();
  for (const l of fd.sourceCodeInfo?.location ?? []) {
    const key = l.path.join('.');
    if (!locations.has(key)) locations.set(key, l);
  }
  const problem = (path: number[], what: string) => problems.push(`${fd.name} [${path.join('.')}] ${what}`);
  const same = (path: number[], ours: unknown, theirs: unknown, what: string) => {
    if (ours !== theirs) problem(path, `${what}: ours ${String(ours)}, protoc ${String(theirs)}`);
  };
  const docs = (path: number[], d: Docs) => {
    counts.decls++;
    const l = locations.get(path.join('.'));
    if (!l) {
      problem(path, 'protoc has no location here');
      return;
    }
    const theirs = {
      leading: normalize(l.leadingComments),
      trailing: normalize(l.trailingComments),
      detached: (l.leadingDetachedComments ?? []).map(normalize),
    };
    const ours = { leading: d.leading || undefined, trailing: d.trailing || undefined, detached: [...(d.detached ?? [])] };
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
      problem(path, `docs: ours ${JSON.stringify(ours)}, protoc ${JSON.stringify(theirs)}`);
    }
  };
  const walkEnum = (e: EnumDecl, proto: EnumProto | undefined, path: number[]) => {
    same(path, e.name?.text, proto?.name, 'enum name');
    docs(path, e.docs);
    let v = 0;
    for (const el of e.body) {
      if (el.kind !== 'enumValue') continue;
      const p = [...path, 2, v];
      same(p, el.name.text, proto?.value[v]?.name, 'enum value name');
      same(p, el.number?.value, proto?.value[v]?.number, 'enum value number');
      docs(p, el.docs);
      v++;
    }
    same(path, v, proto?.value.length, 'enum value count');
  };
  const walkMessage = (body: readonly MessageElement[], proto: MessageProto | undefined, path: number[]) => {
    let fields = 0;
    let nested = 0;
    let enums = 0;
    let oneofs = 0;
    let extensions = 0;
    const walk = (els: readonly MessageElement[]) => {
      for (const el of els) {
        switch (el.kind) {
          case 'field':
          case 'mapField':
          case 'group': {
            const p = [...path, 2, fields];
            const name = el.kind === 'group' ? el.name?.text.toLowerCase() : el.name?.text;
            same(p, name, proto?.field[fields]?.name, 'field name');
            same(p, el.number?.value, proto?.field[fields]?.number, 'field number');
            fields++;
            if (el.kind === 'group') {
              // protoc files a group's comments under the message it declares.
              docs([...path, 3, nested], el.docs);
              walkMessage(el.body, proto?.nestedType[nested], [...path, 3, nested]);
            } else {
              docs(p, el.docs);
            }
            if (el.kind !== 'field') nested++; // map entries and groups are nested messages
            break;
          }
          case 'oneof': {
            const p = [...path, 8, oneofs];
            same(p, el.name?.text, proto?.oneofDecl[oneofs]?.name, 'oneof name');
            docs(p, el.docs);
            oneofs++;
            walk(el.body);
            break;
          }
          case 'message': {
            const p = [...path, 3, nested];
            same(p, el.name?.text, proto?.nestedType[nested]?.name, 'message name');
            docs(p, el.docs);
            walkMessage(el.body, proto?.nestedType[nested], p);
            nested++;
            break;
          }
          case 'enum':
            walkEnum(el, proto?.enumType[enums], [...path, 4, enums]);
            enums++;
            break;
          case 'extend':
            for (const f of el.body) {
              if (f.kind === 'empty') continue;
              const name = f.kind === 'group' ? f.name?.text.toLowerCase() : f.name?.text;
              same([...path, 6, extensions], name, proto?.extension[extensions]?.name, 'extension name');
              extensions++;
              if (f.kind === 'group') nested++;
            }
            break;
        }
      }
    };
    walk(body);
    same(path, fields, proto?.field.length, 'field count');
    same(path, nested, proto?.nestedType.length, 'nested message count');
    same(path, enums, proto?.enumType.length, 'nested enum count');
  };
  let messages = 0;
  let enums = 0;
  let services = 0;
  let extensions = 0;
  for (const d of ast.body as readonly TopLevelDecl[]) {
    switch (d.kind) {
      case 'syntax':
        docs([12], d.docs);
        break;
      case 'package':
        docs([2], d.docs);
        break;
      case 'message':
        same([4, messages], d.name?.text, fd.messageType[messages]?.name, 'message name');
        docs([4, messages], d.docs);
        walkMessage(d.body, fd.messageType[messages], [4, messages]);
        messages++;
        break;
      case 'enum':
        walkEnum(d, fd.enumType[enums], [5, enums]);
        enums++;
        break;
      case 'service': {
        const s = fd.service[services];
        same([6, services], d.name?.text, s?.name, 'service name');
        docs([6, services], d.docs);
        let m = 0;
        for (const rpc of d.body) {
          if (rpc.kind !== 'rpc') continue;
          same([6, services, 2, m], rpc.name?.text, s?.method[m]?.name, 'method name');
          docs([6, services, 2, m], rpc.docs);
          m++;
        }
        services++;
        break;
      }
      case 'extend':
        for (const f of d.body) {
          if (f.kind === 'empty') continue;
          const name = f.kind === 'group' ? f.name?.text.toLowerCase() : f.name?.text;
          same([7, extensions], name, fd.extension[extensions]?.name, 'extension name');
          if (f.kind === 'field') docs([7, extensions], f.docs);
          extensions++;
          if (f.kind === 'group') messages++;
        }
        break;
    }
  }
  same([4], messages, fd.messageType.length, 'message count');
  same([5], enums, fd.enumType.length, 'enum count');
}

test('names, numbers and attached comments agree with protoc on a sample of both corpora', () => {
  assert.ok(existsSync(PROTOC), `protoc is missing at ${PROTOC}: run npm install`);
  // The ruby fixtures import a sibling by its bare name, so they need their own folder as a root.
  const protobufSrc = join(PROTOBUF, 'src');
  const protobufFiles = protoFiles(protobufSrc).filter((f) => !f.startsWith('google/protobuf/compiler/ruby/ruby_generated_code'));
  const googleapisFiles = protoFiles(GOOGLEAPIS).filter((_, i) => i % 40 === 0);
  const problems: string[] = [];
  const counts = { decls: 0 };
  for (const [root, files] of [
    [protobufSrc, protobufFiles],
    [GOOGLEAPIS, googleapisFiles],
  ] as const) {
    const compiled = compile(root, files);
    const wanted = new Set(files);
    const checked = compiled.filter((fd) => wanted.has(fd.name));
    assert.equal(checked.length, files.length, 'protoc compiled every sampled file');
    for (const fd of checked) compareWithProtoc(root, fd, problems, counts);
  }
  assert.deepEqual(problems.slice(0, 20), []);
  assert.ok(counts.decls > 10_000, `compared only ${counts.decls} declarations`);
});
