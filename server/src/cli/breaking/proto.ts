/**
 * .proto files against their earlier versions, matched the way buf matches them: by path
 * relative to the import root. Both sides are grouped by import roots as `check` groups them
 * (buf.work.yaml / buf.yaml modules, else -I, else the PATH folder); each group gets one image
 * per side, built from the texts, and the rules compare the images.
 *
 * The module's files (those under a PATH) are compared; everything else an import pulls in is a
 * dependency. An old file's imports resolve first among the old files (a git baseline brings the
 * import roots at that revision, a registry its references), then from the disk.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { ProtoImage } from '../../core/compat/proto/image';
import type { Finding } from '../../core/compat/finding';
import { uriOf } from '../../host/protoFiles';
import { discoverRoots, type ImportRoots } from '../../host/roots';
import type { InputFile } from '../checkers/checker';
import { rootsKey } from '../checkers/proto';
import type { CompareResult } from './avro';
import type { BaselineDoc, BaselineDocs } from './docs';
import { readBreakingConfig } from '../../host/breaking/bufConfig';
import { configProblems, effectiveConfig, runProtoRules, type ProtoRuleChoice } from '../../host/breaking/protoRules';
import { imageOf, type SideFile } from '../../host/breaking/protoImage';

export { importsOf } from '../../host/breaking/protoImage';

export interface ProtoCompareInput {
  readonly cwd: string;
  /** The current .proto files. */
  readonly current: readonly InputFile[];
  /** Absolute `-I` folders. */
  readonly importPaths: readonly string[];
  /** The PATH arguments, absolute: old files below them are the module's, the rest dependencies. */
  readonly targets: readonly string[];
  readonly docs: BaselineDocs;
  /** Versions to compare against (indexes into docs.versions, oldest first). */
  readonly versions: readonly number[];
  /** Every version in turn, newest first, stopping at the first that breaks; else only the newest. */
  readonly transitive: boolean;
  readonly choice: ProtoRuleChoice;
  /**
   * The folder of a folder baseline. When it holds its own buf.yaml or buf.work.yaml, old files
   * take their import paths from it, as buf reads an `--against` folder as a module of its own.
   */
  readonly baselineFolder?: string;
  /**
   * The current side's images, by `rootsKey`, when the check of the current files built them
   * already; a group without one gets its image built here.
   */
  readonly currentImages?: ReadonlyMap<string, ProtoImage>;
  /** buf configuration found so far in the run's folders (see RootsOptions.configFiles). */
  readonly configFiles?: Map<string, string | null>;
}

interface Group {
  readonly roots: ImportRoots;
  readonly current: InputFile[];
  readonly old: Map<number, BaselineDoc[]>;
}

export function compareProto(input: ProtoCompareInput): CompareResult {
  const problems = new Set<string>();
  const groups = new Map<string, Group>();
  const cache = new Map<string, ImportRoots>();
  const groupOf = (path: string, origin: string, originIsFolder: boolean): Group => {
    const roots = rootsFor(path, origin, originIsFolder, input.importPaths, cache, input.configFiles);
    for (const p of roots.problems) problems.add(p);
    const key = rootsKey(roots);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { roots, current: [], old: new Map() }));
    return g;
  };
  for (const f of input.current) groupOf(f.path, f.origin, f.originIsFolder).current.push(f);

  for (const index of input.versions) {
    for (const doc of input.docs.versions[index] ?? []) {
      // Registry references are dependencies, added below by their import path.
      if (doc.reference || !doc.path.toLowerCase().endsWith('.proto')) continue;
      const target = input.targets.find((t) => t === doc.abs || inside(t, doc.abs));
      if (!target) continue; // an old dependency: loaded on demand through its import path
      const g = groupOf(doc.abs, target, target !== doc.abs);
      push(g.old, index, doc);
    }
  }

  const findings: Finding[] = [];
  for (const [key, group] of groups) {
    const afterImage = input.currentImages?.get(key) ?? currentImage(group);
    const config = readBreakingConfig(group.roots, problems);
    for (const p of configProblems(effectiveConfig(input.choice, config))) problems.add(p);

    const order = input.transitive ? [...input.versions].reverse() : input.versions.slice(-1);
    for (const index of order) {
      const found = runProtoRules(baselineImage(group, index, input, cache), afterImage, input.choice, config);
      findings.push(...found);
      if (found.length > 0) break;
    }
  }
  return { findings, problems: [...problems] };
}

function currentImage(group: Group): ProtoImage {
  const module = group.current.map((f) => ({ uri: uriOf(f.path), path: importPathIn(group.roots, f.path), text: f.text }));
  return imageOf(module, new Map(), group.roots);
}

function baselineImage(group: Group, index: number, input: ProtoCompareInput, cache: Map<string, ImportRoots>): ProtoImage {
  const olds = group.old.get(index) ?? [];
  const inModule = new Set(olds);
  const module = olds.map((doc) => ({
    uri: doc.uri,
    path: ownImportPath(doc, input.baselineFolder, cache) ?? importPathIn(group.roots, doc.abs),
    text: doc.text,
  }));
  // Old dependencies: the ones this version brought (git's import roots, registry references)
  // answer imports before the disk does.
  const brought = new Map<string, SideFile>();
  for (const doc of input.docs.versions[index] ?? []) {
    if (inModule.has(doc)) continue;
    const isProto = doc.path.toLowerCase().endsWith('.proto') || (doc.reference && doc.schemaType === 'PROTOBUF');
    if (!isProto) continue;
    const path = doc.reference ? doc.path : importPathIn(group.roots, doc.abs, true);
    if (path !== undefined && !brought.has(path)) brought.set(path, { uri: doc.uri, path, text: doc.text });
  }
  return imageOf(module, brought, group.roots);
}

/** The import path an old file has under its own folder baseline's buf configuration, if it has one. */
function ownImportPath(doc: BaselineDoc, folder: string | undefined, cache: Map<string, ImportRoots>): string | undefined {
  if (!folder || !doc.diskPath) return undefined;
  const dir = dirname(doc.diskPath);
  const key = `baseline\0${dir}`;
  let found = cache.get(key);
  if (!found) {
    found = discoverRoots(dir, { ceiling: folder });
    cache.set(key, found);
  }
  if (found.source !== 'buf.yaml' && found.source !== 'buf.work.yaml') return undefined;
  for (const root of found.roots) if (inside(root, doc.diskPath)) return relative(root, doc.diskPath).split(sep).join('/');
  return undefined;
}

/** Same rule as `check`: with no configuration the root is the PATH folder, not the file's own. */
function rootsFor(
  path: string,
  origin: string,
  originIsFolder: boolean,
  importPaths: readonly string[],
  cache: Map<string, ImportRoots>,
  configFiles: Map<string, string | null> | undefined,
): ImportRoots {
  const dir = dirname(path);
  let found = cache.get(dir);
  if (!found) {
    found = discoverRoots(dir, { importPaths, configFiles });
    cache.set(dir, found);
  }
  if (found.source !== 'folder') return found;
  return { roots: [originIsFolder ? origin : dirname(origin)], source: 'folder', problems: [] };
}

function importPathIn(roots: ImportRoots, abs: string): string;
function importPathIn(roots: ImportRoots, abs: string, strict: true): string | undefined;
function importPathIn(roots: ImportRoots, abs: string, strict = false): string | undefined {
  for (const root of roots.roots) {
    if (inside(root, abs)) return relative(root, abs).split(sep).join('/');
  }
  if (strict) return undefined;
  return relative(roots.roots[0] ?? dirname(abs), abs).split(sep).join('/');
}

function inside(dir: string, file: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
