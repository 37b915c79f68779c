/**
 * The extension's entry point: starts the language server and registers the commands that work
 * on it. All language smarts live in the server; this side launches, restarts and reports.
 * Invariant: client/src is the only folder that imports `vscode`.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { commandIds } from '../../server/src/protocol';
import { BaselineFeature } from './baseline';
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
  const baseline = new BaselineFeature(context, languageClient, output);
  context.subscriptions.push(
    output,
    new IndexStatus(languageClient),
    vscode.commands.registerCommand(commandIds.restartServer, () => restart(languageClient, output, 'restart requested')),
    vscode.commands.registerCommand(commandIds.showOutput, () => output.show(true)),
    // Explorer menus pass the clicked file and the whole selection; code lenses pass a uri string.
    vscode.commands.registerCommand(commandIds.generateHandlers, (target?: unknown, selection?: unknown) =>
      generateHandlers(languageClient, output, target, selection),
    ),
    baseline,
    vscode.commands.registerCommand(commandIds.compareWithBaseline, (target?: unknown) => report(output, 'compare with the baseline', baseline.compare(target))),
    vscode.commands.registerCommand(commandIds.selectBaseline, () => report(output, 'select the baseline', baseline.select())),
    vscode.commands.registerCommand(commandIds.setRegistryCredentials, () => report(output, 'set the registry credentials', baseline.setCredentials())),
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

/** Runs a command's work; a failure is logged and shown, never left as an unhandled rejection. */
function report(output: vscode.LogOutputChannel, what: string, work: Promise<void>): Promise<void> {
  return work.catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    output.error(`could not ${what}: ${message}`);
    void vscode.window.showErrorMessage(`Event Schemas: could not ${what}: ${message}`);
  });
}
