/**
 * "Generate handlers" in the editor: the `eventSchemas/generateHandlers` request, the code lens
 * above each event union, generate-on-save, and the "generated code is stale" warning with its
 * "Regenerate" fix. The work is the CLI's (core/codegen, host/writeGenerated); this file decides
 * which schema files, which output folder, and whether writing is allowed at all (trusted
 * workspaces only).
 */
import { join, relative, sep } from 'node:path';
import {
  CodeActionKind,
  type CodeAction,
  type CodeLens,
  type Diagnostic as LspDiagnostic,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { expectedModules, freshness, generate, type ExpectedModule } from '../core/codegen/index';
import type { EventModel } from '../core/model/types';
import { HeaderCache, isDirectory, resolveOutDir, schemaFilesBelow } from '../host/generatedFiles';
import { pathOf, uriOf } from '../host/protoFiles';
import { writeGenerated } from '../host/writeGenerated';
import {
  commandIds,
  configurationSection,
  defaultSettings,
  generateHandlersRequest,
  type GenerateHandlersParams,
  type GenerateHandlersResult,
  type GenerateSettings,
} from '../protocol';
import { STALE_CODE, staleDiagnostics, unionSites } from '../service/codegen/sites';
import { DIAGNOSTIC_SOURCE, toLspDiagnostics } from '../service/toLsp';
import { LineIndex } from '../core/text/lineIndex';
import type { FolderState } from './folders';
import { closureModel, isAvroPath, loadInputs, schemaErrors, shallowModel } from './generateModel';
import { runSafe, runSafeVoid } from './runSafe';
import type { ServerState } from './server';

export interface Generation {
  readonly capabilities: Pick<ServerCapabilities, 'codeLensProvider'>;
  /** The "generated code is stale" warnings of an open schema document (none when untrusted). */
  staleDiagnostics(uri: string, folder: FolderState): LspDiagnostic[];
  /** Regenerates, when `generate.onSave` is on, the generated modules the saved schema feeds. */
  didSave(uri: string): void;
  /** Re-reads the per-folder `eventSchemas.generate` settings (resource-scoped). */
  refreshSettings(): Promise<void>;
}

export function readGenerateSettings(raw: unknown, base: GenerateSettings = defaultSettings.generate): GenerateSettings {
  const v = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof GenerateSettings, unknown>>;
  return {
    outDir: typeof v.outDir === 'string' ? v.outDir : base.outDir,
    onSave: typeof v.onSave === 'boolean' ? v.onSave : base.onSave,
  };
}

/** "Regenerate" for each stale warning among the diagnostics a code action request carries. */
export function regenerateActions(uri: string, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const stale = diagnostics.filter((d) => d.code === STALE_CODE && d.source === DIAGNOSTIC_SOURCE);
  if (stale.length === 0) return [];
  return [
    {
      title: 'Regenerate',
      kind: CodeActionKind.QuickFix,
      diagnostics: stale,
      isPreferred: true,
      command: { title: 'Regenerate', command: commandIds.generateHandlers, arguments: [uri] },
    },
  ];
}

export function registerGenerate(
  state: ServerState,
  options: { configurationSupport: () => boolean; revalidate: () => void },
): Generation {
  const { connection, log } = state;
  const perFolder = new Map<string, GenerateSettings>();
  const headers = new HeaderCache();

  const settingsFor = (folder: FolderState): GenerateSettings => perFolder.get(folder.folderPath) ?? state.settings.generate;

  async function refreshFolder(folder: FolderState): Promise<boolean> {
    if (!options.configurationSupport()) return false;
    try {
      const raw: unknown = await connection.workspace.getConfiguration({ scopeUri: uriOf(folder.folderPath), section: `${configurationSection}.generate` });
      const next = readGenerateSettings(raw, state.settings.generate);
      const before = perFolder.get(folder.folderPath);
      perFolder.set(folder.folderPath, next);
      return before?.outDir !== next.outDir || before?.onSave !== next.onSave;
    } catch (e) {
      log.info(`could not read eventSchemas.generate for ${folder.folderPath}: ${String(e)}`);
      return false;
    }
  }

  async function refreshSettings(): Promise<void> {
    perFolder.clear();
    let changed = false;
    for (const folder of state.folders.workspaceFolders()) if (await refreshFolder(folder)) changed = true;
    if (changed) options.revalidate();
  }

  const shown = (folder: FolderState, path: string) => relative(folder.folderPath, path).split(sep).join('/');

  /** The expected module of each of `uris` and what is on disk for it now. */
  function modulesOnDisk(outDir: string, model: EventModel, uris: readonly string[]) {
    const wanted = new Set(uris);
    return expectedModules(model)
      .filter((m) => wanted.has(m.sourceUri))
      .map((m) => ({ expected: m, state: freshness(headers.head(join(outDir, m.path)), m) }));
  }

  function staleFor(uri: string, folder: FolderState): LspDiagnostic[] {
    if (!state.trusted || folder.loose) return [];
    const out = resolveOutDir(folder.folderPath, settingsFor(folder).outDir);
    // Most folders have no generated code: no need to lower the schema on every edit then.
    if ('error' in out || !isDirectory(out.path)) return [];
    const model = shallowModel(folder, [uri]);
    const file = model.files.find((f) => f.uri === uri);
    if (!file) return [];
    const [found] = modulesOnDisk(out.path, model, [uri]);
    if (found?.state !== 'stale') return [];
    const ast = isAvroPath(uri) ? folder.avro.registry.file(uri) : folder.project.get(uri)?.ast;
    const diagnostics = staleDiagnostics(model, file, ast, shown(folder, join(out.path, found.expected.path)));
    return toLspDiagnostics(diagnostics, file.text, uri);
  }

  /** Generates `uris` (each with the files it uses) of one workspace folder into its output folder. */
  async function generateIn(folder: FolderState, uris: readonly string[], result: GenerateHandlersResult): Promise<void> {
    await refreshFolder(folder);
    const out = resolveOutDir(folder.folderPath, settingsFor(folder).outDir);
    if ('error' in out) {
      result.errors.push(out.error);
      return;
    }
    const unreadable = loadInputs(folder, uris);
    if (unreadable.length) {
      result.errors.push(`cannot read ${unreadable.map((u) => shown(folder, pathOf(u) ?? u)).join(', ')}: nothing was generated for them`);
    }
    const readable = uris.filter((u) => !unreadable.includes(u));
    if (readable.length === 0) return;
    const model = closureModel(folder, readable);
    const errors = schemaErrors(folder, model);
    if (errors.length) {
      const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
      result.errors.push(`nothing was generated: fix the errors in the schemas first: ${errors.slice(0, 5).join('; ')}${more}`);
      return;
    }
    const { files } = generate(model);
    if (files.length === 0) {
      result.errors.push('nothing to generate: no messages or records were found');
      return;
    }
    const written = writeGenerated(out.path, files);
    const uriIn = (p: string) => uriOf(join(out.path, p));
    result.outDirs.push(uriOf(out.path));
    result.written.push(...written.written.map(uriIn));
    result.unchanged.push(...written.unchanged.map(uriIn));
    result.refused.push(...written.refused.map((r) => ({ uri: uriIn(r.path), reason: r.reason })));
    result.failed.push(...written.failed.map((f) => ({ uri: uriIn(f.path), message: f.message })));
    if (written.refused.length === 0) {
      const byUri = new Map<string, ExpectedModule>(expectedModules(model).map((m) => [m.sourceUri, m]));
      for (const uri of readable) {
        const m = byUri.get(uri);
        if (m) result.modules.push({ source: uri, module: uriIn(m.path) });
      }
    }
  }

  async function generateHandlers(params: GenerateHandlersParams): Promise<GenerateHandlersResult> {
    const result = emptyResult();
    if (!state.trusted) {
      result.errors.push('this workspace is not trusted, and generating handlers writes files: trust the workspace to generate them (nothing was written)');
      return result;
    }
    const requested = [...(Array.isArray(params?.uris) ? params.uris.filter((u): u is string => typeof u === 'string') : [])];
    if (typeof params?.folder === 'string') {
      const dir = pathOf(params.folder);
      if (!dir || state.folders.forUri(params.folder).loose) {
        result.errors.push(`${dir ?? params.folder} is outside the workspace folders: open it as a workspace folder to generate handlers for it`);
        return result;
      }
      requested.push(...schemaFilesBelow(dir).map(uriOf));
      if (requested.length === 0) result.errors.push(`no .proto, .avsc or .avdl files were found in ${dir}`);
    }
    const groups = new Map<FolderState, string[]>();
    for (const uri of new Set(requested)) {
      if (!/\.(proto|avsc|avdl)$/i.test(uri) || !pathOf(uri)) {
        result.errors.push(`${uri} is not a .proto, .avsc or .avdl file on disk: save it first`);
        continue;
      }
      const folder = state.folders.forUri(uri);
      if (folder.loose) {
        result.errors.push(`${pathOf(uri)} is outside the workspace folders: open its folder to generate handlers for it`);
        continue;
      }
      groups.set(folder, [...(groups.get(folder) ?? []), uri]);
    }
    for (const [folder, uris] of groups) await generateIn(folder, uris, result);
    if (result.written.length) options.revalidate();
    return result;
  }

  connection.onRequest(generateHandlersRequest, async (params: GenerateHandlersParams): Promise<GenerateHandlersResult> => {
    try {
      return await generateHandlers(params);
    } catch (e) {
      log.error(`generateHandlers failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return { ...emptyResult(), errors: ['generating handlers failed: see the Event Schemas output'] };
    }
  });

  connection.onCodeLens((params, token) =>
    runSafe<CodeLens[]>(log, 'codeLens', token, [], () => {
      // Untrusted: the command would only refuse, so it is not offered.
      if (!state.trusted) return [];
      const uri = params.textDocument.uri;
      const folder = state.sync(uri);
      if (!folder) return [];
      const model = shallowModel(folder, [uri]);
      const file = model.files.find((f) => f.uri === uri);
      if (!file || file.unions.length === 0) return [];
      const ast = isAvroPath(uri) ? folder.avro.registry.file(uri) : folder.project.get(uri)?.ast;
      const lines = new LineIndex(file.text);
      return unionSites(model, file, ast).map((site) => ({
        range: lines.rangeOf(site.span),
        command: { title: 'Generate handlers', command: commandIds.generateHandlers, arguments: [uri] },
      }));
    }),
  );

  function didSave(uri: string): void {
    runSafeVoid(log, `generate on save ${uri}`, () => {
      if (!state.trusted || !/\.(proto|avsc|avdl)$/i.test(uri)) return;
      const folder = state.folders.forUri(uri);
      if (folder.loose || !settingsFor(folder).onSave) return;
      const out = resolveOutDir(folder.folderPath, settingsFor(folder).outDir);
      if ('error' in out) return;
      if (!state.sync(uri)) return;
      const candidates = [uri, ...dependentsOf(folder, uri)];
      const model = shallowModel(folder, candidates);
      const stale = modulesOnDisk(out.path, model, candidates)
        .filter((m) => m.state === 'stale')
        .map((m) => m.expected.sourceUri);
      if (stale.length === 0) return;
      const result = emptyResult();
      void generateIn(folder, stale, result).then(
        () => {
          if (result.written.length) options.revalidate();
          const problems = [
            ...result.errors,
            ...result.refused.map((r) => `${shown(folder, pathOf(r.uri) ?? r.uri)} ${r.reason}: it was not replaced`),
            ...result.failed.map((f) => `cannot write ${shown(folder, pathOf(f.uri) ?? f.uri)}: ${f.message}`),
          ];
          if (problems.length) void connection.window.showWarningMessage(`Event Schemas: regenerating on save: ${problems.join('; ')}`);
        },
        (e: unknown) => log.error(`generate on save failed: ${String(e)}`),
      );
    });
  }

  return {
    capabilities: { codeLensProvider: { resolveProvider: false } },
    staleDiagnostics: (uri, folder) => {
      try {
        return staleFor(uri, folder);
      } catch (e) {
        log.error(`stale check of ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return [];
      }
    },
    didSave,
    refreshSettings,
  };
}

function emptyResult(): GenerateHandlersResult {
  return { outDirs: [], written: [], unchanged: [], refused: [], failed: [], modules: [], errors: [] };
}

/** Files whose generated code embeds `uri`'s text: those that import it, directly or not. */
function dependentsOf(folder: FolderState, uri: string): string[] {
  if (!isAvroPath(uri)) return [...folder.project.dependents(uri)];
  const out = new Set<string>();
  const queue = [uri];
  while (queue.length) {
    const next = queue.pop()!;
    for (const d of [...folder.avro.registry.dependents(next), ...folder.avro.importers(next)]) {
      if (d !== uri && !out.has(d)) {
        out.add(d);
        queue.push(d);
      }
    }
  }
  return [...out];
}
