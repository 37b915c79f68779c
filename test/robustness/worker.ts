/**
 * The worker thread of a robustness shard: runs every file of its shard, in its three variants,
 * through every stage, and reports to the test's thread. Before each unit of work it says which
 * (so the test can name the input when a unit hangs and the worker has to be stopped); at the end
 * it sends every problem found, the tally, and the memory it saw.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { AvroFile } from '../../server/src/core/avro/ast';
import { AvroRegistry } from '../../server/src/core/avro/registry';
import type { ProtoImage } from '../../server/src/core/compat/proto/image';
import { ProtoProject } from '../../server/src/core/proto/project';
import { AvroFiles } from '../../server/src/host/avroFiles';
import { ProtoFiles, uriOf } from '../../server/src/host/protoFiles';
import { setInternalErrorReporter } from '../../server/src/service/proto/guard';
import { exerciseAvro } from './avroStages';
import { avroInputs, CORPUS, garbage, IDL_FIXTURES, prng, protoInputs, seedFor, shardInputs, shown, variantOf, VARIANTS, type AvroInput, type ProtoInput } from './corpus';
import { Problems } from './invariants';
import { exerciseProto } from './protoStages';
import { Tally } from './tally';
import type { ShardRequest, WorkerMessage } from './shard';

const request = workerData as ShardRequest;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

/**
 * A fresh project every so many files: the project then holds what an editor holds with a few
 * files open, their imports, rather than a growing part of the corpus that every references,
 * rename, completion and workspace symbol request would scan.
 */
const FILES_PER_PROJECT = 20;

let texts: (uri: string) => string | undefined = () => undefined;
const problems = new Problems((uri) => texts(uri));
const tally = new Tally();
// The features catch their own errors and report them here: each one is a bug.
setInternalErrorReporter((feature, error) => problems.add(`${feature} failed internally: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));

const rss: number[] = [];
const sampleMemory = () => rss.push(Math.round(process.memoryUsage().rss / 1048576));

function runProto(inputs: readonly ProtoInput[]): void {
  let project: ProtoProject | undefined;
  let loader: ProtoFiles | undefined;
  let rootsKey = '';
  let inProject = 0;
  for (const [n, input] of inputs.entries()) {
    const key = input.roots.join('\0');
    if (!project || !loader || key !== rootsKey || inProject >= FILES_PER_PROJECT) {
      sampleMemory();
      project = new ProtoProject();
      loader = new ProtoFiles(project, { roots: [...input.roots], source: 'importPaths', problems: [] });
      rootsKey = key;
      inProject = 0;
      const current = project;
      texts = (uri) => current.get(uri)?.text;
      problems.forgetDocuments();
    }
    inProject++;
    const source = readFileSync(input.path, 'utf8');
    let baseline: { image: ProtoImage; text: string } | undefined;
    for (const variant of VARIANTS) {
      const { text, random } = variantOf(input.path, source, variant, request.seed, 'proto');
      problems.where = `${shown(input.path)} ${variant} (seed ${request.seed})`;
      post({ kind: 'unit', where: problems.where });
      // Every feature at three positions of the original (a token, a random offset, one out of
      // range) and one of each variant (a token of the mutation, a random or outside position of
      // the truncation); breaking changes against the original for one variant, in turn.
      const original = variant === 'original';
      const breaking = (variant === 'mutation') === (n % 2 === 0) ? baseline : undefined;
      const unit = {
        project,
        loader,
        path: input.path,
        text,
        positions: variant === 'truncation' ? 0 : 1,
        extras: original ? ('both' as const) : variant === 'truncation' ? ('one' as const) : ('none' as const),
        workspace: variant === 'mutation',
        random,
        baseline: original ? undefined : breaking,
      };
      const image = exerciseProto(unit, problems, tally, original);
      if (original && image) baseline = { image, text };
      tally.count(`${variant}s`);
    }
    // Closed, as in an editor that has not indexed its folder: the project keeps the open file's
    // imports, and a later file that imports this one reads it from disk.
    project.removeFile(uriOf(input.path));
  }
  sampleMemory();
}

function runAvro(inputs: readonly AvroInput[]): void {
  // One workspace holding every Avro file, as the editor holds an indexed folder.
  const avro = new AvroFiles(new AvroRegistry(), [join(CORPUS, 'avro'), join(CORPUS, 'cloudevents'), IDL_FIXTURES]);
  for (const input of avroInputs()) avro.addFile(input.path, readFileSync(input.path, 'utf8'), input.syntax);
  texts = (uri) => avro.registry.file(uri)?.text;
  sampleMemory();
  for (const [n, input] of inputs.entries()) {
    const original = readFileSync(input.path, 'utf8');
    let baseline: AvroFile | undefined;
    for (const variant of VARIANTS) {
      const { text, random } = variantOf(input.path, original, variant, request.seed, 'avro');
      problems.where = `${shown(input.path)} ${variant} (seed ${request.seed})`;
      post({ kind: 'unit', where: problems.where });
      // As for .proto files (runProto), with one more token position each.
      const first = variant === 'original';
      const unit = {
        avro,
        path: input.path,
        syntax: input.syntax,
        text,
        positions: variant === 'truncation' ? 1 : 2,
        extras: first ? ('both' as const) : ('one' as const),
        random,
        baseline: !first && (variant === 'mutation') === (n % 2 === 0) ? baseline : undefined,
      };
      const file = exerciseAvro(unit, problems, tally);
      if (first) baseline = file;
      tally.count(`${variant}s`);
    }
    avro.addFile(input.path, original, input.syntax);
  }
  sampleMemory();
}

/** Inputs no corpus holds: binary garbage, a 10 MB file, and 1,000 levels of nesting, in each syntax. */
function extremes(): { name: string; format: 'proto' | 'avsc' | 'avdl'; text: string }[] {
  const random = prng(request.seed);
  const out: { name: string; format: 'proto' | 'avsc' | 'avdl'; text: string }[] = [];
  for (const format of ['proto', 'avsc', 'avdl'] as const) {
    out.push({ name: `${format}: binary garbage (bytes)`, format, text: garbage(random, 4000, true) });
    out.push({ name: `${format}: binary garbage (UTF-16)`, format, text: garbage(random, 4000, false) });
  }
  const deep = 1000;
  out.push({ name: 'proto: 1,000 nested messages', format: 'proto', text: 'syntax = "proto3";\n' + 'message M { '.repeat(deep) + '}'.repeat(deep) + '\n' });
  out.push({ name: 'proto: 1,000 unclosed groups', format: 'proto', text: 'syntax = "proto2";\nmessage M { optional group G = 1 {'.repeat(deep) });
  out.push({ name: 'proto: a 1,000-level option value', format: 'proto', text: 'option (x) = ' + '{ a: '.repeat(deep) + '}'.repeat(deep) + ';\n' });
  out.push({ name: 'avsc: 1,000 nested records', format: 'avsc', text: '{"type": "record", "name": "R", "fields": [{"name": "f", "type": '.repeat(deep) + '"int"' + '}]}'.repeat(deep) + '\n' });
  out.push({ name: 'avsc: 1,000 nested arrays', format: 'avsc', text: '{"type": "array", "items": '.repeat(deep) + '"int"' + '}'.repeat(deep) });
  out.push({ name: 'avsc: 1,000 open brackets', format: 'avsc', text: '['.repeat(deep) });
  out.push({ name: 'avdl: 1,000 nested arrays', format: 'avdl', text: 'protocol P { record R { ' + 'array<'.repeat(deep) + 'int' + '>'.repeat(deep) + ' f; } }\n' });
  out.push({ name: 'avdl: 1,000 unions in unions', format: 'avdl', text: 'protocol P { record R { ' + 'union { null, '.repeat(deep) + 'int' + ' }'.repeat(deep) + ' f; } }\n' });
  // A 10 MB .proto; the Avro syntaxes at 1 MB, enough to show their costs grow linearly, in a
  // tenth of the time and memory.
  const size = 10 * 1024 * 1024;
  let proto = 'syntax = "proto3";\npackage big;\n';
  // Documented like googleapis, about half comments; every hundredth message an envelope, whose
  // oneof of messages makes an event union.
  for (let i = 0; proto.length < size; i++) {
    const oneof = i % 100 === 0 ? ` oneof o { Big${i + 1} d = 4; Big${i + 2} e = 5; }` : '';
    proto += `// Big${i} holds a name, a count and the messages it contains, as a resource of the\n// service holds its children; the fields below say what each one means.\n`;
    proto += `message Big${i} { string a = 1; int64 b = 2; repeated Big${i} c = 3;${oneof} }\n`;
  }
  out.push({ name: 'proto: a 10 MB file', format: 'proto', text: proto });
  const fields: string[] = [];
  for (let i = 0, n = 0; n < size * 0.1; i++) {
    const f = `{"name": "f${i}", "type": ["null", {"type": "record", "name": "R${i}", "fields": [{"name": "x", "type": "long"}]}], "default": null}`;
    fields.push(f);
    n += f.length + 2;
  }
  out.push({ name: 'avsc: a 1 MB file', format: 'avsc', text: `{"type": "record", "name": "Big", "fields": [\n${fields.join(',\n')}\n]}\n` });
  let idl = 'protocol Big {\n';
  for (let i = 0; idl.length < size * 0.1; i++) idl += `  record R${i} { long x; union { null, R${i} } next = null; }\n`;
  out.push({ name: 'avdl: a 1 MB file', format: 'avdl', text: idl + '}\n' });
  return out;
}

function runExtremes(): number {
  const cases = extremes();
  // Files in a folder of the corpus that does not exist: nothing is read from it or written to it.
  const dir = join(CORPUS, 'robustness-extremes');
  for (const c of cases) {
    problems.where = `${c.name} (seed ${request.seed})`;
    post({ kind: 'unit', where: problems.where });
    const random = prng(seedFor(request.seed, c.name));
    const path = join(dir, `case.${c.format}`);
    if (c.format === 'proto') {
      const project = new ProtoProject();
      const loader = new ProtoFiles(project, { roots: [CORPUS], source: 'importPaths', problems: [] });
      texts = (uri) => project.get(uri)?.text;
      problems.forgetDocuments();
      exerciseProto({ project, loader, path, text: c.text, positions: 1, extras: 'one', workspace: true, random }, problems, tally, false);
    } else {
      const avro = new AvroFiles(new AvroRegistry(), [CORPUS]);
      texts = (uri) => avro.registry.file(uri)?.text;
      problems.forgetDocuments();
      exerciseAvro({ avro, path, syntax: c.format, text: c.text, positions: 1, extras: 'one', random }, problems, tally);
    }
    tally.count('extremes');
    sampleMemory();
  }
  return cases.length;
}

function runCorpus(): number {
  const files = shardInputs<ProtoInput | AvroInput>(request.format === 'proto' ? protoInputs() : avroInputs(), request.shard, request.shards);
  if (request.format === 'proto') runProto(files as ProtoInput[]);
  else runAvro(files as AvroInput[]);
  return files.length;
}

const units = request.format === 'extremes' ? runExtremes() : runCorpus();
post({ kind: 'done', files: units, problems: problems.list, calls: tally.calls, ms: tally.ms, rss });
