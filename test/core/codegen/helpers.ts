// Shared by the codegen tests: models from inline schemas, the TypeScript compiler over generated
// files (on disk or in memory), loading generated code as JavaScript, and protoc as an encoder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { AvroRegistry, parseAvdl, parseAvsc } from '../../../server/src/core/avro/index';
import { generate, type GeneratedFile } from '../../../server/src/core/codegen/index';
import { lowerAvro, lowerProto, mergeModels, type EventModel } from '../../../server/src/core/model/index';
import { ProtoProject } from '../../../server/src/core/proto/project';

export const repoRoot = resolve(__dirname, '..', '..', '..');
export const wktInclude = join(repoRoot, 'node_modules', 'protoc', 'include');
export const protocPath = join(repoRoot, 'node_modules', 'protoc', 'bin', 'protoc-linux-x86_64');
export const goldenDir = join(__dirname, 'golden');

export type Files = Readonly<Record<string, string>>;

const uriOf = (path: string) => `file:///schemas/${path}`;

/** A linked project over inline .proto files (by import path); google/protobuf imports come from the protoc package. */
export function protoProject(files: Files): { project: ProtoProject; uris: string[] } {
  const project = new ProtoProject();
  const uris = Object.entries(files).map(([path, text]) => {
    project.setFile({ uri: uriOf(path), importPath: path, text });
    return uriOf(path);
  });
  const queue = [...uris];
  while (queue.length) {
    for (const imp of project.unresolvedImports(queue.pop()!)) {
      if (!imp.startsWith('google/protobuf/') || !imp.endsWith('.proto') || !existsSync(join(wktInclude, imp))) continue;
      const uri = `file:///wkt/${imp}`;
      project.setFile({ uri, importPath: imp, text: readFileSync(join(wktInclude, imp), 'utf8') });
      queue.push(uri);
    }
  }
  return { project, uris };
}

export function protoModel(files: Files): EventModel {
  const { project, uris } = protoProject(files);
  for (const uri of uris) {
    const errors = project.diagnostics(uri).filter((d) => d.severity === 'error');
    if (errors.length) throw new Error(`${uri}: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  }
  return lowerProto(project, uris);
}

/** A model over inline .avsc/.avdl files (by path), all in one registry. */
export function avroModel(files: Files): EventModel {
  const registry = new AvroRegistry();
  for (const [path, text] of Object.entries(files)) {
    registry.setFile(uriOf(path), path.endsWith('.avdl') ? parseAvdl(text) : parseAvsc(text, uriOf(path)));
  }
  return lowerAvro(
    registry,
    Object.keys(files).map((path) => ({ uri: uriOf(path), path })),
  );
}

/** Generated files of a schema set: .proto files lower through Protobuf, the others through Avro. */
export function generateFiles(files: Files): GeneratedFile[] {
  const proto = Object.fromEntries(Object.entries(files).filter(([p]) => p.endsWith('.proto')));
  const avro = Object.fromEntries(Object.entries(files).filter(([p]) => !p.endsWith('.proto')));
  const models = [...(Object.keys(proto).length ? [protoModel(proto)] : []), ...(Object.keys(avro).length ? [avroModel(avro)] : [])];
  return [...generate(mergeModels(...models)).files];
}

export function asRecord(files: readonly GeneratedFile[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f.path, f.text]));
}

/** The strictest settings a user might compile generated code with. */
export const STRICT: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noPropertyAccessFromIndexSignature: true,
  isolatedModules: true,
  verbatimModuleSyntax: false,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  typeRoots: [join(repoRoot, 'node_modules', '@types')],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * Type-checks `files` (paths relative to `dir`) with the real compiler. Files may exist only in
 * memory; `dir` should lie inside the repository so that `protobufjs` and `avsc` resolve from its
 * node_modules. Returns the diagnostics as `path(line,col): TSxxxx message` lines.
 */
export function typeCheck(dir: string, files: Files, options: ts.CompilerOptions = STRICT, roots?: readonly string[]): string[] {
  const virtual = new Map(Object.entries(files).map(([p, text]) => [join(dir, p), text]));
  const host = ts.createCompilerHost(options);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  const directoryExists = host.directoryExists?.bind(host);
  host.fileExists = (f) => virtual.has(f) || fileExists(f);
  host.readFile = (f) => virtual.get(f) ?? readFile(f);
  host.directoryExists = (d) => [...virtual.keys()].some((k) => k.startsWith(d + '/')) || (directoryExists ? directoryExists(d) : true);
  host.getSourceFile = (f, lang, onError, create) => {
    const text = virtual.get(f);
    return text !== undefined ? ts.createSourceFile(f, text, lang) : getSourceFile(f, lang, onError, create);
  };
  const rootNames = (roots ?? Object.keys(files)).map((p) => join(dir, p));
  const program = ts.createProgram({ rootNames, options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return `TS${d.code} ${text}`;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName.replace(dir + '/', '')}(${line + 1},${character + 1}): TS${d.code} ${text}`;
  });
}

/** A folder inside the repository that does not exist on disk, for in-memory compiles. */
export function virtualDir(name: string): string {
  return join(__dirname, `.virtual-${name}`);
}

const loaded: string[] = [];

/**
 * Transpiles generated TypeScript to CommonJS in a temporary folder (with the repository's
 * node_modules linked in) and returns `require` for it.
 */
export function loadGenerated(files: Files): (path: string) => Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'es-codegen-'));
  loaded.push(dir);
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{"type":"commonjs"}\n');
  for (const [path, text] of Object.entries(files)) {
    const out = ts.transpileModule(text, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: path,
    });
    const target = join(dir, path.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, out.outputText);
  }
  const req = createRequire(join(dir, 'index.js'));
  return (path) => req(join(dir, path.replace(/\.ts$/, '.js'))) as Record<string, unknown>;
}

export function removeLoaded(): void {
  for (const dir of loaded.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** `protoc --encode`: text format in, binary out, from .proto files written to a temporary folder. */
export function protocEncode(files: Files, messageType: string, textFormat: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'es-protoc-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const out = execFileSync(protocPath, ['-I', dir, '-I', wktInclude, `--encode=${messageType}`, ...Object.keys(files)], {
      cwd: dir,
      input: textFormat,
    });
    return new Uint8Array(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `protoc --decode`: binary in, text format out. */
export function protocDecode(files: Files, messageType: string, bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'es-protoc-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return execFileSync(protocPath, ['-I', dir, '-I', wktInclude, `--decode=${messageType}`, ...Object.keys(files)], {
      cwd: dir,
      input: bytes,
      encoding: 'utf8',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Deep copy with every Uint8Array (Buffer included) as a plain Uint8Array, so that deepEqual compares contents. */
export function plainBytes<T>(value: T): T {
  if (value instanceof Uint8Array) return new Uint8Array(value) as T;
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, plainBytes(v)])) as T;
  if (Array.isArray(value)) return value.map(plainBytes) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainBytes(v)])) as T;
}

/** Every file below `dir`, by `/`-separated relative path. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}
