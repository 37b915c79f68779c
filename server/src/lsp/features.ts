/**
 * Wires each LSP request to its service function and declares the matching capability.
 * A handler does three things: bring the document's project up to date, call the service,
 * return its answer. runSafe guards each one.
 */
import { ResponseError, type ServerCapabilities } from 'vscode-languageserver/node';
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
      const folder = state.sync(params.textDocument.uri);
      return folder ? hover(folder.project, params.textDocument.uri, params.position) : null;
    }),
  );

  connection.onDefinition((params, token) =>
    runSafe(log, 'definition', token, [], () => {
      const folder = state.sync(params.textDocument.uri);
      return folder ? definition(folder.project, params.textDocument.uri, params.position) : [];
    }),
  );

  connection.onReferences((params, token) =>
    runSafe(log, 'references', token, [], () => {
      const folder = state.sync(params.textDocument.uri);
      return folder
        ? references(folder.project, params.textDocument.uri, params.position, params.context.includeDeclaration)
        : [];
    }),
  );

  connection.onPrepareRename((params, token) => {
    const res = runSafe(log, 'prepareRename', token, null, () => {
      const folder = state.sync(params.textDocument.uri);
      return folder ? prepareRename(folder.project, params.textDocument.uri, params.position, canEdit) : null;
    });
    if (isRenameError(res)) return new ResponseError(-32803 /* RequestFailed */, res.error);
    return res;
  });

  connection.onRenameRequest((params, token) => {
    const res = runSafe(log, 'rename', token, null, () => {
      const folder = state.sync(params.textDocument.uri);
      return folder ? rename(folder.project, params.textDocument.uri, params.position, params.newName, canEdit) : null;
    });
    if (isRenameError(res)) return new ResponseError(-32803 /* RequestFailed */, res.error);
    return res;
  });

  connection.onDocumentSymbol((params, token) =>
    runSafe(log, 'documentSymbol', token, [], () => {
      const folder = state.sync(params.textDocument.uri);
      return folder ? documentSymbols(folder.project, params.textDocument.uri) : [];
    }),
  );

  connection.onWorkspaceSymbol((params, token) =>
    runSafe(log, 'workspaceSymbol', token, [], () =>
      state.folders.all().flatMap((f) => workspaceSymbols(f.project, params.query)),
    ),
  );

  connection.onCompletion((params, token) =>
    runSafe(log, 'completion', token, null, () => {
      const folder = state.sync(params.textDocument.uri);
      return folder ? completion(folder.project, params.textDocument.uri, params.position) : null;
    }),
  );

  connection.onCodeAction((params, token) =>
    runSafe(log, 'codeAction', token, [], () => {
      const folder = state.sync(params.textDocument.uri);
      return folder
        ? codeActions(folder.project, params.textDocument.uri, params.range, {
            only: params.context.only,
            diagnostics: params.context.diagnostics,
          })
        : [];
    }),
  );

  connection.onDocumentFormatting((params, token) =>
    runSafe(log, 'formatting', token, [], () => {
      const doc = state.documents.get(params.textDocument.uri);
      if (!doc || !state.settings.format.enable || !doc.uri.endsWith('.proto')) return [];
      return formatDocument(doc.getText(), params.options);
    }),
  );

  connection.languages.semanticTokens.on((params, token) =>
    runSafe(log, 'semanticTokens', token, { data: [] }, () => {
      const folder = state.sync(params.textDocument.uri);
      const file = folder?.project.get(params.textDocument.uri);
      if (!folder || !file) return { data: [] };
      return { data: semanticTokens(file.parse, file.text, folder.project.link(params.textDocument.uri)) };
    }),
  );

  connection.onFoldingRanges((params, token) =>
    runSafe(log, 'foldingRange', token, [], () => {
      const folder = state.sync(params.textDocument.uri);
      const file = folder?.project.get(params.textDocument.uri);
      return file ? foldingRanges(file.parse, file.text) : [];
    }),
  );

  return {
    completionProvider: { triggerCharacters: ['.', '"', '/', '(', '='] },
    codeActionProvider: { codeActionKinds: ['quickfix'] },
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
