/**
 * Helpers for the breaking-change tests of the language server: a real git repository as the
 * workspace, full-text edits, the findings of a publish, and applying a quick fix the way an
 * editor does (ask for the code actions of the diagnostic, apply the chosen edit).
 */
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { Repo } from '../host/baseline/gitRepo';
import { applyEdits, startServer, type TestServer } from './client';

export { Repo };

/** A git repository holding `files` in one commit. */
export function committedRepo(files: Record<string, string>): Repo {
  const repo = new Repo().write(files);
  repo.commit('baseline');
  return repo;
}

export function startIn(repo: Repo, options: { trusted?: boolean; settings?: unknown; env?: NodeJS.ProcessEnv } = {}): Promise<TestServer> {
  return startServer({}, { ...options, root: repo.dir });
}

export class OpenDoc {
  version = 1;

  constructor(
    readonly server: TestServer,
    readonly uri: string,
    public text: string,
  ) {}

  static async open(server: TestServer, rel: string, text: string): Promise<OpenDoc> {
    await server.open(rel, text);
    return new OpenDoc(server, server.uri(rel), text);
  }

  /** Replaces the whole text and resolves with the first publish for the new version that satisfies `until`. */
  async edit(text: string, until: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    this.text = text;
    const version = ++this.version;
    const got = this.server.diagnostics(this.uri, (p) => p.version === version && until(p), timeoutMs);
    await this.server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri, version }, contentChanges: [{ text }] });
    return got;
  }

  /** Replaces `from` (which must occur once) with `to`. */
  replace(from: string, to: string, until?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    assert.equal(this.text.split(from).length, 2, `the text holds ${JSON.stringify(from)} once`);
    return this.edit(this.text.replace(from, to), until);
  }

  async actions(diagnostic: Diagnostic): Promise<CodeAction[]> {
    return (await this.server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: this.uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
  }

  /** Applies the quick fix whose title matches, as an edit of the document, and resolves with the next publish. */
  async applyFix(diagnostic: Diagnostic, title: RegExp, until?: (p: PublishDiagnosticsParams) => boolean): Promise<{ action: CodeAction; published: PublishDiagnosticsParams }> {
    const actions = await this.actions(diagnostic);
    const action = actions.find((a) => title.test(a.title));
    assert.ok(action, `a quick fix matching ${title} among ${JSON.stringify(actions.map((a) => a.title))}`);
    const edits = action.edit?.changes?.[this.uri];
    assert.ok(edits?.length, `the fix edits ${this.uri}`);
    const published = await this.edit(applyEdits(this.text, edits), until);
    return { action, published };
  }
}

export function withCode(p: PublishDiagnosticsParams, code: string): Diagnostic[] {
  return p.diagnostics.filter((d) => d.code === code);
}

export const hasCode = (code: string) => (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === code);

/** The text the range covers. */
export function textAt(text: string, range: Diagnostic['range']): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}
