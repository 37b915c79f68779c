/**
 * Wires each LSP request to its service function and declares the matching capability.
 * A handler does three things: bring the document's project up to date, call the service (the
 * Avro one for .avsc and .avdl documents, the Protobuf one otherwise), return its answer.
 * runSafe guards each one.
 */
import { ResponseError, type FoldingRange, type ServerCapabilities } from 'vscode-languageserver/node';
import { pathOf } from '../host/protoFiles';
import { wktRoot } from '../host/roots';
import { codeActions } from '../service/proto/codeActions';
import { completion } from '../service/proto/completion';
import { definition } from '../service/proto/definition';
import { foldingRanges } from '../service/proto/folding';
import { formatDocument } from '../service/proto/formatting';
import { semanticTokens, semanticTokensLegend } from '../service/proto/semanticTokens';
import { hover } from '../service/proto/hover';
import { references } from '../service/proto/references';
import { isRenameError, prepareRename, rename } from '../service/proto/rename';
import { documentSymbols, workspaceSymbols } from '../service/proto/symbols';
import * as avro from '../service/avro';
import { breakingCodeActions } from './breaking';
import { regenerateActions } from './generate';
import { runSafe } from './runSafe';
import type { ServerState } from './server';

export function registerFeatures(state: ServerState): ServerCapabilities {
  const { connection, log } = state;
  const wkt = wktRoot();

  /** Only files of the workspace may be edited by a rename; never the shipped well-known types. */
  const canEdit = (uri: string): boolean => {
    const path = pathOf(uri);
    if (!path || path.startsWith(wkt)) return false;
    return state.folders.workspaceFolders().some((f) => path.startsWith(f.folderPath + '/')) || state.documents.get(uri) !== undefined;
  };

  connection.onHover((params, token) =>
    runSafe(log, 'hover', token, null, () => {
      const uri = params.textDocument.uri;
      const folder = state.sync(uri);
      if (!folder) return null;
      return state.isAvro(uri) ? avro.hover(folder.avro, uri, params.position) : hover(folder.project, uri, params.position);
    }),
  );

  connection.onDefinition((params, token) =>
    runSafe(log, 'definition', token, [], () => {
      const uri = params.textDocument.uri;
      const folder = state.sync(uri);
      if (!folder) return [];
      return state.isAvro(uri) ? avro.definition(folder.avro, uri, params.position) : definition(folder.project, uri, params.position);
    }),
  );

  connection.onReferences((params, token) =>
    runSafe(log, 'references', token, [], () => {
      const uri = params.textDocument.uri;
      const folder = state.sync(uri);
      if (!folder) return [];
      return state.isAvro(uri)
        ? avro.references(folder.avro, uri, params.position, params.context.includeDeclaration)
        : references(folder.project, uri, params.position, params.context.includeDeclaration);
    }),
  );

  connection.onPrepareRename((params, token) => {
    const res = runSafe(log, 'prepareRename', token, null, () => {
      const uri = params.textDocument.uri;
      const folder = state.sync(uri);
      if (!folder) return null;
      return state.isAvro(uri) ? avro.prepareRename(folder.avro, uri, params.position, canEdit) : prepareRename(folder.project, uri, params.position, canEdit);
    });
    if (isRenameError(res) || avro.isRenameError(res)) return new ResponseError(-32803 /* RequestFailed */, res.error);
    return res;
  });

  connection.onRenameRequest((params, token) => {
    const res = runSafe(log, 'rename', token, null, () => {
      const uri = params.textDocument.uri;
      const folder = state.sync(uri);
      if (!folder) return null;
      if (state.isAvro(uri)) {
        const options = { keepAlias: state.settings.avro.renameKeepsAlias, annotations: state.annotationSupport };
        return avro.rename(folder.avro, uri, params.position, params.newName, canEdit, options);
      }
      return rename(folder.project, uri, params.position, params.newName, canEdit);
    });
    if (isRenameError(res) || avro.isRenameError(res)) return new ResponseError(-32803 /* RequestFailed */, res.error);
    return res;
  });

  connection.onDocumentSymbol((params, token) =>
    runSafe(log, 'documentSymbol', token, [], () => {
      const uri = params.textDocument.uri;
      const folder = state.sync(uri);
      if (!folder) return [];
      return state.isAvro(uri) ? avro.documentSymbols(folder.avro, uri) : documentSymbols(folder.project, uri);
    }),
  );

  connection.onWorkspaceSymbol((params, token) =>
    runSafe(log, 'workspaceSymbol', token, [], () =>
      state.folders.all().flatMap((f) => [...workspaceSymbols(f.project, params.query), ...avro.workspaceSymbols(f.avro, params.query)]),
    ),
  );

  connection.onCompletion((params, token) =>
    runSafe(log, 'completion', token, null, () => {
      const uri = params.textDocument.uri;
      const folder = state.sync(uri);
      if (!folder) return null;
      return state.isAvro(uri) ? avro.completion(folder.avro, uri, params.position) : completion(folder.project, uri, params.position);
    }),
  );

  connection.onCodeAction((params, token) =>
    runSafe(log, 'codeAction', token, [], () => {
      const uri = params.textDocument.uri;
      const folder = state.sync(uri);
      if (!folder) return [];
      const context = { only: params.context.only, diagnostics: params.context.diagnostics };
      const actions = state.isAvro(uri)
        ? avro.codeActions(folder.avro, uri, params.range, context, folder.avro.importDiagnostics(uri))
        : codeActions(folder.project, uri, params.range, context);
      const wantsFixes = !params.context.only || params.context.only.some((k) => k === 'quickfix' || k.startsWith('quickfix.'));
      return wantsFixes
        ? [...actions, ...regenerateActions(uri, params.context.diagnostics), ...breakingCodeActions(state, uri, params.range, params.context.only, params.context.diagnostics)]
        : actions;
    }),
  );

  connection.onDocumentFormatting((params, token) =>
    runSafe(log, 'formatting', token, [], () => {
      const doc = state.documents.get(params.textDocument.uri);
      if (!doc || !state.settings.format.enable) return [];
      if (doc.languageId === 'avroavsc' || doc.uri.endsWith('.avsc')) return avro.formatAvsc(doc.getText(), params.options);
      if (!doc.uri.endsWith('.proto')) return [];
      return formatDocument(doc.getText(), params.options);
    }),
  );

  connection.languages.semanticTokens.on((params, token) =>
    runSafe(log, 'semanticTokens', token, { data: [] }, () => {
      if (state.isAvro(params.textDocument.uri)) return { data: [] };
      const folder = state.sync(params.textDocument.uri);
      const file = folder?.project.get(params.textDocument.uri);
      if (!folder || !file) return { data: [] };
      return { data: semanticTokens(file.parse, file.text, folder.project.link(params.textDocument.uri)) };
    }),
  );

  connection.onFoldingRanges((params, token) =>
    runSafe<FoldingRange[] | null>(log, 'foldingRange', token, [], () => {
      // Avro files fold by indentation, the editor's own fallback.
      if (state.isAvro(params.textDocument.uri)) return null;
      const folder = state.sync(params.textDocument.uri);
      const file = folder?.project.get(params.textDocument.uri);
      return file ? foldingRanges(file.parse, file.text) : [];
    }),
  );

  return {
    completionProvider: { triggerCharacters: ['.', '"', '/', '(', '='] },
    codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
    documentFormattingProvider: true,
    semanticTokensProvider: { legend: semanticTokensLegend, full: true },
    foldingRangeProvider: true,
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
  };
}
