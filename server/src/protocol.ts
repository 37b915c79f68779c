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
}

export const defaultSettings: Settings = {
  importPaths: [],
  format: { enable: true },
  diagnostics: { unusedImports: true },
  index: { maxFiles: 50000 },
  avro: { renameKeepsAlias: 'ask' },
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
