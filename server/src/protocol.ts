/**
 * The contract between the VS Code client and the language server, declared once.
 *
 * Plain types and string constants only, with no imports, so both sides can import this file
 * without pulling the other side's dependencies in. The server wraps the method names in
 * `NotificationType`s itself; the client uses the strings directly.
 *
 * Invariant: every default in `defaultSettings` equals the `default` of the matching setting in
 * package.json (test/client/manifest.test.ts checks it).
 */

/** Language ids contributed by package.json. `avroavsc` is the id Confluent's extension keys on. */
export const languageIds = {
  proto: 'proto',
  avsc: 'avroavsc',
  avdl: 'avroidl',
} as const;

export type LanguageId = (typeof languageIds)[keyof typeof languageIds];

/** Commands the client contributes and implements. */
export const commandIds = {
  restartServer: 'eventSchemas.restartServer',
  showOutput: 'eventSchemas.showOutput',
  generateHandlers: 'eventSchemas.generateHandlers',
  compareWithBaseline: 'eventSchemas.compareWithBaseline',
  selectBaseline: 'eventSchemas.selectBaseline',
  setRegistryCredentials: 'eventSchemas.setRegistryCredentials',
} as const;

/** The section of the VS Code settings that holds `Settings`, and the client id that reads `trace.server`. */
export const configurationSection = 'eventSchemas';

/** The settings the server acts on. Resource-scoped ones may differ per workspace folder. */
export interface Settings {
  /** Import roots for .proto files, relative to the workspace folder, used when no buf.yaml/buf.work.yaml is found. */
  importPaths: string[];
  format: { enable: boolean };
  diagnostics: { unusedImports: boolean };
  /** Background indexing stops after this many files. */
  index: { maxFiles: number };
  /**
   * Whether renaming an Avro named type keeps the old name in its `aliases`: `ask` offers it in
   * the editor's rename preview (unticked), `always` adds it, `never` leaves it out.
   */
  avro: { renameKeepsAlias: 'ask' | 'always' | 'never' };
  generate: GenerateSettings;
  breaking: BreakingSettings;
}

/** Protobuf rule sets: buf's categories, or Schema Registry's own Protobuf rules. */
export const breakingRuleSets = ['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE', 'CONFLUENT'] as const;
export type BreakingRuleSet = (typeof breakingRuleSets)[number];

/** Confluent compatibility modes; `auto` takes a registry subject's own level, else BACKWARD. */
export const breakingModes = ['auto', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'] as const;
export type BreakingMode = (typeof breakingModes)[number];

export const findingSeverities = ['error', 'warning', 'info', 'hint', 'off'] as const;
export type FindingSeverity = (typeof findingSeverities)[number];

/** Breaking-change checks of the open schema files against a baseline (resource-scoped: per workspace folder). */
export interface BreakingSettings {
  enable: boolean;
  /**
   * What the open files are compared with, as the CLI's `--against` takes it: `git:REV`,
   * `git:merge-base:BRANCH`, a folder or file (relative to the workspace folder), a glob of
   * versions, or `registry:URL#SUBJECT`.
   */
  baseline: string;
  /** `FILE` (buf's default) follows a buf.yaml `breaking.use` when there is one. */
  rules: BreakingRuleSet;
  mode: BreakingMode;
  /** Per rule id (`FIELD_NO_DELETE`, `READER_FIELD_MISSING_DEFAULT_VALUE`, ...): another severity, or `off`. */
  severity: Record<string, FindingSeverity>;
}

export const defaultSettings: Settings = {
  importPaths: [],
  format: { enable: true },
  diagnostics: { unusedImports: true },
  index: { maxFiles: 50000 },
  avro: { renameKeepsAlias: 'ask' },
  generate: { outDir: '', onSave: false },
  breaking: { enable: true, baseline: 'git:HEAD', rules: 'FILE', mode: 'auto', severity: {} },
};

/**
 * Sent by the client as `initializationOptions`. An untrusted workspace gets `trusted: false`,
 * and the server then analyses open files only: no git baselines, no registry calls, no file writes.
 * (VS Code itself drops workspace values of `importPaths` there: package.json lists it under
 * `restrictedConfigurations`.) The client restarts the server when trust is granted.
 */
export interface InitializationOptions {
  trusted: boolean;
  settings: Settings;
}

/** Server -> client: progress of the workspace index; drives the language status item and the progress bar. */
export const statusNotification = 'eventSchemas/status';

export interface StatusParams {
  /** `indexing` while files are being read; `ready` once the index is complete (or stopped at `index.maxFiles`). */
  state: 'indexing' | 'ready';
  /** Files indexed so far. */
  indexed: number;
  /** Files found so far; it can grow while the server is still discovering files. */
  total: number;
}

/** The TypeScript server plugin the extension contributes (package.json `typescriptServerPlugins`), by the name tsserver loads it under. */
export const tsPluginName = 'event-schemas-tsplugin';

/**
 * Settings of the TypeScript server plugin. The client sends them through the TypeScript
 * extension's API: `api.configurePlugin(tsPluginName, settings)`; a `tsconfig.json` `plugins`
 * entry with the same fields works too. Missing or malformed fields keep their defaults.
 */
export interface HandlerPluginSettings {
  /** Report missing handlers and discarded Results in .ts/.tsx files (default true). */
  enable: boolean;
  /** Library Result types that must be handled like the generated `Result` (default none). */
  resultLibraries: ('neverthrow' | 'effect')[];
}

/** The scheme of baseline documents: read-only texts the client gets from the server (`baselineContentRequest`). */
export const baselineScheme = 'event-schemas-baseline';

/** Client -> server: the text of a baseline document (an `event-schemas-baseline:` uri from a diagnostic or `baselineForRequest`). */
export const baselineContentRequest = 'eventSchemas/baselineContent';
export interface BaselineContentParams {
  uri: string;
}
/** `text` is absent when the baseline cannot be loaded or has no such file; `error` then says why. */
export interface BaselineContentResult {
  text?: string;
  error?: string;
}

/** Client -> server: where the baseline version of a schema file is, for "Compare with baseline". */
export const baselineForRequest = 'eventSchemas/baselineFor';
export interface BaselineForParams {
  uri: string;
}
export interface BaselineForResult {
  /** The baseline's uri (`event-schemas-baseline:`), absent when the baseline has no version of the file. */
  uri?: string;
  /** The baseline as users read it: `git:HEAD (3f2a1b0)`. */
  label: string;
  /** Why there is nothing to compare with (no such file at the baseline, a baseline that cannot be loaded, checks off). */
  error?: string;
}

/** Client -> server: branches for the "Select baseline" pick, from the git repository holding `uri`. */
export const gitBranchesRequest = 'eventSchemas/gitBranches';
export interface GitBranchesParams {
  uri: string;
}
export interface GitBranchesResult {
  /** Local branches, then remote-tracking ones (`origin/main`); empty outside a repository or when untrusted. */
  branches: string[];
  current?: string;
}

/**
 * Client -> server: credentials for a schema registry (`null` forgets them). The client keeps them
 * in SecretStorage and sends them after each start; the server holds them in memory only.
 */
export const setRegistryCredentialsRequest = 'eventSchemas/setRegistryCredentials';
export interface SetRegistryCredentialsParams {
  /** The registry's address, as in `registry:URL#SUBJECT`. Credentials apply to every subject there. */
  url: string;
  credentials: RegistryCredentials | null;
}
export type RegistryCredentials = { kind: 'basic'; username: string; password: string } | { kind: 'bearer'; token: string };

/** Server -> client: the baseline of a workspace folder, for the status bar item. */
export const baselineStatusNotification = 'eventSchemas/baselineStatus';
export interface BaselineStatusParams {
  /** The workspace folder's uri. */
  folder: string;
  /** The setting's value, e.g. `git:HEAD`. */
  baseline: string;
  /** `off`: checks disabled or the workspace untrusted; `error`: the baseline cannot be loaded (see `message`). */
  state: 'loading' | 'ready' | 'error' | 'off';
  /** `git:HEAD (3f2a1b0)` once loaded. */
  description?: string;
  message?: string;
}

/** "Generate handlers" (resource-scoped: per workspace folder). */
export interface GenerateSettings {
  /**
   * Where generated TypeScript goes, relative to the workspace folder. Empty: `src/generated/events`
   * when the folder has a `tsconfig.json` and a `src/` folder, else `generated`.
   */
  outDir: string;
  /** Regenerate when a schema whose generated module exists is saved (trusted workspaces only). */
  onSave: boolean;
}

/**
 * Client -> server: generate TypeScript handlers. `uris`: schema files, each generated with its
 * import closure; `folder`: every schema file below that folder. Writes go below the workspace
 * folder's `generate.outDir`; an untrusted workspace writes nothing.
 */
export const generateHandlersRequest = 'eventSchemas/generateHandlers';
export interface GenerateHandlersParams {
  uris?: string[];
  folder?: string;
}
export interface GenerateHandlersResult {
  /** The output folders written to (one per workspace folder involved), as uris. */
  outDirs: string[];
  written: string[];
  unchanged: string[];
  /** Files in the way that were not generated by us; when there are any, that folder got no writes. */
  refused: { uri: string; reason: string }[];
  /** Files that could not be written. */
  failed: { uri: string; message: string }[];
  /** The module generated from each requested schema file, to open. */
  modules: { source: string; module: string }[];
  /** Why nothing (or not everything) was generated: untrusted workspace, schema errors, a bad outDir. */
  errors: string[];
}
