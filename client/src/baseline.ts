/**
 * The baseline in the editor: the read-only `event-schemas-baseline:` documents (the old texts
 * that findings point into, served by the language server), "Compare with baseline" (VS Code's
 * diff of the baseline against the file), the status bar item that names the baseline in use and
 * picks another ("Select baseline"), and Schema Registry credentials, kept in SecretStorage and
 * handed to the server after each start. Credentials never go into settings or the log.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  baselineContentRequest,
  baselineForRequest,
  baselineScheme,
  baselineStatusNotification,
  commandIds,
  configurationSection,
  defaultSettings,
  gitBranchesRequest,
  languageIds,
  setRegistryCredentialsRequest,
  type BaselineContentResult,
  type BaselineForResult,
  type BaselineStatusParams,
  type GitBranchesResult,
  type RegistryCredentials,
} from '../../server/src/protocol';
import { pathSetting, pickEntries, registryProblem, registryUrlOf, registryUrlProblem, statusView, type PickEntry } from './baselineModel';

const REGISTRIES_KEY = 'eventSchemas.registries';
const secretKey = (url: string) => `eventSchemas.registry:${url}`;

export class BaselineFeature implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly statuses = new Map<string, BaselineStatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.item = vscode.window.createStatusBarItem('eventSchemas.baseline', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'Event Schemas baseline';
    this.item.command = commandIds.selectBaseline;
    this.subscriptions.push(
      this.item,
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(baselineScheme, {
        onDidChange: this.changed.event,
        provideTextDocumentContent: (uri) => this.content(uri),
      }),
      client.onNotification(baselineStatusNotification, (p: BaselineStatusParams) => this.onStatus(p)),
      client.onDidChangeState((e) => {
        // A (re)started server knows no credentials yet.
        if (e.newState === State.Running) void this.sendAllCredentials();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${configurationSection}.breaking`)) this.refresh();
      }),
    );
    this.refresh();
  }

  /** The text of a baseline document, from the server. */
  private async content(uri: vscode.Uri): Promise<string> {
    await this.running();
    const result = await this.client.sendRequest<BaselineContentResult>(baselineContentRequest, { uri: uri.toString() });
    if (result.text !== undefined) return result.text;
    // Shown in place of the text: the document is read-only, so the reason is the best content.
    return `// ${result.error ?? 'the baseline cannot be read'}\n`;
  }

  private onStatus(p: BaselineStatusParams): void {
    // Keyed as VS Code spells folder uris (the server's spelling may differ, e.g. a drive letter).
    this.statuses.set(vscode.Uri.parse(p.folder).toString(), p);
    this.refresh();
    if (p.state !== 'ready') return;
    // The baseline may have moved (a commit): open baseline documents of the folder show its new text.
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === baselineScheme) this.changed.fire(doc.uri);
    }
  }

  /** Shows the baseline of the active schema file's folder; hides the item for other editors. */
  private refresh(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !(Object.values(languageIds) as string[]).includes(doc.languageId) || doc.uri.scheme === baselineScheme) {
      this.item.hide();
      return;
    }
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    const config = vscode.workspace.getConfiguration(configurationSection, doc.uri);
    const enabled = config.get<boolean>('breaking.enable', defaultSettings.breaking.enable);
    const baseline = config.get<string>('breaking.baseline', defaultSettings.breaking.baseline);
    const status = folder ? this.statuses.get(folder.uri.toString()) : undefined;
    const view = statusView(baseline, enabled ? status : { folder: '', baseline, state: 'off', message: 'breaking-change checks are disabled (eventSchemas.breaking.enable)' });
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  /** "Compare with baseline": VS Code's diff of the baseline version (left) and the file (right). */
  async compare(target?: unknown): Promise<void> {
    const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== 'file') {
      void vscode.window.showInformationMessage('Event Schemas: open a .proto, .avsc or .avdl file to compare it with its baseline.');
      return;
    }
    await this.running();
    const result = await this.client.sendRequest<BaselineForResult>(baselineForRequest, { uri: uri.toString() });
    if (!result.uri) {
      void vscode.window.showWarningMessage(`Event Schemas: ${result.error ?? `no baseline for ${vscode.workspace.asRelativePath(uri)}`}`);
      return;
    }
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    await vscode.commands.executeCommand('vscode.diff', vscode.Uri.parse(result.uri), uri, `${name} (${result.label} ↔ current)`);
  }

  /** "Select baseline": a pick of HEAD, branches, the merge-base, a folder, a registry subject; stored in the workspace settings. */
  async select(): Promise<void> {
    const folder = await this.folder();
    if (!folder) return;
    const config = vscode.workspace.getConfiguration(configurationSection, folder.uri);
    const current = config.get<string>('breaking.baseline', defaultSettings.breaking.baseline);
    let branches: GitBranchesResult = { branches: [] };
    try {
      await this.running();
      branches = await this.client.sendRequest<GitBranchesResult>(gitBranchesRequest, { uri: folder.uri.toString() });
    } catch (e) {
      this.output.warn(`cannot list the branches: ${e instanceof Error ? e.message : String(e)}`);
    }
    const entries = pickEntries(current, branches.branches, branches.current);
    type Item = vscode.QuickPickItem & { entry?: PickEntry };
    const items: Item[] = [];
    for (const entry of entries) {
      if (entry.group) items.push({ label: entry.group, kind: vscode.QuickPickItemKind.Separator });
      items.push({ label: entry.current ? `$(check) ${entry.label}` : entry.label, description: entry.description, entry });
    }
    const picked = await vscode.window.showQuickPick(items, { title: 'Compare schema files with', placeHolder: `Now: ${current}` });
    const entry = picked?.entry;
    if (!entry) return;
    const target = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
    if (entry.action === 'disable') {
      await config.update('breaking.enable', false, target);
      return;
    }
    const value = entry.value ?? (await this.ask(entry, folder, current));
    if (value === undefined) return;
    await config.update('breaking.baseline', value, target);
    if (!config.get<boolean>('breaking.enable', true)) await config.update('breaking.enable', true, target);
  }

  private async ask(entry: PickEntry, folder: vscode.WorkspaceFolder, current: string): Promise<string | undefined> {
    switch (entry.action) {
      case 'folder': {
        const picked = await vscode.window.showOpenDialog({
          canSelectFiles: true,
          canSelectFolders: true,
          canSelectMany: false,
          defaultUri: folder.uri,
          openLabel: 'Use as baseline',
        });
        return picked?.[0] ? pathSetting(folder.uri.fsPath, picked[0].fsPath) : undefined;
      }
      case 'registry':
        return vscode.window.showInputBox({
          title: 'Schema Registry subject',
          prompt: 'registry:URL#SUBJECT; credentials: "Event Schemas: Set Schema Registry Credentials"',
          value: current.startsWith('registry:') ? current : 'registry:http://localhost:8081#',
          validateInput: (text) => registryProblem(text.trim()),
        }).then((t) => t?.trim());
      default:
        return vscode.window.showInputBox({
          title: 'Baseline',
          prompt: 'git:REV, git:merge-base:BRANCH, a folder or file, a glob of versions, or registry:URL#SUBJECT',
          value: current,
          validateInput: (text) => (text.trim() === '' ? 'type a baseline' : undefined),
        }).then((t) => t?.trim());
    }
  }

  /** "Set Schema Registry credentials": basic or bearer, into SecretStorage, then to the server. */
  async setCredentials(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const baseline = vscode.workspace.getConfiguration(configurationSection, vscode.window.activeTextEditor?.document.uri ?? folder?.uri).get<string>('breaking.baseline', '');
    const url = (
      await vscode.window.showInputBox({
        title: 'Schema Registry credentials (1/3)',
        prompt: 'The registry address',
        value: registryUrlOf(baseline) ?? '',
        validateInput: (text) => registryUrlProblem(text.trim()),
      })
    )?.trim();
    if (!url) return;
    const kind = await vscode.window.showQuickPick(
      [
        { label: 'Basic', description: 'user name and password (Confluent Cloud: API key and secret)', value: 'basic' as const },
        { label: 'Bearer token', value: 'bearer' as const },
        { label: 'Forget the credentials of this registry', value: 'forget' as const },
      ],
      { title: 'Schema Registry credentials (2/3)' },
    );
    if (!kind) return;
    let credentials: RegistryCredentials | null = null;
    if (kind.value === 'basic') {
      const username = await vscode.window.showInputBox({ title: 'Schema Registry credentials (3/3)', prompt: 'User name (or API key)', ignoreFocusOut: true });
      if (!username) return;
      const password = await vscode.window.showInputBox({ title: 'Schema Registry credentials (3/3)', prompt: 'Password (or API secret)', password: true, ignoreFocusOut: true });
      if (password === undefined) return;
      credentials = { kind: 'basic', username, password };
    } else if (kind.value === 'bearer') {
      const token = await vscode.window.showInputBox({ title: 'Schema Registry credentials (3/3)', prompt: 'Bearer token', password: true, ignoreFocusOut: true });
      if (!token) return;
      credentials = { kind: 'bearer', token };
    }
    await this.storeCredentials(url, credentials);
    await this.sendCredentials(url, credentials);
    this.output.info(credentials ? `registry credentials stored for ${url}` : `registry credentials forgotten for ${url}`);
  }

  private async storeCredentials(url: string, credentials: RegistryCredentials | null): Promise<void> {
    const known = new Set(this.context.globalState.get<string[]>(REGISTRIES_KEY, []));
    if (credentials) {
      await this.context.secrets.store(secretKey(url), JSON.stringify(credentials));
      known.add(url);
    } else {
      await this.context.secrets.delete(secretKey(url));
      known.delete(url);
    }
    await this.context.globalState.update(REGISTRIES_KEY, [...known]);
  }

  private async sendCredentials(url: string, credentials: RegistryCredentials | null): Promise<void> {
    if (this.client.state !== State.Running) return; // sent once it runs
    await this.client.sendRequest(setRegistryCredentialsRequest, { url, credentials });
  }

  private async sendAllCredentials(): Promise<void> {
    for (const url of this.context.globalState.get<string[]>(REGISTRIES_KEY, [])) {
      try {
        const stored = await this.context.secrets.get(secretKey(url));
        if (stored) await this.sendCredentials(url, JSON.parse(stored) as RegistryCredentials);
      } catch {
        // Reported without the value: it is a secret.
        this.output.warn(`the stored credentials of ${url} cannot be read: set them again`);
      }
    }
  }

  private async folder(): Promise<vscode.WorkspaceFolder | undefined> {
    const active = vscode.window.activeTextEditor?.document.uri;
    const own = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
    if (own) return own;
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length <= 1) return folders[0];
    return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Select the baseline of which folder?' });
  }

  /** Waits for the language server (requests before it runs would fail). */
  private async running(): Promise<void> {
    if (this.client.state === State.Running) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error('the language server is not running'));
      }, 30_000);
      const sub = this.client.onDidChangeState((e) => {
        if (e.newState !== State.Running) return;
        clearTimeout(timer);
        sub.dispose();
        resolve();
      });
    });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
