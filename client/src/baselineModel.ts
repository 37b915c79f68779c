/**
 * The baseline as the status bar and the "Select baseline" pick show it, as plain data: short
 * labels for the setting's forms, the pick's entries, and checks of what users type. Kept apart
 * from baseline.ts so it can be tested without VS Code.
 */
import type { BaselineStatusParams } from '../../server/src/protocol';

/** The status bar's name for a baseline setting: `HEAD`, `main`, `merge-base main`, `orders-value`, `v1/`. */
export function baselineLabel(baseline: string): string {
  if (baseline.startsWith('git:')) {
    const rev = baseline.slice(4) || 'HEAD';
    return rev.startsWith('merge-base:') ? `merge-base ${rev.slice('merge-base:'.length)}` : rev;
  }
  if (baseline.startsWith('registry:')) {
    const hash = baseline.lastIndexOf('#');
    const subject = hash >= 0 ? baseline.slice(hash + 1) : '';
    try {
      return subject ? decodeURIComponent(subject) : 'registry';
    } catch {
      return subject;
    }
  }
  return baseline;
}

export interface StatusView {
  readonly text: string;
  readonly tooltip: string;
  readonly warning: boolean;
}

/** The status bar item for a folder's baseline setting and what the server last said about it. */
export function statusView(baseline: string, status: BaselineStatusParams | undefined): StatusView {
  const label = baselineLabel(baseline);
  const pick = 'Click to compare with another baseline';
  if (!status || status.baseline !== baseline) return { text: `$(git-compare) Baseline: ${label}`, tooltip: `Breaking changes against ${baseline}\n${pick}`, warning: false };
  switch (status.state) {
    case 'off':
      return { text: '$(circle-slash) Baseline: off', tooltip: `${status.message ?? 'breaking-change checks are off'}\n${pick}`, warning: false };
    case 'error':
      return { text: `$(warning) Baseline: ${label}`, tooltip: `${status.message ?? `the baseline ${baseline} cannot be loaded`}\n${pick}`, warning: true };
    case 'loading':
      return { text: `$(sync~spin) Baseline: ${label}`, tooltip: `Loading ${baseline}`, warning: false };
    case 'ready':
      return { text: `$(git-compare) Baseline: ${label}`, tooltip: `Breaking changes against ${status.description ?? baseline}\n${pick}`, warning: false };
  }
}

export type PickAction = 'folder' | 'registry' | 'other' | 'disable';

export interface PickEntry {
  readonly label: string;
  readonly description?: string;
  /** A setting value to store, or an action that asks for one. */
  readonly value?: string;
  readonly action?: PickAction;
  /** A separator with this label goes before the entry. */
  readonly group?: string;
  readonly current?: boolean;
}

/** The branch a merge-base is usually taken with: main, else master, else the first local branch. */
export function defaultBranch(branches: readonly string[]): string {
  return branches.find((b) => b === 'main') ?? branches.find((b) => b === 'master') ?? branches.find((b) => !b.includes('/')) ?? 'main';
}

/** The "Select baseline" entries: HEAD, the branches, the merge-base, then the other kinds of source. */
export function pickEntries(current: string, branches: readonly string[], currentBranch: string | undefined): PickEntry[] {
  const out: PickEntry[] = [{ label: 'HEAD', description: 'the last commit', value: 'git:HEAD' }];
  const others = branches.filter((b) => b !== currentBranch);
  others.forEach((b, i) => out.push({ label: b, description: `git:${b}`, value: `git:${b}`, ...(i === 0 ? { group: 'branches' } : {}) }));
  const base = defaultBranch(branches);
  out.push({ label: `merge-base with ${base}`, description: `where this branch forked from ${base}`, value: `git:merge-base:${base}`, group: 'other sources' });
  out.push({ label: 'Folder or file…', description: 'an old version on disk', action: 'folder' });
  out.push({ label: 'Schema Registry subject…', description: 'registry:URL#SUBJECT', action: 'registry' });
  out.push({ label: 'Other…', description: 'a tag, a commit, a glob of versions', action: 'other' });
  out.push({ label: 'Turn breaking-change checks off', action: 'disable' });
  return out.map((e) => (e.value === current ? { ...e, current: true } : e));
}

/** Why a typed registry baseline is not one, or undefined when it is. */
export function registryProblem(text: string): string | undefined {
  if (!text.startsWith('registry:')) return 'start with registry:, e.g. registry:http://localhost:8081#orders-value';
  const rest = text.slice('registry:'.length);
  const hash = rest.lastIndexOf('#');
  if (hash < 0 || hash === rest.length - 1) return 'name the subject after #, e.g. registry:http://localhost:8081#orders-value';
  try {
    const url = new URL(rest.slice(0, hash));
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'the registry address starts with http:// or https://';
  } catch {
    return 'the part before # is not a URL';
  }
  return undefined;
}

/** Why a typed registry address is not one, or undefined when it is. */
export function registryUrlProblem(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'the registry address starts with http:// or https://';
    if (url.username || url.password) return 'leave user name and password out of the address: they are asked for next';
    return undefined;
  } catch {
    return 'type the registry address, e.g. https://schema-registry.example.com';
  }
}

/** The registry address of a `registry:URL#SUBJECT` setting. */
export function registryUrlOf(baseline: string): string | undefined {
  if (!baseline.startsWith('registry:')) return undefined;
  const rest = baseline.slice('registry:'.length);
  const hash = rest.lastIndexOf('#');
  return hash < 0 ? rest : rest.slice(0, hash);
}

/** The setting's value for a folder or file picked in the workspace folder: relative when inside it. */
export function pathSetting(folderPath: string, picked: string): string {
  const f = folderPath.replace(/[\\/]+$/, '');
  if (picked === f) return '.';
  if (picked.startsWith(f + '/') || picked.startsWith(f + '\\')) return picked.slice(f.length + 1).replace(/\\/g, '/');
  return picked;
}
