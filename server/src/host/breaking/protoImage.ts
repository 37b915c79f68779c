/**
 * One side of a Protobuf comparison as an image, built from file texts: the module's files, then
 * every file their imports reach. Shared by `event-schemas breaking` and the editor's baselines.
 */
import { readFileSync } from 'node:fs';
import { buildProtoImageFromTexts, type TextInput } from '../../core/compat/proto/fromTexts';
import type { ProtoImage } from '../../core/compat/proto/image';
import { ProtoProject } from '../../core/proto/project';
import { ProtoFiles, uriOf } from '../protoFiles';
import type { ImportRoots } from '../roots';

export interface SideFile {
  readonly uri: string;
  /** The import path. */
  readonly path: string;
  readonly text: string;
}

/**
 * One side's image, built file by file from the texts (only one syntax tree in memory at a time):
 * the module's files, then every file their imports reach, transitively, from `brought` or else
 * from the import roots and the well-known types on disk.
 */
export function imageOf(module: readonly SideFile[], brought: ReadonlyMap<string, SideFile>, roots: ImportRoots): ProtoImage {
  const texts = new Map<string, string>();
  const inputs: TextInput[] = [];
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const f of module) {
    if (seen.has(f.path)) continue;
    seen.add(f.path);
    texts.set(f.uri, f.text);
    inputs.push({ uri: f.uri, path: f.path });
    queue.push(f.text);
  }
  const disk = new ProtoFiles(new ProtoProject(), roots);
  while (queue.length) {
    for (const path of importsOf(queue.pop()!)) {
      if (seen.has(path)) continue;
      seen.add(path);
      let dep = brought.get(path);
      if (!dep) {
        const file = disk.locate(path);
        const text = file === undefined ? undefined : readOrUndefined(file);
        if (file === undefined || text === undefined) continue; // the file's own diagnostics name it
        dep = { uri: uriOf(file), path, text };
      }
      texts.set(dep.uri, dep.text);
      inputs.push({ uri: dep.uri, path, isImport: true });
      queue.push(dep.text);
    }
  }
  return buildProtoImageFromTexts(inputs, (uri) => texts.get(uri));
}

/**
 * The paths a file imports. A scan of the text rather than a parse: the image builder parses each
 * file once anyway, and an import inside a comment only adds a dependency that is never compared.
 *
 * It finds what /(?:^|[;}])\s*import\s+(?:(?:public|weak)\s+)?(?:"([^"\n]*)"|'([^'\n]*)')/gm
 * finds: `import` at the start of a line or after `;` or `}` (blanks between), then the quoted
 * path on the same line. Written out because the expression, tried at every position of every
 * text, was a tenth of a second per side on googleapis; `indexOf` jumps from `import` to `import`.
 */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf('import', from);
    if (at < 0) return out;
    const end = importAt(text, at, out);
    from = end ?? at + 1;
  }
}

/** If an import statement's `import` starts at `at`, records its path and returns where it ends. */
function importAt(text: string, at: number, out: string[]): number | undefined {
  // Before: only blanks back to a line break, a `;`, a `}` or the start of the text.
  let i = at - 1;
  let lineStart = false;
  while (i >= 0 && isBlank(text.charCodeAt(i))) {
    if (isLineBreak(text.charCodeAt(i))) lineStart = true;
    i--;
  }
  if (i >= 0 && !lineStart) {
    const c = text.charCodeAt(i);
    if (c !== 59 /* ; */ && c !== 125 /* } */) return undefined;
  }
  // After: blanks, `public` or `weak` and blanks (optionally), then a quoted path on one line.
  let j = at + 6;
  const blanks = (k: number) => {
    while (k < text.length && isBlank(text.charCodeAt(k))) k++;
    return k;
  };
  let k = blanks(j);
  if (k === j) return undefined;
  j = k;
  for (const word of ['public', 'weak']) {
    if (text.startsWith(word, j)) {
      k = blanks(j + word.length);
      if (k > j + word.length) j = k;
      break;
    }
  }
  const quote = text.charCodeAt(j);
  if (quote !== 34 /* " */ && quote !== 39 /* ' */) return undefined;
  let e = j + 1;
  while (e < text.length) {
    const c = text.charCodeAt(e);
    if (c === quote) {
      out.push(text.slice(j + 1, e));
      return e + 1;
    }
    if (c === 10) return undefined;
    e++;
  }
  return undefined;
}

/** JavaScript's \s. */
function isBlank(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** What ends a line for `^` in a multiline expression. */
function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
