/**
 * What the CLI asks of each schema format. `check` reads the files, hands each checker the ones
 * with its extensions, and renders what comes back; so adding a format is one new checker and a
 * line in the registry (checkers/index.ts).
 */
import type { Diagnostic } from '../../core/diagnostics/diagnostic';
import type { FoundFile } from '../discover';

export interface InputFile extends FoundFile {
  readonly text: string;
}

export interface CheckedFile {
  /** Absolute path. */
  readonly path: string;
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Where a related location (a uri and span inside it) lies, as a file and its text. */
export type SourceLookup = (uri: string) => { readonly path: string; readonly text: string } | undefined;

export interface CheckerOptions {
  /** Absolute `-I` folders, in order. */
  readonly importPaths: readonly string[];
  /** buf configuration found so far in the run's folders (see RootsOptions.configFiles). */
  readonly configFiles?: Map<string, string | null>;
}

export interface CheckerResult {
  /** One entry per input file, whether it has findings or not. */
  readonly files: readonly CheckedFile[];
  /** Configuration or I/O problems (unreadable buf.yaml, ...): reported on stderr, exit code 2. */
  readonly problems: readonly string[];
  /** Resolves the uris of related information, including files loaded only as imports. */
  readonly source: SourceLookup;
}

export interface SchemaChecker {
  /** Human name, e.g. `protobuf`. */
  readonly name: string;
  /** Lowercase extensions with the dot, e.g. `.proto`. */
  readonly extensions: readonly string[];
  check(files: readonly InputFile[], options: CheckerOptions): CheckerResult;
}
