/**
 * Checks one group of .proto files (the files that share import roots), and builds the group's
 * image when `breaking` wants one: each file's part right after its check, from the same tree and
 * links.
 *
 * In one pass when it can: files are taken in import order (a file after the files it imports,
 * found by a scan of the texts), so each file is parsed once and checked with everything it can
 * see already in the project. The project watches every name lookup, and the pass is given up
 * for the two-pass check (every file's symbols first, then the checks) whenever the order files
 * were added in could have changed an answer: a name looked up before a file defined it, or
 * answered by symbols of several files. The two give the same diagnostics and image; the one pass
 * saves a parse of every file.
 */
import { ImageBuilder } from '../../core/compat/proto/build';
import type { ProtoImage } from '../../core/compat/proto/image';
import { ProtoProject, type ProtoFileInput, type SetFileOptions } from '../../core/proto/project';
import type { ProtoSymbol } from '../../core/proto/symbols';
import { importsOf } from '../../host/breaking/protoImage';
import { ProtoFiles, uriOf } from '../../host/protoFiles';
import type { ImportRoots } from '../../host/roots';
import type { CheckedFile, InputFile } from './checker';

export interface GroupCheck {
  /** In the order of the input files. */
  readonly files: readonly CheckedFile[];
  readonly image?: ProtoImage;
  /** Every file the check loaded, the group's own and what they import. */
  readonly project: ProtoProject;
  /** 1 when the files were checked in import order, one parse each; 2 when that was given up. */
  readonly passes: 1 | 2;
}

/** `twoPasses` skips the attempt at one pass: the tests compare the two. */
export function checkGroup(files: readonly InputFile[], roots: ImportRoots, images: boolean, options: { twoPasses?: boolean } = {}): GroupCheck {
  return (options.twoPasses ? undefined : inOnePass(files, roots, images)) ?? inTwoPasses(files, roots, images);
}

/** Every file's symbols first, then each file's checks: the answers cannot depend on the order. */
function inTwoPasses(files: readonly InputFile[], roots: ImportRoots, images: boolean): GroupCheck {
  // Nothing the CLI reports shows comments, so they are neither attached nor kept.
  const project = new ProtoProject({ docs: false, comments: false });
  const loader = new ProtoFiles(project, roots);
  // Cold: each file's tree is dropped once its symbols are known.
  const uris = files.map((f) => loader.addFile(f.path, f.text, { cold: true })!);
  loader.loadImports(uris);
  const builder = images ? new ImageBuilder() : undefined;
  const checked = files.map((f, i) => {
    const uri = uris[i]!;
    const diagnostics = project.diagnostics(uri);
    if (builder) addToImage(builder, project, uri, false);
    // Done with its tree: dropping it now keeps trees from living long enough to be promoted.
    project.release(uri);
    return { path: f.path, text: f.text, diagnostics };
  });
  return { files: checked, image: builder && imageWithImports(builder, project), project, passes: 2 };
}

function inOnePass(files: readonly InputFile[], roots: ImportRoots, images: boolean): GroupCheck | undefined {
  const project = new WatchedProject();
  const loader = new ProtoFiles(project, roots);
  const plan = importOrder(files, loader);
  if (!plan) return undefined;
  const builder = images ? new ImageBuilder() : undefined;
  const checked: CheckedFile[] = new Array<CheckedFile>(files.length);
  // Imports nothing answered when a file was checked: a later file answering one comes too late.
  const unanswered = new Set<string>();
  for (const i of plan.order) {
    const f = files[i]!;
    // What loader.addFile does, with the import path the plan found already.
    const uri = uriOf(f.path);
    project.setFile({ uri, importPath: plan.paths[i]!, text: f.text });
    const state = project.get(uri)!;
    if (project.orderSensitive || unanswered.has(state.importPath)) return undefined;
    // The scan must have seen every import the parser sees, or the order may be wrong.
    const scanned = plan.imports[i]!;
    for (const d of state.imports) {
      if (d.path !== undefined && plan.byPath.has(d.path) && !scanned.includes(d.path)) return undefined;
    }
    loader.loadImports([uri]);
    if (project.orderSensitive) return undefined;
    for (const p of project.unresolvedImports(uri)) unanswered.add(p);
    const diagnostics = project.diagnostics(uri);
    if (builder) addToImage(builder, project, uri, false);
    project.release(uri);
    checked[i] = { path: f.path, text: f.text, diagnostics };
  }
  if (project.orderSensitive) return undefined;
  return { files: checked, image: builder && imageWithImports(builder, project), project, passes: 1 };
}

interface ImportPlan {
  /** Indexes into the files: each file after the group's files it imports. */
  readonly order: readonly number[];
  /** Each file's own import path. */
  readonly paths: readonly string[];
  /** The import paths each file's text names. */
  readonly imports: readonly (readonly string[])[];
  /** The group's files by import path. */
  readonly byPath: ReadonlyMap<string, number>;
}

/** Undefined when two files share an import path or the imports form a cycle: then order decides answers. */
function importOrder(files: readonly InputFile[], loader: ProtoFiles): ImportPlan | undefined {
  const byPath = new Map<string, number>();
  const paths: string[] = [];
  for (let i = 0; i < files.length; i++) {
    const path = loader.importPathOf(files[i]!.path);
    if (path === undefined) return undefined;
    if (byPath.has(path)) return undefined;
    byPath.set(path, i);
    paths.push(path);
  }
  const imports = files.map((f) => importsOf(f.text));
  const order: number[] = [];
  const DONE = 2;
  const state = new Uint8Array(files.length);
  let cycle = false;
  const visit = (i: number): void => {
    if (state[i] === DONE) return;
    if (state[i] === 1) {
      cycle = true;
      return;
    }
    state[i] = 1;
    for (const p of imports[i]!) {
      const j = byPath.get(p);
      if (j !== undefined) visit(j);
    }
    state[i] = DONE;
    order.push(i);
  };
  for (let i = 0; i < files.length && !cycle; i++) visit(i);
  return cycle ? undefined : { order, paths, imports, byPath };
}

/**
 * A project that notices when the order its files were added in may have changed an answer: a
 * name looked up and then defined by a file added later, or a name several files define (not all
 * as packages, which any file may declare and which answer alike).
 */
class WatchedProject extends ProtoProject {
  orderSensitive = false;
  /** Every full name looked up, and whether a package was among the symbols each time. */
  private readonly asked = new Map<string, boolean>();
  /** Names with more than one symbol, all packages. */
  private readonly onlyPackages = new Set<string>();

  constructor() {
    super({ docs: false, comments: false });
  }

  override setFile(input: ProtoFileInput, options?: SetFileOptions): boolean {
    const changed = super.setFile(input, options);
    if (changed) for (const s of this.get(input.uri)?.symbols.all ?? []) this.defined(s);
    return changed;
  }

  override lookup(fullName: string): readonly ProtoSymbol[] | undefined {
    const found = super.lookup(fullName);
    if (found && found.length > 1 && !this.onlyPackages.has(fullName)) {
      if (found.every((s) => s.kind === 'package')) this.onlyPackages.add(fullName);
      else this.orderSensitive = true;
    }
    const withPackage = found !== undefined && found.length > 0 && (found.length > 1 || found[0]!.kind === 'package');
    if (this.asked.get(fullName) !== false) this.asked.set(fullName, withPackage);
    return found;
  }

  private defined(s: ProtoSymbol): void {
    const asked = this.asked.get(s.fullName);
    // One more package answers as the ones before it did; a first one, or anything else, may not.
    if (asked !== undefined && (s.kind !== 'package' || !asked)) this.orderSensitive = true;
    if (s.kind !== 'package') this.onlyPackages.delete(s.fullName);
  }
}

/** One file's part of the image, with its type references resolved as its links resolved them. */
function addToImage(builder: ImageBuilder, project: ProtoProject, uri: string, isImport: boolean): void {
  const state = project.get(uri);
  if (!state || builder.has(state.importPath)) return;
  const typeOf = project.link(uri)?.typeOf;
  // The links are final: resolved now, the file's links and tree are not kept for the image.
  builder.add(uri, state.importPath, state.ast, (ref) => typeOf?.get(ref), isImport, undefined, true);
}

/** The image, with every other file the project loaded as a dependency; the group's own files are in already. */
function imageWithImports(builder: ImageBuilder, project: ProtoProject): ProtoImage {
  for (const uri of project.uris()) addToImage(builder, project, uri, true);
  return builder.image();
}
