/**
 * What every baseline source returns: the old versions of schema files as plain data (a path
 * laid out like the current tree, and the text), so the core can parse them exactly as it parses
 * the current files. Failures are values of one error class with a kind, never a crash, and their
 * messages never carry credentials.
 */

export interface BaselineFile {
  /**
   * Where the file would sit in the current tree: relative to the request's `base`, with `/`
   * separators. A file baseline or a registry version takes the path of the one current file it
   * stands for.
   */
  readonly path: string;
  readonly text: string;
  /**
   * Where the old text really comes from, for people: `git:HEAD:proto/a.proto`, an absolute path
   * of a file on disk, or a registry address without credentials.
   */
  readonly origin: string;
  /** The absolute path of the old file when it is a file on disk (folder, file and glob baselines). */
  readonly diskPath?: string;
  /** Only there so that old imports and named types resolve (registry references); never compared. */
  readonly reference?: boolean;
  /** What the registry says the schema is; absent for every other source. */
  readonly schemaType?: SchemaType;
}

export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

export interface BaselineVersion {
  /** Short name for messages: `git:HEAD`, `old/`, `schemas/v2.avsc`, `orders-value version 3`. */
  readonly label: string;
  readonly files: readonly BaselineFile[];
}

export const COMPATIBILITY_LEVELS = [
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
] as const;
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];

export function isCompatibilityLevel(value: unknown): value is CompatibilityLevel {
  return typeof value === 'string' && (COMPATIBILITY_LEVELS as readonly string[]).includes(value);
}

export function isTransitive(level: CompatibilityLevel): boolean {
  return level.endsWith('_TRANSITIVE');
}

export interface Baseline {
  /** The source as the user should read it, e.g. `git:main (3f2a1b0)`; never holds credentials. */
  readonly description: string;
  /** Oldest first; the last entry is the newest earlier version. Git and folder baselines have one. */
  readonly versions: readonly BaselineVersion[];
  /** The compatibility level the source prescribes (a registry subject's config), if any. */
  readonly compatibility?: CompatibilityLevel;
}

export interface BaselineTarget {
  /** Absolute file or folder of the current tree (a PATH argument, or the workspace folder). */
  readonly path: string;
  readonly isFolder: boolean;
}

export interface BaselineRequest {
  /** The folder returned paths are relative to: the CLI's current folder, the editor's workspace folder. */
  readonly base: string;
  /** What the old versions are wanted of. */
  readonly targets: readonly BaselineTarget[];
  /**
   * Further absolute folders a source should also return old files from when it can (git does):
   * the Protobuf import roots, so that old imports resolve against old files.
   */
  readonly extraFolders?: readonly string[];
  /**
   * The one current schema file (absolute) a single-schema source stands for: a file baseline, a
   * glob of versions or a registry subject. Sources that need it fail with a usage error without it.
   */
  readonly singleFile?: string;
}

export type Credentials =
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  | { readonly kind: 'bearer'; readonly token: string };

export type BaselineErrorKind =
  /** The baseline text itself is wrong, or does not fit the PATH arguments. */
  | 'usage'
  /** A file, folder, subject, version or revision that does not exist. */
  | 'not-found'
  | 'not-a-repository'
  /** Git is not installed, a file cannot be read, ... */
  | 'io'
  /** The registry refused the credentials (401 or 403). */
  | 'auth'
  /** The registry cannot be reached: refused connection, unknown host, TLS failure. */
  | 'unreachable'
  | 'timeout'
  /** The registry answered with something that is not what its API documents. */
  | 'bad-response';

/**
 * A baseline that cannot be loaded. The message is lowercase, says what failed and what to do,
 * and never holds credentials: registry addresses in it are redacted.
 */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
  constructor(
    readonly kind: BaselineErrorKind,
    message: string,
  ) {
    super(message);
  }
}
