/**
 * Hands the `eventSchemas.handlers.*` settings to our TypeScript server plugin. tsserver plugins
 * cannot read VS Code settings; the built-in TypeScript extension forwards them through
 * `configurePlugin`, and re-sends them whenever it restarts tsserver. Without that extension
 * (disabled, or replaced by another TypeScript service) the plugin keeps its defaults and the
 * tsconfig.json `plugins` entry still works, so a missing API is logged, not shown.
 */
import * as vscode from 'vscode';
import { configurationSection, tsPluginName, type HandlerPluginSettings } from '../../server/src/protocol';

export const typescriptExtensionId = 'vscode.typescript-language-features';
const section = `${configurationSection}.handlers`;

/** Defaults equal the plugin's own (test/client/manifest.test.ts checks package.json against them). */
export function readHandlerSettings(): HandlerPluginSettings {
  const config = vscode.workspace.getConfiguration(section);
  const libraries = config.get<unknown>('resultLibraries', []);
  return {
    enable: config.get<boolean>('enable', true) !== false,
    resultLibraries: (Array.isArray(libraries) ? libraries : []).filter(
      (l): l is HandlerPluginSettings['resultLibraries'][number] => l === 'neverthrow' || l === 'effect',
    ),
  };
}

interface TypeScriptApi {
  configurePlugin(pluginId: string, configuration: unknown): void;
}

async function typescriptApi(output: vscode.LogOutputChannel): Promise<TypeScriptApi | undefined> {
  const extension = vscode.extensions.getExtension<{ getAPI?: (version: 0) => TypeScriptApi | undefined }>(typescriptExtensionId);
  if (!extension) {
    output.info(`${typescriptExtensionId} is not available: the handler checks run with their defaults (or a tsconfig.json plugins entry)`);
    return undefined;
  }
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    const api = exports?.getAPI?.(0);
    if (!api || typeof api.configurePlugin !== 'function') {
      output.info(`${typescriptExtensionId} offers no plugin API: the handler checks run with their defaults`);
      return undefined;
    }
    return api;
  } catch (error) {
    output.warn(`could not reach ${typescriptExtensionId}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Sends the settings now and after every change to them. */
export function configureTypeScriptPlugin(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  const send = async (): Promise<void> => {
    const api = await typescriptApi(output);
    if (!api) return;
    const settings = readHandlerSettings();
    try {
      api.configurePlugin(tsPluginName, settings);
      output.info(`TypeScript plugin settings: ${JSON.stringify(settings)}`);
    } catch (error) {
      output.warn(`configurePlugin failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(section)) void send();
    }),
  );
  void send();
}
