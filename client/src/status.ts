/**
 * Shows the server's index state: a language status item next to the language mode, and a progress
 * bar while indexing (in a notification when the workspace is large). Fed by `eventSchemas/status`.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { commandIds, languageIds, statusNotification, type StatusParams } from '../../server/src/protocol';
import { nextIncrement, progressLocationFor, viewOf, type StatusView } from './statusModel';

interface ProgressRun {
  report: vscode.Progress<{ message?: string; increment?: number }> | undefined;
  shownPercent: number;
  latest: StatusParams;
  finish: () => void;
}

export class IndexStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  private run: ProgressRun | undefined;

  constructor(client: LanguageClient) {
    this.item = vscode.languages.createLanguageStatusItem('eventSchemas.index', Object.values(languageIds));
    this.item.name = 'Event Schemas index';
    this.show(viewOf('starting'));
    this.subscriptions.push(
      client.onNotification(statusNotification, (status: StatusParams) => this.update(status)),
      client.onDidChangeState((event) => {
        if (event.newState === State.Starting) this.show(viewOf('starting'));
        // A crashed or restarted server never sends `ready`; don't leave its progress bar spinning.
        if (event.newState === State.Stopped) {
          this.endProgress();
          this.show(viewOf('stopped'));
        }
      }),
    );
  }

  private update(status: StatusParams): void {
    this.show(viewOf(status));
    if (status.state === 'ready') {
      this.endProgress();
      return;
    }
    if (this.run === undefined) this.beginProgress(status);
    else this.report(this.run, status);
  }

  private show(view: StatusView): void {
    this.item.text = view.text;
    this.item.detail = view.detail;
    this.item.busy = view.busy;
    this.item.severity =
      view.severity === 'warning' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.command =
      view.severity === 'warning'
        ? { title: 'Restart', command: commandIds.restartServer }
        : { title: 'Show Output', command: commandIds.showOutput };
  }

  private beginProgress(first: StatusParams): void {
    let finish = (): void => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    const run: ProgressRun = { report: undefined, shownPercent: 0, latest: first, finish };
    this.run = run;
    const location =
      progressLocationFor(first.total) === 'notification'
        ? vscode.ProgressLocation.Notification
        : vscode.ProgressLocation.Window;
    void vscode.window.withProgress({ location, title: 'Indexing schemas' }, (progress) => {
      run.report = progress;
      this.report(run, run.latest);
      return done;
    });
  }

  private report(run: ProgressRun, status: StatusParams): void {
    run.latest = status;
    if (run.report === undefined) return;
    const step = nextIncrement(run.shownPercent, status);
    run.shownPercent = step.shownPercent;
    run.report.report({ message: `${status.indexed}/${status.total} files`, increment: step.increment });
  }

  private endProgress(): void {
    this.run?.finish();
    this.run = undefined;
  }

  dispose(): void {
    this.endProgress();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}
