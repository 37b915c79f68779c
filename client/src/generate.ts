/**
 * "Event Schemas: Generate handlers": picks the schema files the user meant (the explorer
 * selection, the file of the editor or code lens, or the workspace folder from the palette), asks
 * the server to generate, and shows what came of it. The server decides everything else: the
 * output folder, what may be overwritten, whether the workspace is trusted.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  generateHandlersRequest,
  languageIds,
  type GenerateHandlersParams,
  type GenerateHandlersResult,
} from '../../server/src/protocol';

const SCHEMA = /\.(proto|avsc|avdl)$/i;

/** The target as a code lens (a string), a menu (a Uri) or the explorer's multi-selection passes it. */
function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string') {
    try {
      return vscode.Uri.parse(value, true);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

async function paramsFor(target: unknown, selection: unknown): Promise<GenerateHandlersParams | undefined> {
  const selected = (Array.isArray(selection) ? selection : []).map(toUri).filter((u): u is vscode.Uri => u !== undefined);
  const clicked = toUri(target);
  const uris = selected.length > 0 ? selected : clicked ? [clicked] : [];
  if (uris.length > 0) return { uris: uris.filter((u) => SCHEMA.test(u.path)).map((u) => u.toString()) };
  const active = vscode.window.activeTextEditor?.document;
  if (active && (Object.values(languageIds) as string[]).includes(active.languageId)) return { uris: [active.uri.toString()] };
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Generate handlers for the schemas of which folder?' });
  return folder ? { folder: folder.uri.toString() } : undefined;
}

const shown = (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false);

/** Runs the command; returns the server's answer (undefined when the user cancelled a pick). */
export async function generateHandlers(
  client: LanguageClient,
  output: vscode.LogOutputChannel,
  target?: unknown,
  selection?: unknown,
): Promise<GenerateHandlersResult | undefined> {
  const params = await paramsFor(target, selection);
  if (!params) return undefined;
  if (params.uris?.length === 0) {
    void vscode.window.showWarningMessage('Event Schemas: select .proto, .avsc or .avdl files to generate handlers for.');
    return undefined;
  }
  let result: GenerateHandlersResult;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Generating handlers' }, () =>
      client.sendRequest<GenerateHandlersResult>(generateHandlersRequest, params),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    output.error(`generate handlers: ${message}`);
    void vscode.window.showErrorMessage(`Event Schemas: generating handlers failed: ${message}`);
    return undefined;
  }
  for (const p of result.written) output.info(`generated ${shown(p)}`);
  await report(result);
  return result;
}

async function report(result: GenerateHandlersResult): Promise<void> {
  const problems = [
    ...result.errors,
    ...result.failed.map((f) => `cannot write ${shown(f.uri)}: ${f.message}`),
  ];
  if (result.refused.length > 0) {
    const files = result.refused.map((r) => `${shown(r.uri)} (${r.reason})`).join(', ');
    problems.unshift(
      `nothing was generated: ${files} ${result.refused.length === 1 ? 'is' : 'are'} in the way and ${result.refused.length === 1 ? 'was' : 'were'} not replaced. Move ${result.refused.length === 1 ? 'it' : 'them'} away or set eventSchemas.generate.outDir to another folder`,
    );
  }
  if (problems.length > 0) void vscode.window.showWarningMessage(`Event Schemas: ${problems.join('; ')}`);
  const total = result.written.length + result.unchanged.length;
  if (total === 0) return;
  const where = result.outDirs.map(shown).join(', ');
  vscode.window.setStatusBarMessage(`Event Schemas: ${result.written.length} of ${total} generated files updated in ${where}`, 5000);
  const first = result.modules[0];
  if (first) await vscode.window.showTextDocument(vscode.Uri.parse(first.module), { preview: true });
}
