/**
 * `event-schemas breaking`: the current files against a baseline. The current files are checked
 * exactly as `check` checks them (their syntax and semantic errors are findings too); then the
 * baseline is loaded (a folder or file, git:REV, a glob of versions, registry:URL#SUBJECT) and
 * each format compares its files: Protobuf with buf's rules or Schema Registry's, Avro with
 * Avro's resolution in a Confluent mode. One report, in text, json, github or sarif.
 *
 * Exit codes as DESIGN.md gives them: 2 when the baseline cannot be loaded or an input cannot be
 * read (the report is still printed), else 1 when any finding is an error, else 0.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version as toolVersion } from '../../../package.json';
import type { Finding } from '../core/compat/finding';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { LineIndex } from '../core/text/lineIndex';
import type { Span } from '../core/text/span';
import {
  BaselineError,
  isTransitive,
  loadBaseline,
  parseBaselineSpec,
  type Baseline,
  type BaselineSpec,
  type Credentials,
} from '../host/baseline';
import { expandGlob } from '../host/baseline/glob';
import { discoverRoots } from '../host/roots';
import { UsageError, type BreakingArgs, type Mode } from './args';
import { compareAvro, isAvroPath } from './breaking/avro';
import { BaselineDocs, type BaselineDoc } from './breaking/docs';
import { compareProto } from './breaking/proto';
import { chooseProtoRules, CONFLUENT_PROTO_RULES_AVAILABLE } from '../host/breaking/protoRules';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE } from './check';
import { checkerFor } from './checkers';
import { checkProto, protoChecker } from './checkers/proto';
import type { ProtoImage } from '../core/compat/proto/image';
import type { CheckedFile, CheckerOptions, CheckerResult, InputFile, SchemaChecker, SourceLookup } from './checkers/checker';
import { discoverFiles } from './discover';
import type { Io } from './io';
import { renderGithub } from './render/github';
import { renderJson } from './render/json';
import type { Place, Where } from './render/places';
import { renderSarif } from './render/sarif';
import { renderText } from './render/text';
import { buildReport, displayPath, hasErrors, type Report } from './report';

export const REGISTRY_ENV = {
  user: 'EVENT_SCHEMAS_REGISTRY_USER',
  password: 'EVENT_SCHEMAS_REGISTRY_PASSWORD',
  token: 'EVENT_SCHEMAS_REGISTRY_TOKEN',
  timeout: 'EVENT_SCHEMAS_REGISTRY_TIMEOUT_MS',
} as const;

export async function runBreaking(args: BreakingArgs, io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const spec = baselineSpec(args.against);
  const registry = spec.kind === 'registry' ? registryOptions(env, args.mode) : undefined;

  const pathArgs = args.paths.length ? args.paths : ['.'];
  const importPaths = args.importPaths.map((p) => resolve(io.cwd, p));
  const badRoots = args.importPaths.filter((_, i) => !isFolder(importPaths[i]!));
  const found = discoverFiles(pathArgs, io.cwd);
  const fatal = [...found.errors, ...badRoots.map((p) => `import root ${p} is not a folder`)];
  if (fatal.length) {
    for (const message of fatal) io.error(message);
    return EXIT_USAGE;
  }

  // A baseline folder inside PATH (`breaking . --against old`) is the old version, not current files.
  const isBaselineFile = baselineArea(spec, io.cwd);
  const problems: string[] = found.unreadable.map((dir) => `cannot read folder ${displayPath(dir, io.cwd)}`);
  const inputs: InputFile[] = [];
  for (const file of found.files) {
    if (isBaselineFile(file.path)) continue;
    try {
      inputs.push({ ...file, text: readFileSync(file.path, 'utf8') });
    } catch (e) {
      problems.push(`cannot read ${displayPath(file.path, io.cwd)}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }

  const targets = pathArgs.map((p) => {
    const abs = resolve(io.cwd, p);
    return { path: abs, isFolder: isFolder(abs) };
  });
  const protoInputs = inputs.filter((f) => extname(f.path).toLowerCase() === '.proto');
  // Every folder's buf configuration is looked for once in the run, whoever asks first.
  const configFiles = new Map<string, string | null>();
  const avroInputs = inputs.filter((f) => isAvroPath(f.path));
  let baseline: Baseline | undefined;
  try {
    baseline = await loadBaseline(
      spec,
      {
        base: io.cwd,
        targets,
        extraFolders: protoRootFolders(protoInputs, importPaths, configFiles),
        ...(inputs.length === 1 ? { singleFile: inputs[0]!.path } : {}),
      },
      registry ? { registry } : {},
    );
  } catch (e) {
    if (!(e instanceof BaselineError)) throw e;
    problems.push(e.message);
  }

  const docs = new BaselineDocs(io.cwd, baseline?.versions ?? []);
  const findings: Finding[] = [];
  const mode = baseline ? (args.mode ?? baseline.compatibility) : undefined;
  const transitive = mode !== undefined && isTransitive(mode);
  const typeProblems = baseline ? registryTypeProblems(docs, inputs, io.cwd) : [];
  const compare = baseline !== undefined && (problems.length + typeProblems.length === 0 || spec.kind !== 'registry');
  const choice = compare ? chooseProtoRules(args.rules, mode) : 'none';
  // Old .proto files count even when none is left: deleting them all is a breaking change too.
  const oldProto = docs.versions.some((v) => v.some((d) => !d.reference && d.path.toLowerCase().endsWith('.proto')));
  const compareProtoFiles = choice !== 'none' && (protoInputs.length > 0 || oldProto);

  // The current files are checked first: the same pass builds their Protobuf images, so each file
  // is parsed and linked once for both; its problems are listed after the comparison's.
  const checkProblems: string[] = [];
  const checked = checkInputs(inputs, { importPaths, configFiles }, checkProblems, compareProtoFiles);
  if (baseline) {
    const all = baseline.versions.map((_, i) => i);
    const versions = transitive ? all : all.slice(-1);
    problems.push(...typeProblems);
    if (compare) {
      if (compareProtoFiles) {
        if (choice.kind === 'confluent' && !CONFLUENT_PROTO_RULES_AVAILABLE) {
          io.note("Schema Registry's Protobuf rules are not in this build yet: .proto files were only checked for errors; use --rules FILE for buf's rules");
        }
        const result = compareProto({
          cwd: io.cwd,
          current: protoInputs,
          importPaths,
          targets: targets.map((t) => t.path),
          docs,
          versions: all,
          transitive,
          choice,
          currentImages: checked.protoImages,
          configFiles,
          ...(spec.kind === 'path' && isFolder(resolve(io.cwd, spec.path)) ? { baselineFolder: resolve(io.cwd, spec.path) } : {}),
        });
        findings.push(...result.findings);
        problems.push(...result.problems);
      }
      const avroMode = mode ?? 'BACKWARD';
      if (avroInputs.length && avroMode !== 'NONE') {
        const result = compareAvro({ cwd: io.cwd, current: avroInputs, docs, versions, mode: avroMode });
        findings.push(...result.findings);
        problems.push(...result.problems);
      }
    }
    if (docs.versions.every((v) => v.every((d) => d.reference))) {
      io.note(`the baseline ${baseline.description} holds none of the schema files: every file counts as new`);
    }
  }
  problems.push(...checkProblems);

  const report = breakingReport(checked, findings, docs, inputs.length, io.cwd);
  const where = placeFinder(checked.source, docs, io.cwd);
  io.out(render(args.format, report, where, io));
  for (const p of problems) io.error(p);
  if (problems.length) return EXIT_USAGE;
  return hasErrors(report) ? EXIT_FINDINGS : EXIT_CLEAN;
}

function baselineSpec(text: string): BaselineSpec {
  try {
    return parseBaselineSpec(text);
  } catch (e) {
    if (e instanceof BaselineError) throw new UsageError(e.message, 'breaking');
    throw e;
  }
}

function registryOptions(env: NodeJS.ProcessEnv, mode: Mode | undefined) {
  let credentials: Credentials | undefined;
  const token = env[REGISTRY_ENV.token];
  const user = env[REGISTRY_ENV.user];
  const password = env[REGISTRY_ENV.password];
  if (token) credentials = { kind: 'bearer', token };
  else if (user) credentials = { kind: 'basic', username: user, password: password ?? '' };
  else if (password) throw new UsageError(`${REGISTRY_ENV.password} is set but ${REGISTRY_ENV.user} is not: set both for basic authentication`, 'breaking');
  const timeoutText = env[REGISTRY_ENV.timeout];
  let timeoutMs: number | undefined;
  if (timeoutText !== undefined && timeoutText !== '') {
    timeoutMs = Number(timeoutText);
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
      throw new UsageError(`${REGISTRY_ENV.timeout} must be a whole number of milliseconds above 0, not \`${timeoutText}\``, 'breaking');
    }
  }
  return {
    ...(credentials ? { credentials } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(mode !== undefined ? { allVersions: isTransitive(mode) } : {}),
  };
}

/** Whether a discovered file is part of a baseline on disk rather than of the current version. */
function baselineArea(spec: BaselineSpec, cwd: string): (path: string) => boolean {
  if (spec.kind !== 'path') return () => false;
  const abs = resolve(cwd, spec.path);
  let stat;
  try {
    stat = statSync(abs);
  } catch {
    if (!spec.glob) return () => false;
    const matches = new Set(expandGlob(spec.path, cwd));
    return (path) => matches.has(path);
  }
  if (stat.isFile()) return (path) => path === abs;
  return (path) => {
    const rel = relative(abs, path);
    return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
  };
}

interface Checked {
  readonly files: CheckedFile[];
  readonly source: SourceLookup;
  /** The current .proto files' images, by import roots, when asked for. */
  readonly protoImages?: ReadonlyMap<string, ProtoImage>;
}

/** The same per-format checks as `check`, so both commands report the same errors. */
function checkInputs(inputs: readonly InputFile[], options: CheckerOptions, problems: string[], protoImages: boolean): Checked {
  const byChecker = new Map<SchemaChecker, InputFile[]>();
  const unchecked: CheckedFile[] = [];
  for (const f of inputs) {
    const checker = checkerFor(f.path);
    if (!checker) {
      unchecked.push({ path: f.path, text: f.text, diagnostics: [] });
      continue;
    }
    const list = byChecker.get(checker);
    if (list) list.push(f);
    else byChecker.set(checker, [f]);
  }
  const files: CheckedFile[] = [...unchecked];
  const sources: SourceLookup[] = [];
  let images: ReadonlyMap<string, ProtoImage> | undefined;
  for (const [checker, list] of byChecker) {
    try {
      let result: CheckerResult;
      if (checker === protoChecker && protoImages) {
        const proto = checkProto(list, options, { images: true });
        images = proto.images;
        result = proto;
      } else result = checker.check(list, options);
      files.push(...result.files);
      problems.push(...result.problems);
      sources.push(result.source);
    } catch (e) {
      problems.push(`internal error while checking ${checker.name} files: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  return {
    files,
    ...(images ? { protoImages: images } : {}),
    source: (uri) => {
      for (const s of sources) {
        const hit = s(uri);
        if (hit) return hit;
      }
      return undefined;
    },
  };
}

/** Import roots from buf configuration or -I, so a git baseline also brings the old imports. */
function protoRootFolders(files: readonly InputFile[], importPaths: readonly string[], configFiles: Map<string, string | null>): string[] {
  const roots = new Set<string>(importPaths);
  const seen = new Set<string>();
  for (const f of files) {
    const dir = dirname(f.path);
    if (seen.has(dir)) continue;
    seen.add(dir);
    const found = discoverRoots(dir, { importPaths, configFiles });
    if (found.source !== 'folder') for (const r of found.roots) roots.add(r);
  }
  return [...roots];
}

/** A registry subject of one schema type compared with a file of another cannot mean anything. */
function registryTypeProblems(docs: BaselineDocs, inputs: readonly InputFile[], cwd: string): string[] {
  const out = new Set<string>();
  for (const version of docs.versions) {
    for (const doc of version) {
      if (doc.reference || !doc.schemaType) continue;
      const ext = extname(doc.path).toLowerCase();
      const expected = ext === '.proto' ? 'PROTOBUF' : ext === '.avsc' || ext === '.avdl' ? 'AVRO' : undefined;
      if (doc.schemaType === expected) continue;
      const file = inputs.find((f) => displayPath(f.path, cwd) === doc.path)?.path;
      const shown = file ? displayPath(file, cwd) : doc.path;
      out.add(
        doc.schemaType === 'JSON'
          ? `the registry subject holds a JSON Schema, which this version cannot compare: compare ${shown} with an Avro or Protobuf subject`
          : `the registry subject holds a ${doc.schemaType} schema but ${shown} is ${expected === 'PROTOBUF' ? 'a Protobuf' : 'an Avro'} file: compare it with a subject of its own format`,
      );
    }
  }
  return [...out];
}

function breakingReport(checked: Checked, findings: readonly Finding[], docs: BaselineDocs, fileCount: number, cwd: string): Report {
  const files = checked.files.map((f) => ({ path: f.path, text: f.text, diagnostics: [...f.diagnostics] }));
  const currentByPath = new Map(files.map((f) => [f.path, f]));
  const gone = new Map<string, { path: string; text: string; diagnostics: Diagnostic[] }>();
  for (const finding of unique(findings)) {
    const doc = docs.get(finding.uri);
    if (doc) {
      // Anchored in the baseline: the file is gone, so the finding is shown where it was.
      let entry = gone.get(doc.uri);
      if (!entry) gone.set(doc.uri, (entry = { path: doc.diskPath ?? doc.abs, text: doc.text, diagnostics: [] }));
      entry.diagnostics.push(finding);
      continue;
    }
    const path = pathOfUri(finding.uri);
    const file = path ? currentByPath.get(path) : undefined;
    if (file) file.diagnostics.push(finding);
  }
  const source = sourceLookup(checked.source, docs);
  const report = buildReport([...files, ...gone.values()], source, cwd);
  const indexes = new Map<string, LineIndex>();
  return {
    ...report,
    fileCount,
    locate: (uri, start) => {
      const doc = docs.get(uri);
      if (!doc) return report.locate(uri, start);
      let index = indexes.get(uri);
      if (!index) indexes.set(uri, (index = new LineIndex(doc.text)));
      const pos = index.positionAt(start);
      return `${docOrigin(doc, cwd)}:${pos.line + 1}:${pos.character + 1}`;
    },
  };
}

/**
 * One finding per place, code and message: a type reached twice (an Avro enum compared on its own
 * and inside the record that uses it) or a version pair met in both FULL directions says it once.
 */
function unique(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.uri}\0${f.span.start}\0${f.span.end}\0${f.code}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sourceLookup(current: SourceLookup, docs: BaselineDocs): SourceLookup {
  return (uri) => {
    const doc = docs.get(uri);
    return doc ? { path: doc.abs, text: doc.text } : current(uri);
  };
}

/** Where an old text lives, for people: a file on disk by its path, git and registry texts by their origin. */
function docOrigin(doc: BaselineDoc, cwd: string): string {
  return doc.diskPath ? displayPath(doc.diskPath, cwd) : doc.origin;
}

function placeFinder(current: SourceLookup, docs: BaselineDocs, cwd: string): Where {
  const indexes = new Map<string, LineIndex>();
  const rangeOf = (uri: string, text: string, span: Span) => {
    let index = indexes.get(uri);
    if (!index) indexes.set(uri, (index = new LineIndex(text)));
    return index.rangeOf(span);
  };
  return (uri, span): Place | undefined => {
    const doc = docs.get(uri);
    if (doc) {
      const range = rangeOf(uri, doc.text, span);
      if (doc.diskPath) return { file: displayPath(doc.diskPath, cwd), range };
      // Registry texts have no place in the tree: the address is the file.
      if (/^https?:/.test(doc.origin)) return { file: doc.origin, range, origin: doc.origin };
      return { file: doc.path, range, origin: doc.origin };
    }
    const src = current(uri);
    if (!src) return undefined;
    return { file: displayPath(src.path, cwd), range: rangeOf(uri, src.text, span) };
  };
}

function render(format: BreakingArgs['format'], report: Report, where: Where, io: Io): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'github':
      return renderGithub(report, where);
    case 'sarif':
      return renderSarif(report, where, { toolVersion, cwd: io.cwd });
    case 'text':
      return renderText(report, { color: io.color });
  }
}

function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
