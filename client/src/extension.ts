/**
 * The extension's entry point: starts the language server and registers the commands that work
 * on it. All language smarts live in the server; this side launches, restarts and reports.
 * Invariant: client/src is the only folder that imports `vscode`.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { commandIds } from '../../server/src/protocol';
import { createClient } from './client';
import { generateHandlers } from './generate';
import { configureTypeScriptPlugin } from './tsplugin';
import { IndexStatus } from './status';

let client: LanguageClient | undefined;
// Start, restarts and stop run one after another: the client refuses to restart while starting.
let lifecycle: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Event Schemas', { log: true });
  const languageClient = createClient(context, output);
  client = languageClient;
  context.subscriptions.push(
    output,
    new IndexStatus(languageClient),
    vscode.commands.registerCommand(commandIds.restartServer, () => restart(languageClient, output, 'restart requested')),
    vscode.commands.registerCommand(commandIds.showOutput, () => output.show(true)),
    // Explorer menus pass the clicked file and the whole selection; code lenses pass a uri string.
    vscode.commands.registerCommand(commandIds.generateHandlers, (target?: unknown, selection?: unknown) =>
      generateHandlers(languageClient, output, target, selection),
    ),
    // The server was told `trusted: false` at start; only a restart tells it otherwise.
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart(languageClient, output, 'workspace trust granted')),
  );
  enqueue(output, 'start', () => languageClient.start());
  configureTypeScriptPlugin(context, output);
}

export function deactivate(): Promise<void> | undefined {
  const running = client;
  client = undefined;
  if (running === undefined) return undefined;
  return lifecycle.then(() => (running.needsStop() ? running.stop() : undefined));
}

function restart(languageClient: LanguageClient, output: vscode.LogOutputChannel, reason: string): Promise<void> {
  output.info(`restarting the language server: ${reason}`);
  return enqueue(output, 'restart', () => languageClient.restart());
}

function enqueue(output: vscode.LogOutputChannel, what: string, step: () => Promise<void>): Promise<void> {
  lifecycle = lifecycle.then(step).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    output.error(`could not ${what} the language server: ${message}`);
    void vscode.window.showErrorMessage(`Event Schemas: could not ${what} the language server. See the output for details.`);
  });
  return lifecycle;
}
