/**
 * The LSP layer: it owns the connection, the open documents and the per-folder projects, and
 * dispatches each request to the service. Every handler runs through runSafe.
 *
 * Invariant: an edit re-parses only the edited file and re-checks only it and the open files
 * that import it; the workspace index grows in the background, between requests.
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
import { setInternalErrorReporter } from '../service/proto/guard';

const statusType = new NotificationType<StatusParams>(statusNotification);

export interface ServerState {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly folders: Folders;
  readonly log: Logger;
  trusted: boolean;
  settings: Settings;
  /** Makes sure the document's project has its current text and imports; returns its folder state. */
  sync(uri: string): FolderState | undefined;
}

function mergeSettings(value: unknown): Settings {
  const v = (value ?? {}) as Partial<Settings>;
  return {
    importPaths: Array.isArray(v.importPaths) ? v.importPaths.filter((p) => typeof p === 'string') : defaultSettings.importPaths,
    format: { enable: v.format?.enable ?? defaultSettings.format.enable },
    diagnostics: { unusedImports: v.diagnostics?.unusedImports ?? defaultSettings.diagnostics.unusedImports },
    index: { maxFiles: typeof v.index?.maxFiles === 'number' ? v.index.maxFiles : defaultSettings.index.maxFiles },
  };
}

function isProto(uri: string, languageId?: string): boolean {
  return languageId === 'proto' || uri.endsWith('.proto');
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
    sync,
  };
  let indexGeneration = 0;
  let shuttingDown = false;
  let hasConfigurationCapability = false;

  function sync(uri: string): FolderState | undefined {
    const doc = documents.get(uri);
    const folder = state.folders.forUri(uri);
    if (doc && isProto(uri, doc.languageId)) {
      const path = pathOf(uri);
      if (path) folder.files.addFile(path, doc.getText());
      else folder.project.setFile({ uri, importPath: uri, text: doc.getText() });
      folder.files.loadImports([uri]);
    }
    return folder.project.has(uri) ? folder : undefined;
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
        // Open files that import this one may have changed meaning.
        if (folder) {
          for (const dep of folder.project.dependents(uri)) if (documents.get(dep) && !uris.includes(dep)) again.add(dep);
        }
      });
    }
    for (const dep of again) schedule(dep);
  }

  function validate(uri: string): FolderState | undefined {
    const doc = documents.get(uri);
    if (!doc || !isProto(uri, doc.languageId)) return undefined;
    const folder = sync(uri);
    if (!folder) return undefined;
    let diags = folder.project.diagnostics(uri);
    if (!state.settings.diagnostics.unusedImports) diags = diags.filter((d) => d.code !== 'resolve/unused-import');
    const lspDiags = toLspDiagnostics(diags, doc.getText(), uri, (other) => {
      const t = folder.project.get(other)?.text;
      return t;
    });
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: lspDiags });
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
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...registerFeatures(state),
      },
      serverInfo: { name: 'event-schemas', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'eventSchemas' }).catch(() => undefined);
    }
    void indexAll().catch((e) => log.error(`indexing failed: ${String(e)}`));
  });

  connection.onDidChangeConfiguration((change) => {
    runSafeVoid(log, 'configuration', () => {
      const next = (change.settings as { eventSchemas?: unknown } | undefined)?.eventSchemas;
      if (next === undefined) return;
      state.settings = mergeSettings(next);
      state.folders.updateSettings(state.settings);
      void indexAll().catch((e) => log.error(`indexing failed: ${String(e)}`));
      for (const doc of documents.all()) schedule(doc.uri);
    });
  });

  connection.onDidChangeWatchedFiles((params) => {
    runSafeVoid(log, 'watched files', () => {
      let configChanged = false;
      for (const change of params.changes) {
        const path = pathOf(change.uri);
        if (!path) continue;
        if (/buf(\.work)?\.ya?ml$/.test(path)) {
          configChanged = true;
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

  documents.onDidOpen((e) => schedule(e.document.uri));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    runSafeVoid(log, 'close', () => {
      const uri = e.document.uri;
      void connection.sendDiagnostics({ uri, diagnostics: [] });
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
  });

  documents.listen(connection);
}
