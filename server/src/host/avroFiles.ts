/**
 * Connects the pure AvroRegistry to the disk: adds the .avsc/.avdl files of a folder and loads the
 * files that IDL `import` statements name. It reads only below its roots, after resolving
 * symlinks, so an import such as "../../x.avsc" or a link pointing out of the folder never reads
 * outside it.
 *
 * IDL imports are relative to the importing file, as in Avro Java's IdlReader. An IDL file sees
 * the names it defines and the names of what it imports (transitively), nothing else: `scope`
 * builds that view. A JSON schema sees every file of the workspace, the way Confluent schema
 * references and avro-tools' multi-file compile work.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative } from 'node:path';
import { parseAvro, syntaxOfPath } from '../core/avro/index';
import type { AvroFile, AvroImport, AvroSyntax } from '../core/avro/ast';
import { AvroRegistry } from '../core/avro/registry';
import { diagnostic, type Diagnostic } from '../core/diagnostics/diagnostic';
import { pathOf, uriOf } from './protoFiles';

export type ImportProblem = 'not-found' | 'outside-roots' | 'unsaved';

/** Where one IDL import leads: the file's uri, or why there is none. */
export interface ResolvedImport {
  readonly node: AvroImport;
  readonly uri?: string;
  readonly problem?: ImportProblem;
}

function realOrUndefined(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

function inside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The syntax an import statement asks for, when the file's extension does not say. */
const SYNTAX_OF_KIND: Record<AvroImport['kind'], AvroSyntax> = { idl: 'avdl', protocol: 'avpr', schema: 'avsc' };

interface ScopeCache {
  readonly files: readonly (AvroFile | undefined)[];
  readonly uris: readonly string[];
  readonly registry: AvroRegistry;
}

export class AvroFiles {
  private readonly roots: { dir: string; real: string }[] = [];
  private readonly resolved = new Map<string, { file: AvroFile; imports: ResolvedImport[] }>();
  private readonly scopes = new Map<string, ScopeCache>();
  /** Bumped on every change to the set of files or their texts, so results computed for one state can be reused. */
  generation = 0;

  constructor(
    readonly registry: AvroRegistry,
    roots: readonly string[],
    /** Text of files open in the editor, which wins over the disk. */
    private readonly overlay: (uri: string) => string | undefined = () => undefined,
    /** What the roots are, in messages: the editor's workspace folder, or the CLI's PATH folders. */
    private readonly rootsKind: 'workspace' | 'paths' = 'workspace',
  ) {
    for (const dir of roots) {
      const real = realOrUndefined(dir);
      if (real && !this.roots.some((r) => r.real === real)) this.roots.push({ dir, real });
    }
  }

  /** Whether the file lies below one of the roots (symlinks resolved). */
  isInsideRoots(absPath: string): boolean {
    const real = realOrUndefined(absPath);
    return real !== undefined && this.roots.some((r) => inside(r.real, real));
  }

  /**
   * Adds or updates a file from its text (else the editor's, else the disk's). Returns its uri,
   * or undefined when it cannot be read. The same text is not parsed twice.
   */
  addFile(absPath: string, text?: string, syntax?: AvroSyntax): string | undefined {
    const uri = uriOf(absPath);
    const content = text ?? this.overlay(uri) ?? this.read(absPath);
    const kind = syntax ?? syntaxOfPath(absPath);
    if (content === undefined || kind === undefined) return undefined;
    this.setText(uri, content, kind);
    return uri;
  }

  /** Adds or updates a document by uri, for documents that are not files (untitled editors). */
  setText(uri: string, text: string, syntax: AvroSyntax): void {
    const current = this.registry.file(uri);
    if (current && current.text === text && current.syntax === syntax) return;
    this.registry.setFile(uri, parseAvro(text, syntax, uri));
    this.generation++;
  }

  removeFile(uri: string): void {
    if (this.registry.file(uri)) this.generation++;
    this.registry.removeFile(uri);
    this.resolved.delete(uri);
    this.scopes.delete(uri);
  }

  /** Forgets where imports led, e.g. after files were created or deleted on disk. */
  forgetMissing(): void {
    this.resolved.clear();
    this.generation++;
  }

  /** Where each import of an IDL file leads, in order. */
  importsOf(uri: string): readonly ResolvedImport[] {
    const file = this.registry.file(uri);
    if (!file || file.imports.length === 0) return [];
    const cached = this.resolved.get(uri);
    if (cached && cached.file === file) return cached.imports;
    const path = pathOf(uri);
    const imports = file.imports.map((node): ResolvedImport => {
      if (!path) return { node, problem: 'unsaved' };
      const target = this.locate(dirname(path), node.path.value);
      return typeof target === 'string' ? { node, uri: uriOf(target) } : { node, problem: target.problem };
    });
    this.resolved.set(uri, { file, imports });
    return imports;
  }

  /** The file an import statement of `uri` names, when it exists below the roots. */
  importTarget(uri: string, node: AvroImport): string | undefined {
    return this.importsOf(uri).find((r) => r.node === node)?.uri;
  }

  /**
   * Loads, transitively, the files the imports of `uris` name and the registry does not hold
   * yet. Returns the uris that were added.
   */
  loadImports(uris: Iterable<string>): string[] {
    const added: string[] = [];
    const seen = new Set<string>();
    const queue = [...uris];
    while (queue.length > 0) {
      const uri = queue.pop()!;
      if (seen.has(uri)) continue;
      seen.add(uri);
      for (const r of this.importsOf(uri)) {
        if (!r.uri) continue;
        if (!this.registry.file(r.uri)) {
          const path = pathOf(r.uri)!;
          if (!this.addFile(path, undefined, syntaxOfPath(path) ?? SYNTAX_OF_KIND[r.node.kind])) continue;
          added.push(r.uri);
        }
        queue.push(r.uri);
      }
    }
    return added;
  }

  /** IDL files whose imports lead (directly) to `uri`: they see its names. */
  importers(uri: string): string[] {
    const out: string[] = [];
    for (const other of this.registry.uris()) {
      if (other !== uri && this.importsOf(other).some((r) => r.uri === uri)) out.push(other);
    }
    return out;
  }

  /**
   * The registry the names of `uri` resolve against: for an IDL file, itself and everything its
   * imports reach; for any other file, the whole workspace.
   */
  scope(uri: string): AvroRegistry {
    const file = this.registry.file(uri);
    if (!file || file.syntax !== 'avdl') return this.registry;
    const uris = this.closure(uri);
    const files = uris.map((u) => this.registry.file(u));
    const cached = this.scopes.get(uri);
    if (cached && cached.uris.length === uris.length && cached.uris.every((u, i) => u === uris[i] && cached.files[i] === files[i])) {
      return cached.registry;
    }
    const registry = new AvroRegistry();
    uris.forEach((u, i) => {
      const f = files[i];
      if (f) registry.setFile(u, f);
    });
    this.scopes.set(uri, { uris, files, registry });
    return registry;
  }

  /** The file and the files its imports reach, in import order, each once (cycles are fine). */
  private closure(uri: string): string[] {
    const out: string[] = [];
    const visit = (u: string) => {
      if (out.includes(u)) return;
      out.push(u);
      for (const r of this.importsOf(u)) if (r.uri && this.registry.file(r.uri)) visit(r.uri);
    };
    visit(uri);
    return out;
  }

  /** An error on every import that leads nowhere. */
  importDiagnostics(uri: string): Diagnostic[] {
    return this.importsOf(uri)
      .filter((r) => r.problem !== undefined)
      .map((r) => diagnostic('resolve/unknown-import', 'error', importMessage(r.node.path.value, r.problem!, this.rootsKind), r.node.path.span));
  }

  /** The absolute file an import names, relative to `dir`, if it exists below a root. */
  private locate(dir: string, importPath: string): string | { problem: ImportProblem } {
    if (importPath === '' || importPath.includes('\0')) return { problem: 'not-found' };
    const candidate = normalize(isAbsolute(importPath) ? importPath : join(dir, importPath));
    const real = realOrUndefined(candidate);
    if (!real) return { problem: this.roots.some((r) => inside(r.dir, candidate)) ? 'not-found' : 'outside-roots' };
    if (!this.roots.some((r) => inside(r.real, real))) return { problem: 'outside-roots' };
    try {
      if (!statSync(real).isFile()) return { problem: 'not-found' };
    } catch {
      return { problem: 'not-found' };
    }
    return candidate;
  }

  private read(absPath: string): string | undefined {
    if (!this.isInsideRoots(absPath)) return undefined;
    try {
      return readFileSync(absPath, 'utf8');
    } catch {
      return undefined;
    }
  }
}

function importMessage(path: string, problem: ImportProblem, roots: 'workspace' | 'paths'): string {
  switch (problem) {
    case 'not-found':
      return `imported file "${path}" was not found; the path is relative to this file's folder`;
    case 'outside-roots':
      return roots === 'workspace'
        ? `imported file "${path}" is outside the workspace folder and is not read; move it into the folder`
        : `imported file "${path}" is outside the folders being checked and is not read; check a folder that holds both files`;
    case 'unsaved':
      return `imports of an unsaved file cannot be resolved; save the file first`;
  }
}
