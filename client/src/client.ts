/**
 * Builds the LanguageClient: where the server bundle is, which documents and files it sees, and
 * what it is told at start. Knows nothing about commands or status; extension.ts wires those.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  configurationSection,
  defaultSettings,
  languageIds,
  type InitializationOptions,
  type Settings,
} from '../../server/src/protocol';

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // The server indexes schemas on disk as well as open ones, so it must hear about files changed
  // outside the editor, and about buf.yaml edits that move the import roots.
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/*.{proto,avsc,avdl}'),
    vscode.workspace.createFileSystemWatcher('**/{buf.yaml,buf.work.yaml}'),
  ];
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: Object.values(languageIds).flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel: output,
    synchronize: { fileEvents: watchers },
    // A function, not a value: a restart after trust is granted must send `trusted: true`.
    initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted, settings: readSettings() }),
  };
  // The id doubles as the settings prefix: the client reads `eventSchemas.trace.server` by it.
  return new LanguageClient(configurationSection, 'Event Schemas', serverOptions, clientOptions);
}

/** Window-level values. The server pulls resource-scoped values per folder with `workspace/configuration`. */
function readSettings(): Settings {
  // `null`: any resource. Without it VS Code warns on each resource-scoped key read here.
  const config = vscode.workspace.getConfiguration(configurationSection, null);
  return {
    importPaths: config.get<string[]>('importPaths', defaultSettings.importPaths),
    format: { enable: config.get<boolean>('format.enable', defaultSettings.format.enable) },
    diagnostics: { unusedImports: config.get<boolean>('diagnostics.unusedImports', defaultSettings.diagnostics.unusedImports) },
    index: { maxFiles: config.get<number>('index.maxFiles', defaultSettings.index.maxFiles) },
    avro: { renameKeepsAlias: config.get<Settings['avro']['renameKeepsAlias']>('avro.renameKeepsAlias', defaultSettings.avro.renameKeepsAlias) },
    generate: {
      outDir: config.get<string>('generate.outDir', defaultSettings.generate.outDir),
      onSave: config.get<boolean>('generate.onSave', defaultSettings.generate.onSave),
    },
    breaking: {
      enable: config.get<boolean>('breaking.enable', defaultSettings.breaking.enable),
      baseline: config.get<string>('breaking.baseline', defaultSettings.breaking.baseline),
      rules: config.get<Settings['breaking']['rules']>('breaking.rules', defaultSettings.breaking.rules),
      mode: config.get<Settings['breaking']['mode']>('breaking.mode', defaultSettings.breaking.mode),
      severity: config.get<Settings['breaking']['severity']>('breaking.severity', defaultSettings.breaking.severity),
    },
  };
}
