/**
 * Breaking changes in the editor: each open .proto, .avsc and .avdl file is compared with the
 * folder's baseline (`eventSchemas.breaking.baseline`, git:HEAD by default) and the findings are
 * published with the file's other diagnostics, in the same publishDiagnostics. Findings sit on
 * the changed element; a deleted element's finding sits on its parent and points into the
 * baseline through related information, whose `event-schemas-baseline:` uris the client opens
 * with `eventSchemas/baselineContent`.
 *
 * Per edit only the edited file is compared (or its package, for PACKAGE rules); baselines and
 * their images are cached (baselines.ts). A check that takes long on a big file no longer delays
 * the other diagnostics: from then on that file's diagnostics are published at once with its
 * previous findings, and the findings follow in a second publish on the next turn.
 *
 * Untrusted workspaces are never compared: no git, no registry, no baseline reads.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  NotificationType,
  RequestType,
  type CodeAction,
  type Diagnostic as LspDiagnostic,
  type Range,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { listBranches } from '../host/gitRefs';
import { pathOf, uriOf } from '../host/protoFiles';
import {
  baselineContentRequest,
  baselineForRequest,
  baselineStatusNotification,
  breakingModes,
  breakingRuleSets,
  defaultSettings,
  findingSeverities,
  gitBranchesRequest,
  setRegistryCredentialsRequest,
  type BaselineContentParams,
  type BaselineContentResult,
  type BaselineForParams,
  type BaselineForResult,
  type BaselineStatusParams,
  type BreakingSettings,
  type GitBranchesParams,
  type GitBranchesResult,
  type SetRegistryCredentialsParams,
} from '../protocol';
import { parseBaselineUri } from '../service/breaking/baselineUri';
import { applySeverities } from '../service/breaking/severity';
import { fixToWorkspaceEdit, toLspDiagnostics } from '../service/toLsp';
import { Baselines, relPath, type BaselineEntry } from './baselines';
import { checkAvroFile } from './breakingAvro';
import { checkProto } from './breakingProto';
import type { FolderState } from './folders';
import { runSafeVoid } from './runSafe';
import type { ServerState } from './server';

/** A check slower than this publishes the file's other diagnostics first. */
const SLOW_MS = 20;

interface Result {
  readonly version: number;
  /** The check built baseline images or parsed old files, so its time says nothing about the next edit. */
  readonly cold: boolean;
  /** Core diagnostics with their fixes, for code actions. */
  readonly diagnostics: readonly Diagnostic[];
  readonly lsp: LspDiagnostic[];
  readonly text: string;
}

export interface BreakingHooks {
  readonly configurationSupport: () => boolean;
  /** Checks an open document again (its diagnostics are published through `publish`). */
  readonly schedule: (uri: string) => void;
}

/** Reads `eventSchemas.breaking` as sent by the client; anything malformed keeps its default. */
export function readBreakingSettings(value: unknown): BreakingSettings {
  const v = (value ?? {}) as Partial<Record<keyof BreakingSettings, unknown>>;
  const d = defaultSettings.breaking;
  const severity: Record<string, BreakingSettings['severity'][string]> = {};
  if (v.severity && typeof v.severity === 'object' && !Array.isArray(v.severity)) {
    for (const [code, level] of Object.entries(v.severity)) {
      if ((findingSeverities as readonly unknown[]).includes(level)) severity[code] = level as BreakingSettings['severity'][string];
    }
  }
  return {
    enable: typeof v.enable === 'boolean' ? v.enable : d.enable,
    baseline: typeof v.baseline === 'string' && v.baseline.trim() !== '' ? v.baseline.trim() : d.baseline,
    rules: (breakingRuleSets as readonly unknown[]).includes(v.rules) ? (v.rules as BreakingSettings['rules']) : d.rules,
    mode: (breakingModes as readonly unknown[]).includes(v.mode) ? (v.mode as BreakingSettings['mode']) : d.mode,
    severity,
  };
}

const services = new WeakMap<ServerState, BreakingChecks>();

export function registerBreaking(state: ServerState, hooks: BreakingHooks): BreakingChecks {
  const service = new BreakingChecks(state, hooks);
  services.set(state, service);
  return service;
}

/** Quick fixes for the breaking findings in a range of an open document (features.ts asks). */
export function breakingCodeActions(state: ServerState, uri: string, range: Range, only: readonly string[] | undefined, context: readonly LspDiagnostic[]): CodeAction[] {
  return services.get(state)?.codeActions(uri, range, only, context) ?? [];
}

export class BreakingChecks {
  readonly baselines: Baselines;
  private readonly perFolder = new Map<string, BreakingSettings>();
  private readonly results = new Map<string, Result>();
  private readonly slow = new Set<string>();
  private readonly deferred = new Map<string, { doc: TextDocument; folder: FolderState; normal: LspDiagnostic[] }>();
  private deferredScheduled = false;
  private readonly statusType = new NotificationType<BaselineStatusParams>(baselineStatusNotification);

  constructor(
    private readonly state: ServerState,
    private readonly hooks: BreakingHooks,
  ) {
    const { connection, log } = state;
    this.baselines = new Baselines({
      log,
      trusted: () => state.trusted,
      changed: (folderPath) => {
        for (const doc of state.documents.all()) {
          if (state.folders.forUri(doc.uri).folderPath === folderPath) hooks.schedule(doc.uri);
        }
      },
      status: (p) => void connection.sendNotification(this.statusType, p),
      importRoots: (folderPath) => state.folders.all().find((f) => f.folderPath === folderPath)?.files.roots.roots ?? [],
      folderUri: (folderPath) => pathToFileURL(folderPath).href,
    });
    this.registerRequests();
  }

  /** The breaking settings of a folder: its own (resource-scoped) values, else the window's. */
  settingsFor(folderPath: string): BreakingSettings {
    return this.perFolder.get(folderPath) ?? this.state.settings.breaking;
  }

  /**
   * Publishes a document's diagnostics: `normal` plus its breaking findings. A document whose
   * last check was slow gets `normal` and its previous findings now, the new findings next turn.
   */
  publish(uri: string, doc: TextDocument, folder: FolderState, normal: LspDiagnostic[]): void {
    const send = (diagnostics: LspDiagnostic[]) => void this.state.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    if (!this.slow.has(uri)) {
      send([...normal, ...this.run(uri, doc, folder)]);
      return;
    }
    send([...normal, ...(this.results.get(uri)?.lsp ?? [])]);
    this.deferred.set(uri, { doc, folder, normal });
    if (this.deferredScheduled) return;
    this.deferredScheduled = true;
    setImmediate(() => {
      this.deferredScheduled = false;
      const work = [...this.deferred];
      this.deferred.clear();
      for (const [u, { doc: d, folder: f, normal: n }] of work) {
        runSafeVoid(this.state.log, `breaking ${u}`, () => {
          // A newer edit is on its way with its own publish.
          if (this.state.documents.get(u)?.version !== d.version) return;
          void this.state.connection.sendDiagnostics({ uri: u, version: d.version, diagnostics: [...n, ...this.run(u, d, f)] });
        });
      }
    });
  }

  /** Runs the check, timing it; never throws (a failure is logged and reports nothing). */
  private run(uri: string, doc: TextDocument, folder: FolderState): LspDiagnostic[] {
    const started = performance.now();
    let result: Result | undefined;
    try {
      result = this.check(uri, doc, folder);
    } catch (e) {
      this.state.log.error(`breaking check of ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    const ms = performance.now() - started;
    if (result?.cold) {
      // Timed again on the next edit.
    } else if (ms > SLOW_MS && !this.slow.has(uri)) {
      this.slow.add(uri);
      this.state.log.info(`the breaking-change check of ${uri} took ${Math.round(ms)} ms: its findings now follow its other diagnostics`);
    } else if (ms < SLOW_MS / 2) this.slow.delete(uri);
    if (result) this.results.set(uri, result);
    else this.results.delete(uri);
    return result?.lsp ?? [];
  }

  private check(uri: string, doc: TextDocument, folder: FolderState): Result | undefined {
    const settings = this.settingsFor(folder.folderPath);
    const path = pathOf(uri);
    if (!settings.enable || !this.state.trusted || !path) return undefined;
    const entry = this.baselines.get(folder.folderPath, settings.baseline, path);
    if (!entry || entry.state !== 'ready' || !entry.baseline) return undefined;
    const problems = new Set<string>();
    const builds = entry.builds;
    const found = this.state.isAvro(uri)
      ? checkAvroFile(folder, uri, path, settings, entry)
      : checkProto(folder, uri, path, settings, entry, problems);
    for (const p of problems) this.state.log.error(p);
    const diagnostics = applySeverities(found.diagnostics, settings.severity);
    const text = doc.getText();
    const lsp = toLspDiagnostics(diagnostics, text, uri, (other) => found.texts.get(other));
    return { version: doc.version, cold: entry.builds !== builds, diagnostics, lsp, text };
  }

  codeActions(uri: string, range: Range, only: readonly string[] | undefined, context: readonly LspDiagnostic[]): CodeAction[] {
    if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
    const result = this.results.get(uri);
    const doc = this.state.documents.get(uri);
    if (!result || !doc || doc.version !== result.version) return [];
    const out: CodeAction[] = [];
    result.diagnostics.forEach((d, i) => {
      const lsp = result.lsp[i]!;
      if (!overlaps(lsp.range, range)) return;
      const shown = context.find((c) => c.code === lsp.code && sameRange(c.range, lsp.range)) ?? lsp;
      for (const fix of d.fixes ?? []) {
        const edit = fixToWorkspaceEdit(fix, result.text, uri);
        if (!edit) continue;
        const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [shown], edit };
        if (fix.preferred) action.isPreferred = true;
        out.push(action);
      }
    });
    return out;
  }

  /**
   * Reads each workspace folder's own `eventSchemas.breaking` (the baseline is resource-scoped),
   * forgets baselines no setting names any more, and checks the open files again.
   */
  async refreshSettings(): Promise<void> {
    const folders = this.state.folders.workspaceFolders();
    this.perFolder.clear();
    if (this.hooks.configurationSupport() && folders.length) {
      try {
        const values: unknown[] = await this.state.connection.workspace.getConfiguration(
          folders.map((f) => ({ scopeUri: uriOf(f.folderPath), section: 'eventSchemas.breaking' })),
        );
        folders.forEach((f, i) => {
          if (values[i] !== null && values[i] !== undefined) this.perFolder.set(f.folderPath, readBreakingSettings(values[i]));
        });
      } catch (e) {
        this.state.log.error(`cannot read the breaking settings: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.baselines.retain((folderPath, text) => {
      const s = this.settingsFor(folderPath);
      return this.state.trusted && s.enable && s.baseline === text;
    });
    for (const f of folders) {
      const s = this.settingsFor(f.folderPath);
      if (!this.state.trusted || !s.enable) {
        void this.state.connection.sendNotification(this.statusType, {
          folder: pathToFileURL(f.folderPath).href,
          baseline: s.baseline,
          state: 'off',
          message: this.state.trusted ? 'breaking-change checks are disabled (eventSchemas.breaking.enable)' : 'the workspace is not trusted: no baseline is read',
        });
      }
    }
    for (const doc of this.state.documents.all()) this.hooks.schedule(doc.uri);
  }

  /** A schema file changed on disk: baselines that hold it are read again. */
  fileChanged(path: string): void {
    this.baselines.fileChanged(path);
  }

  closed(uri: string): void {
    this.results.delete(uri);
    this.slow.delete(uri);
    this.deferred.delete(uri);
  }

  dispose(): void {
    this.baselines.dispose();
  }

  /** The entry holding a baseline document, loaded. */
  private async entryFor(path: string, baseline: string): Promise<{ entry: BaselineEntry | undefined; folder: FolderState }> {
    const folder = this.state.folders.forUri(uriOf(path));
    const entry = this.baselines.get(folder.folderPath, baseline, path);
    if (entry) await this.baselines.whenLoaded(entry);
    return { entry, folder };
  }

  private registerRequests(): void {
    const { connection, log } = this.state;
    const guarded = <P, R>(what: string, fallback: R, fn: (p: P) => Promise<R>) => async (p: P): Promise<R> => {
      try {
        return await fn(p);
      } catch (e) {
        log.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return fallback;
      }
    };

    connection.onRequest(
      new RequestType<BaselineContentParams, BaselineContentResult, void>(baselineContentRequest),
      guarded('baselineContent', { error: 'the baseline document cannot be read' }, async ({ uri }) => {
        const ref = parseBaselineUri(uri);
        if (!ref) return { error: `${uri} is not a baseline document` };
        if (!this.state.trusted) return { error: 'the workspace is not trusted: no baseline is read' };
        const { entry, folder } = await this.entryFor(ref.path, ref.baseline);
        if (!entry?.baseline) return { error: entry?.error?.message ?? `the baseline ${ref.baseline} cannot be loaded` };
        const version = ref.version ?? entry.versionCount - 1;
        const rel = relPath(folder.folderPath, ref.path);
        const file = entry.fileAt(version, rel) ?? (entry.singleFile ? entry.baseline.versions[version]?.files.find((f) => !f.reference) : undefined);
        return file ? { text: file.text } : { error: `${entry.baseline.description} has no ${rel}` };
      }),
    );

    connection.onRequest(
      new RequestType<BaselineForParams, BaselineForResult, void>(baselineForRequest),
      guarded('baselineFor', { label: '', error: 'the baseline cannot be loaded' }, async ({ uri }) => {
        const path = pathOf(uri);
        const folder = this.state.folders.forUri(uri);
        const settings = this.settingsFor(folder.folderPath);
        if (!path) return { label: settings.baseline, error: 'only files on disk have a baseline: save the file first' };
        if (!this.state.trusted) return { label: settings.baseline, error: 'the workspace is not trusted: no baseline is read' };
        const { entry } = await this.entryFor(path, settings.baseline);
        if (!entry?.baseline) return { label: settings.baseline, error: entry?.error?.message ?? `the baseline ${settings.baseline} cannot be loaded` };
        const version = entry.versionCount - 1;
        const rel = relPath(folder.folderPath, path);
        const file = entry.fileAt(version, rel) ?? (entry.singleFile ? entry.baseline.versions[version]?.files.find((f) => !f.reference) : undefined);
        if (!file) return { label: entry.baseline.description, error: `${rel} is new: ${entry.baseline.description} has no version of it` };
        return { uri: entry.uriOf(version, file), label: entry.baseline.description };
      }),
    );

    connection.onRequest(
      new RequestType<GitBranchesParams, GitBranchesResult, void>(gitBranchesRequest),
      guarded('gitBranches', { branches: [] }, async ({ uri }) => {
        if (!this.state.trusted) return { branches: [] };
        const folder = this.state.folders.forUri(uri);
        return listBranches(folder.folderPath);
      }),
    );

    connection.onRequest(
      new RequestType<SetRegistryCredentialsParams, null, void>(setRegistryCredentialsRequest),
      // Never log the parameters: they are secrets.
      guarded('setRegistryCredentials', null, async ({ url, credentials }) => {
        if (typeof url !== 'string' || url === '') return null;
        this.baselines.setCredentials(url, credentials && (credentials.kind === 'basic' || credentials.kind === 'bearer') ? credentials : null);
        return null;
      }),
    );
  }
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
