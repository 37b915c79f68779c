/**
 * Loads a folder of .proto files the way `buf breaking DIR` sees it: the module's files are those
 * under its roots (from the buf.yaml at DIR, else DIR itself), imports resolve from the roots and
 * then the well-known types, and the breaking configuration comes from the buf.yaml. The project
 * is dropped once the image is built, so two large trees never sit in memory together.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { buildProtoImage } from '../../../../server/src/core/compat/proto/build';
import { buildProtoImageFromTexts, type TextInput } from '../../../../server/src/core/compat/proto/fromTexts';
import { parseBufYamlBreaking, type BreakingConfig } from '../../../../server/src/core/compat/proto/config';
import type { ProtoImage } from '../../../../server/src/core/compat/proto/image';
import { ProtoProject } from '../../../../server/src/core/proto/project';
import { discoverRoots, wktRoot } from '../../../../server/src/host/roots';
import { ProtoFiles, pathOf, uriOf } from '../../../../server/src/host/protoFiles';
import { LineIndex } from '../../../../server/src/core/text/lineIndex';

export function protoFilesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) protoFilesUnder(p, out);
    else if (name.endsWith('.proto')) out.push(p);
  }
  return out;
}

export interface LoadedTree {
  readonly image: ProtoImage;
  /** The breaking configuration of the folder's buf.yaml (v1, FILE, when there is none). */
  readonly config: BreakingConfig;
  readonly configProblems: readonly string[];
  /** Diagnostics at error severity, per import path: a tree that does not compile cannot be compared. */
  readonly errors: ReadonlyMap<string, number>;
}

/**
 * `via: 'project'` loads a ProtoProject and builds the image from its links (what the editor
 * does); `via: 'texts'` builds it file by file from the texts (what the CLI does on whole trees).
 */
export function loadTree(dir: string, options: { via?: 'project' | 'texts'; collectErrors?: boolean } = {}): LoadedTree {
  const roots = discoverRoots(dir, { ceiling: dir });
  let image: ProtoImage;
  const errors = new Map<string, number>();
  if (options.via === 'texts') {
    const inputs: TextInput[] = [];
    for (const root of roots.roots) {
      if (!existsSync(root)) continue;
      for (const f of protoFilesUnder(root)) inputs.push({ uri: uriOf(f), path: relative(root, f).split(sep).join('/') });
    }
    // The well-known types answer imports the module does not; a module file of the same path wins.
    const wkt = wktRoot();
    for (const f of protoFilesUnder(join(wkt, 'google', 'protobuf'))) {
      inputs.push({ uri: uriOf(f), path: relative(wkt, f).split(sep).join('/'), isImport: true });
    }
    image = buildProtoImageFromTexts(inputs, (uri) => readFileSync(pathOf(uri)!, 'utf8'));
  } else {
    const project = new ProtoProject();
    const files = new ProtoFiles(project, roots);
    const inputs: string[] = [];
    for (const root of roots.roots) {
      if (!existsSync(root)) continue;
      for (const f of protoFilesUnder(root)) {
        const uri = files.addFile(f);
        if (uri) inputs.push(uri);
      }
    }
    const module = new Set(inputs);
    files.loadImports(inputs);
    if (options.collectErrors) {
      for (const uri of inputs) {
        const n = project.diagnostics(uri).filter((d) => d.severity === 'error').length;
        if (n) errors.set(project.get(uri)!.importPath, n);
      }
    }
    image = buildProtoImage(project, [...project.uris()].map((uri) => ({ uri, isImport: !module.has(uri) })));
  }
  let config: BreakingConfig = {};
  let configProblems: string[] = [];
  const bufYaml = join(dir, 'buf.yaml');
  if (existsSync(bufYaml)) {
    const parsed = parseBufYamlBreaking(parseYaml(readFileSync(bufYaml, 'utf8')), { modulePath: '.' });
    config = parsed.config;
    configProblems = parsed.problems;
  } else config = { version: 'v1' };
  return { image, config, configProblems, errors };
}

const lineIndexes = new Map<string, LineIndex>();

/** The 1-based line of an offset in a file on disk. */
export function lineOf(uri: string, offset: number): number {
  let index = lineIndexes.get(uri);
  if (!index) {
    index = new LineIndex(readFileSync(pathOf(uri)!, 'utf8'));
    lineIndexes.set(uri, index);
  }
  return index.positionAt(offset).line + 1;
}
