/**
 * The LSP layer: it owns the connection, the open documents and the per-folder projects, and
 * dispatches each request to the service. Every handler runs through runSafe.
 *
 * Invariant: an edit re-parses only the edited file and re-checks only it and the open files
 * that import it (Protobuf) or use a name it defines or imports it (Avro); the workspace index
 * grows in the background, between requests.
 */
import {
  DidChangeConfigurationNotification,
  NotificationType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { defaultSettings, statusNotification, type InitializationOptions, type Settings, type StatusParams } from '../protocol';
import { Folders, type FolderState } from './folders';
import { indexFolder } from './indexer';
import { runSafeVoid, type Logger } from './runSafe';
import { pathOf } from '../host/protoFiles';
import { registerFeatures } from './features';
import { toLspDiagnostics } from '../service/toLsp';
import { lineIndexFor } from '../service/lineIndexCache';
import { setInternalErrorReporter } from '../service/proto/guard';
import { avroDiagnostics } from '../service/avro/diagnostics';
import { syntaxOfPath } from '../core/avro/index';
import { readGenerateSettings, registerGenerate } from './generate';
import { readBreakingSettings, registerBreaking } from './breaking';

const statusType = new NotificationType<StatusParams>(statusNotification);

export interface ServerState {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly folders: Folders;
  readonly log: Logger;
  trusted: boolean;
  settings: Settings;
  /** The client applies change annotations that need confirmation (the rename alias offer). */
  annotationSupport: boolean;
  /** Makes sure the document's project has its current text and imports; returns its folder state. */
  sync(uri: string): FolderState | undefined;
  /** Whether the document is Avro (.avsc, .avdl), which the Avro service answers. */
  isAvro(uri: string): boolean;
}

function mergeSettings(value: unknown): Settings {
  const v = (value ?? {}) as Partial<Settings>;
  return {
    importPaths: Array.isArray(v.importPaths) ? v.importPaths.filter((p) => typeof p === 'string') : defaultSettings.importPaths,
    format: { enable: v.format?.enable ?? defaultSettings.format.enable },
    diagnostics: { unusedImports: v.diagnostics?.unusedImports ?? defaultSettings.diagnostics.unusedImports },
    index: { maxFiles: typeof v.index?.maxFiles === 'number' ? v.index.maxFiles : defaultSettings.index.maxFiles },
    avro: {
      renameKeepsAlias: ['ask', 'always', 'never'].includes(v.avro?.renameKeepsAlias as string)
        ? v.avro!.renameKeepsAlias
        : defaultSettings.avro.renameKeepsAlias,
    },
    generate: readGenerateSettings(v.generate),
    breaking: readBreakingSettings(v.breaking),
  };
}

function isProto(uri: string, languageId?: string): boolean {
  return languageId === 'proto' || uri.endsWith('.proto');
}

/** The Avro syntax of a document by its language id, else its extension; undefined for others. */
function avroSyntaxOf(uri: string, languageId?: string): 'avsc' | 'avdl' | undefined {
  if (languageId === 'avroavsc') return 'avsc';
  if (languageId === 'avroidl') return 'avdl';
  if (languageId === 'proto') return undefined;
  const syntax = syntaxOfPath(uri);
  return syntax === 'avsc' || syntax === 'avdl' ? syntax : undefined;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log: Logger = {
    error: (m) => connection.console.error(m),
    info: (m) => connection.console.info(m),
  };
  setInternalErrorReporter((feature, e) => log.error(`${feature} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  const overlay = (uri: string) => documents.get(uri)?.getText();
  const state: ServerState = {
    connection,
    documents,
    folders: new Folders(defaultSettings, overlay),
    log,
    trusted: false,
    settings: defaultSettings,
    annotationSupport: false,
    sync,
    isAvro: (uri) => avroSyntaxOf(uri, documents.get(uri)?.languageId) !== undefined,
  };
  let indexGeneration = 0;
  let shuttingDown = false;
  let hasConfigurationCapability = false;
  const breaking = registerBreaking(state, {
    configurationSupport: () => hasConfigurationCapability,
    schedule: (uri) => schedule(uri),
  });
  const generation = registerGenerate(state, {
    configurationSupport: () => hasConfigurationCapability,
    revalidate: () => {
      for (const doc of documents.all()) schedule(doc.uri);
    },
  });

  function sync(uri: string): FolderState | undefined {
    const doc = documents.get(uri);
    const folder = state.folders.forUri(uri);
    const avro = avroSyntaxOf(uri, doc?.languageId);
    if (avro) {
      if (doc) syncAvro(folder, uri, doc.getText(), avro);
      return folder.avro.registry.file(uri) ? folder : undefined;
    }
    if (doc && isProto(uri, doc.languageId)) {
      const path = pathOf(uri);
      if (path) folder.files.addFile(path, doc.getText());
      else folder.project.setFile({ uri, importPath: uri, text: doc.getText() });
      folder.files.loadImports([uri]);
    }
    return folder.project.has(uri) ? folder : undefined;
  }

  /**
   * Puts an open Avro document's text into its folder's registry and loads its IDL imports. When
   * the text changed, the open files that use a name it defined or defines, or import it, are
   * re-checked: before and after the update, so users of a removed name hear about it too.
   */
  function syncAvro(folder: FolderState, uri: string, text: string, syntax: 'avsc' | 'avdl'): void {
    const avro = folder.avro;
    const current = avro.registry.file(uri);
    if (current && current.text === text && current.syntax === syntax) {
      avro.loadImports([uri]);
      return;
    }
    const affected = avroAffected(folder, uri);
    const path = pathOf(uri);
    if (path) avro.addFile(path, text, syntax);
    else avro.setText(uri, text, syntax);
    avro.loadImports([uri]);
    for (const d of avroAffected(folder, uri)) affected.add(d);
    for (const d of affected) if (d !== uri && documents.get(d)) schedule(d);
  }

  function avroAffected(folder: FolderState, uri: string): Set<string> {
    return new Set([...folder.avro.registry.dependents(uri), ...folder.avro.importers(uri)]);
  }

  // Edits arrive in bursts; validation runs once per burst, on the next turn of the event loop.
  const pending = new Set<string>();
  let scheduled = false;
  function schedule(uri: string): void {
    pending.add(uri);
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }
  function flush(): void {
    scheduled = false;
    const uris = [...pending];
    pending.clear();
    const again = new Set<string>();
    for (const uri of uris) {
      runSafeVoid(log, `validate ${uri}`, () => {
        const folder = validate(uri);
        // Open files that import this one may have changed meaning (Avro: see syncAvro).
        if (folder && !state.isAvro(uri)) {
          for (const dep of folder.project.dependents(uri)) if (documents.get(dep) && !uris.includes(dep)) again.add(dep);
        }
      });
    }
    for (const dep of again) schedule(dep);
  }

  function validate(uri: string): FolderState | undefined {
    const doc = documents.get(uri);
    if (doc && avroSyntaxOf(uri, doc.languageId)) return validateAvro(uri, doc);
    if (!doc || !isProto(uri, doc.languageId)) return undefined;
    const folder = sync(uri);
    if (!folder) return undefined;
    let diags = folder.project.diagnostics(uri);
    if (!state.settings.diagnostics.unusedImports) diags = diags.filter((d) => d.code !== 'resolve/unused-import');
    // The project's state holds the document's text; its line index is built once per version.
    const lspDiags = toLspDiagnostics(diags, lineIndexFor(folder.project, uri) ?? doc.getText(), uri, (other) =>
      lineIndexFor(folder.project, other),
    );
    lspDiags.push(...generation.staleDiagnostics(uri, folder));
    breaking.publish(uri, doc, folder, lspDiags);
    return folder;
  }

  function validateAvro(uri: string, doc: TextDocument): FolderState | undefined {
    const folder = sync(uri);
    if (!folder) return undefined;
    const diags = [...avroDiagnostics(folder.avro, uri), ...folder.avro.importDiagnostics(uri)];
    const lspDiags = toLspDiagnostics(diags, doc.getText(), uri, (other) => folder.avro.registry.file(other)?.text);
    lspDiags.push(...generation.staleDiagnostics(uri, folder));
    breaking.publish(uri, doc, folder, lspDiags);
    return folder;
  }

  function sendStatus(p: StatusParams): void {
    void connection.sendNotification(statusType, p);
  }

  async function indexAll(): Promise<void> {
    const generation = ++indexGeneration;
    const stopped = () => shuttingDown || generation !== indexGeneration;
    if (!state.trusted) {
      sendStatus({ state: 'ready', indexed: 0, total: 0 });
      return;
    }
    let indexed = 0;
    let total = 0;
    for (const folder of state.folders.workspaceFolders()) {
      const base = { indexed, total };
      await indexFolder(
        folder,
        Math.max(0, state.settings.index.maxFiles - indexed),
        (p) => {
          indexed = base.indexed + p.indexed;
          total = base.total + p.total;
          if (!stopped()) sendStatus({ state: 'indexing', indexed, total });
        },
        stopped,
      );
      if (stopped()) return;
    }
    sendStatus({ state: 'ready', indexed, total });
    // Open documents may now resolve against files the index found.
    for (const doc of documents.all()) schedule(doc.uri);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as Partial<InitializationOptions>;
    state.trusted = init.trusted === true;
    state.settings = mergeSettings(init.settings);
    state.folders.updateSettings(state.settings);
    const folderPaths = (params.workspaceFolders ?? [])
      .map((f) => {
        try {
          return fileURLToPath(f.uri);
        } catch {
          return undefined;
        }
      })
      .filter((p): p is string => p !== undefined);
    if (folderPaths.length === 0 && params.rootUri) {
      const p = pathOf(params.rootUri);
      if (p) folderPaths.push(p);
    }
    state.folders.setFolders(folderPaths);
    hasConfigurationCapability = params.capabilities.workspace?.configuration === true;
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    state.annotationSupport = workspaceEdit?.documentChanges === true && workspaceEdit.changeAnnotationSupport !== undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...registerFeatures(state),
        ...generation.capabilities,
      },
      serverInfo: { name: 'event-schemas', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'eventSchemas' }).catch(() => undefined);
    }
    void indexAll().catch((e) => log.error(`indexing failed: ${String(e)}`));
    void generation.refreshSettings();
    void breaking.refreshSettings();
  });

  connection.onDidChangeConfiguration((change) => {
    runSafeVoid(log, 'configuration', () => {
      const next = (change.settings as { eventSchemas?: unknown } | undefined)?.eventSchemas;
      if (next === undefined) return;
      state.settings = mergeSettings(next);
      state.folders.updateSettings(state.settings);
      void indexAll().catch((e) => log.error(`indexing failed: ${String(e)}`));
      void generation.refreshSettings();
      void breaking.refreshSettings();
      for (const doc of documents.all()) schedule(doc.uri);
    });
  });

  connection.onDidChangeWatchedFiles((params) => {
    runSafeVoid(log, 'watched files', () => {
      let configChanged = false;
      for (const change of params.changes) {
        const path = pathOf(change.uri);
        if (!path) continue;
        breaking.fileChanged(path);
        if (/buf(\.work)?\.ya?ml$/.test(path)) {
          configChanged = true;
          continue;
        }
        if (avroSyntaxOf(change.uri)) {
          if (!documents.get(change.uri)) avroFileChanged(change.uri, path, change.type === 3 /* Deleted */);
          continue;
        }
        if (!path.endsWith('.proto') || documents.get(change.uri)) continue;
        const folder = state.folders.forUri(change.uri);
        if (change.type === 3 /* Deleted */) folder.project.removeFile(change.uri);
        else if (state.trusted && folder.files.isInsideRoots(path)) folder.files.addFile(path, undefined, { cold: true });
        folder.files.forgetMissing();
        for (const dep of folder.project.dependents(change.uri)) if (documents.get(dep)) schedule(dep);
      }
      if (configChanged) {
        state.folders.updateSettings(state.settings);
        void indexAll().catch((e) => log.error(`indexing failed: ${String(e)}`));
      }
      for (const doc of documents.all()) schedule(doc.uri);
    });
  });

  /** A file changed on disk (or was closed): back to its disk content, or out of the registry. */
  function avroFileChanged(uri: string, path: string | undefined, deleted: boolean): void {
    const folder = state.folders.forUri(uri);
    const affected = avroAffected(folder, uri);
    const reloaded = !deleted && path !== undefined && state.trusted && folder.avro.isInsideRoots(path) && folder.avro.addFile(path) !== undefined;
    if (!reloaded) folder.avro.removeFile(uri);
    folder.avro.forgetMissing();
    for (const d of avroAffected(folder, uri)) affected.add(d);
    for (const d of affected) if (d !== uri && documents.get(d)) schedule(d);
  }

  documents.onDidOpen((e) => schedule(e.document.uri));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidSave((e) => generation.didSave(e.document.uri));
  documents.onDidClose((e) => {
    runSafeVoid(log, 'close', () => {
      const uri = e.document.uri;
      breaking.closed(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      if (avroSyntaxOf(uri, e.document.languageId)) {
        avroFileChanged(uri, pathOf(uri), false);
        return;
      }
      const folder = state.folders.forUri(uri);
      const path = pathOf(uri);
      // The closed file goes back to its content on disk, or out of the project if it has none.
      if (path && state.trusted && folder.files.isInsideRoots(path)) folder.files.addFile(path, undefined, { cold: true });
      else folder.project.removeFile(uri);
      for (const dep of folder.project.dependents(uri)) if (documents.get(dep)) schedule(dep);
    });
  });

  connection.onShutdown(() => {
    shuttingDown = true;
    breaking.dispose();
  });

  documents.listen(connection);
}
