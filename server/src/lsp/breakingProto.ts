/**
 * Breaking-change findings for one open .proto file against its baseline, with buf's rules (or
 * Schema Registry's, for a registry baseline), exactly as `event-schemas breaking` chooses them.
 *
 * Per edit, only the edited file's image is built (from the project's tree and links, already
 * there for its diagnostics). The baseline image is built once per baseline content and cached:
 * the old version of the file (FILE, WIRE_JSON, WIRE rules), or of its package (PACKAGE rules),
 * with old imports from the baseline, else from the disk. For PACKAGE rules the current side adds
 * the package's other files from the project, whose images are cached until one of them changes.
 */
import { resolve } from 'node:path';
import type { Finding } from '../core/compat/finding';
import { buildProtoImage } from '../core/compat/proto/build';
import { resolveBreakingRules, type BreakingConfig } from '../core/compat/proto/config';
import type { ImageField, ImageFile, ProtoImage } from '../core/compat/proto/image';
import { allEnums, allMessages } from '../core/compat/proto/pairs';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import type { Span } from '../core/text/span';
import { isTransitive, type BaselineFile } from '../host/baseline';
import { readBreakingConfig } from '../host/breaking/bufConfig';
import { imageOf, type SideFile } from '../host/breaking/protoImage';
import { chooseProtoRules, effectiveConfig, runProtoRules, type ProtoRuleChoice } from '../host/breaking/protoRules';
import type { BreakingSettings } from '../protocol';
import { isAcknowledged, RESERVE_RULES, reserveFix, type DeletedElement } from '../service/breaking/protoFixes';
import { protoPackageOf, sameBaseName } from '../service/breaking/singleSchema';
import type { ProtoFile } from '../core/proto/ast';
import { relPath, type BaselineEntry } from './baselines';
import type { FolderState } from './folders';

export interface ProtoCheck {
  readonly diagnostics: Diagnostic[];
  /** Texts of the baseline documents the diagnostics point into. */
  readonly texts: Map<string, string>;
}

const configs = new WeakMap<FolderState, BreakingConfig>();

/** The folder's buf.yaml breaking config, read once per folder state (a new one comes with a buf.yaml change). */
function configOf(folder: FolderState, problems: Set<string>): BreakingConfig {
  let config = configs.get(folder);
  if (!config) {
    config = readBreakingConfig(folder.files.roots, problems);
    configs.set(folder, config);
  }
  return config;
}

export function protoRuleChoice(settings: BreakingSettings, entry: BaselineEntry): ProtoRuleChoice | 'none' {
  const mode = settings.mode === 'auto' ? entry.baseline?.compatibility : settings.mode;
  // FILE is buf's default: it leaves buf.yaml's `use` in charge, as a missing --rules does.
  return chooseProtoRules(settings.rules === 'FILE' ? undefined : settings.rules, mode);
}

export function checkProto(folder: FolderState, uri: string, path: string, settings: BreakingSettings, entry: BaselineEntry, problems: Set<string>): ProtoCheck {
  const texts = new Map<string, string>();
  const state = folder.project.get(uri);
  const choice = protoRuleChoice(settings, entry);
  if (!state || choice === 'none' || !entry.baseline) return { diagnostics: [], texts };
  const config = configOf(folder, problems);
  const packageScope = resolveBreakingRules(effectiveConfig(choice, config)).rules.some((r) => r.id.startsWith('PACKAGE_'));
  const rel = relPath(folder.folderPath, path);
  const pkg = packageOf(state.ast);

  const mode = settings.mode === 'auto' ? entry.baseline.compatibility : settings.mode;
  const last = entry.versionCount - 1;
  const order = choice.kind === 'confluent' && mode !== undefined && isTransitive(mode) ? [...Array(entry.versionCount).keys()].reverse() : [last];

  let after: ProtoImage | undefined;
  for (const version of order) {
    const old = baselineImage(folder, entry, version, rel, state.importPath, pkg, packageScope);
    if (!old) continue;
    after ??= currentImage(folder, uri, packageScope ? pkg : undefined);
    const found = runProtoRules(old.image, after, choice, config).filter((f) => f.uri === uri);
    const where = `as it was in ${entry.baseline.description}`;
    const diagnostics: Diagnostic[] = [];
    for (const f of found) {
      const named = f.related ? { ...f, related: f.related.map((r) => ({ ...r, message: where })) } : f;
      const d = withFixes(named, old.image, state.ast, state.text);
      if (d) diagnostics.push(d);
    }
    if (diagnostics.length === 0) continue;
    return { diagnostics, texts: old.texts };
  }
  return { diagnostics: [], texts };
}

/** The finding with its reserve fix; undefined for a deletion the file acknowledges by reserving all it had. */
function withFixes(f: Finding, before: ProtoImage, ast: ProtoFile, text: string): Finding | undefined {
  const kind = RESERVE_RULES[f.code];
  if (!kind || f.anchor !== 'parent' || !f.baseline) return f;
  const deleted = deletedElement(before, f.baseline.uri, f.baseline.span, kind);
  if (!deleted) return f;
  if (isAcknowledged(ast, f.span, deleted)) return undefined;
  const fix = reserveFix(ast, text, f.span, deleted);
  return fix ? { ...f, fixes: [fix] } : f;
}

function deletedElement(image: ProtoImage, uri: string, span: Span, kind: 'field' | 'enumValue'): DeletedElement | undefined {
  const file = image.files.find((x) => x.uri === uri);
  if (!file) return undefined;
  if (kind === 'field') {
    let hit: ImageField | undefined;
    for (const m of allMessages(file)) hit ??= m.fields.find((x) => same(x.nameSpan, span));
    return hit ? { kind, number: hit.number, names: [hit.name] } : undefined;
  }
  for (const e of allEnums(file)) {
    const v = e.values.find((x) => same(x.nameSpan, span));
    if (v) return { kind, number: v.number, names: [...new Set(e.values.filter((x) => x.number === v.number).map((x) => x.name))] };
  }
  return undefined;
}

function same(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

function packageOf(ast: { readonly body: readonly { kind: string }[] }): string {
  const decl = ast.body.find((d) => d.kind === 'package') as { name?: { text: string } } | undefined;
  return decl?.name?.text ?? '';
}

/**
 * The old side: the old version of the file, or every old file of the package, with the old
 * files under the import roots at hand for imports. Null when the baseline has none (a new file).
 */
function baselineImage(
  folder: FolderState,
  entry: BaselineEntry,
  version: number,
  rel: string,
  importPath: string,
  /** The current file's package. */
  pkg: string,
  packageScope: boolean,
): { image: ProtoImage; texts: Map<string, string> } | null {
  const roots = folder.files.roots;
  // Whether a single-schema baseline stands for the file depends on the file's package.
  const scope = `${packageScope ? 'package' : `file:${rel}`}|${packageScope || entry.singleFile ? pkg : ''}`;
  return entry.cached(`proto-image|${version}|${roots.roots.join('\0')}|${scope}`, () => {
    const own = entry.singleFile ? singleFileOf(entry, version, rel, pkg) : entry.fileAt(version, rel);
    const module: SideFile[] = [];
    if (!packageScope) {
      if (own) module.push({ uri: entry.uriOf(version, own), path: importPath, text: own.text });
    } else {
      for (const f of packageFiles(entry, version).get(pkg) ?? []) {
        const path = f === own ? importPath : (folder.files.importPathOf(resolve(entry.folderPath, f.path)) ?? f.path);
        module.push({ uri: entry.uriOf(version, f), path, text: f.text });
      }
    }
    if (module.length === 0) return null;
    return { image: imageOf(module, brought(folder, entry, version), roots), texts: new Map(module.map((f) => [f.uri, f.text])) };
  });
}

/**
 * A single-schema baseline (a file, a version list, a registry subject) holds one file, loaded for
 * this one; it stands for it when the two have the same name or the same package.
 */
function singleFileOf(entry: BaselineEntry, version: number, rel: string, pkg: string): BaselineFile | undefined {
  const old = entry.fileAt(version, rel);
  if (!old) return undefined;
  return sameBaseName(old.origin, rel) || (protoPackageOf(old.text) ?? '') === pkg ? old : undefined;
}

/** Old .proto files by package, found by a scan of each text (the image builder parses them anyway). */
function packageFiles(entry: BaselineEntry, version: number): Map<string, BaselineFile[]> {
  return entry.cached(`proto-packages|${version}`, () => {
    const out = new Map<string, BaselineFile[]>();
    for (const f of entry.baseline?.versions[version]?.files ?? []) {
      if (f.reference || !f.path.toLowerCase().endsWith('.proto')) continue;
      const pkg = /^\s*package\s+([\w.]+)\s*;/m.exec(f.text)?.[1] ?? '';
      const list = out.get(pkg);
      if (list) list.push(f);
      else out.set(pkg, [f]);
    }
    return out;
  });
}

/** Old .proto files under the import roots, by import path, for the old side's imports. */
function brought(folder: FolderState, entry: BaselineEntry, version: number): Map<string, SideFile> {
  return entry.cached(`proto-brought|${version}|${folder.files.roots.roots.join('\0')}`, () => {
    const out = new Map<string, SideFile>();
    for (const f of entry.baseline?.versions[version]?.files ?? []) {
      const isProto = f.path.toLowerCase().endsWith('.proto') || (f.reference && f.schemaType === 'PROTOBUF');
      if (!isProto) continue;
      const path = f.reference ? f.path : folder.files.importPathOf(resolve(entry.folderPath, f.path));
      if (path !== undefined && !out.has(path)) out.set(path, { uri: entry.uriOf(version, f), path, text: f.text });
    }
    return out;
  });
}

interface PackageCache {
  /** The other files' texts the images were built from, compared by identity: an unchanged file keeps its string. */
  readonly texts: readonly (string | undefined)[];
  readonly files: readonly ImageFile[];
}
const packageImages = new WeakMap<FolderState, Map<string, PackageCache>>();

/** The new side: the edited file's image, plus (PACKAGE rules) its package's other files. */
function currentImage(folder: FolderState, uri: string, pkg: string | undefined): ProtoImage {
  const own = buildProtoImage(folder.project, [uri]);
  if (pkg === undefined) return own;
  // A file of `a.b.c` declares the packages `a` and `a.b` too: keep the files of exactly `pkg`.
  const others = [...new Set((folder.project.lookup(pkg) ?? []).filter((s) => s.kind === 'package' && s.uri !== uri).map((s) => s.uri))]
    .filter((u) => folder.project.get(u)?.symbols.packageName === pkg)
    .sort();
  if (others.length === 0) return own;
  let byPackage = packageImages.get(folder);
  if (!byPackage) packageImages.set(folder, (byPackage = new Map()));
  const key = `${pkg}\0${uri}\0${others.join('\0')}`;
  const texts = others.map((u) => folder.project.get(u)?.text);
  let cached = byPackage.get(key);
  if (!cached || !cached.texts.every((t, i) => t === texts[i])) {
    cached = { texts, files: buildProtoImage(folder.project, others).files.filter((f) => !f.isImport) };
    byPackage.set(key, cached);
  }
  const mine = own.files.filter((f) => !f.isImport);
  const paths = new Set(mine.map((f) => f.path));
  const files = [...mine, ...cached.files.filter((f) => !paths.has(f.path))].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, fileByPath: new Map(files.map((f) => [f.path, f])) };
}
