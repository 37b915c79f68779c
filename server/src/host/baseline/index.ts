/**
 * Baselines: the old versions of schema files that breaking-change checks compare against. One
 * entry point for every kind of source, so the CLI and the language server load them alike.
 *
 *   loadBaseline(parseBaselineSpec('git:main'), { base, targets }, options)
 *
 * Every failure is a BaselineError with a kind and a message fit for a user; nothing else escapes.
 */
import { loadPathBaseline } from './folder';
import { loadGitBaseline, type GitOptions } from './git';
import { loadRegistryBaseline, type RegistryOptions } from './registry';
import { parseBaselineSpec, type BaselineSpec } from './spec';
import { BaselineError, type Baseline, type BaselineRequest } from './types';

export * from './types';
export { parseBaselineSpec, redactUrl, type BaselineSpec, type GitRevision } from './spec';
export { GitCache } from './git';
export { naturalCompare } from './glob';

export interface LoadOptions {
  readonly git?: GitOptions;
  readonly registry?: RegistryOptions;
}

export async function loadBaseline(spec: BaselineSpec | string, request: BaselineRequest, options: LoadOptions = {}): Promise<Baseline> {
  try {
    const s = typeof spec === 'string' ? parseBaselineSpec(spec) : spec;
    switch (s.kind) {
      case 'git':
        return await loadGitBaseline(s.revision, s.text, request, options.git);
      case 'registry':
        return await loadRegistryBaseline(s.url, s.subject, request, options.registry);
      case 'path':
        return loadPathBaseline(s.path, s.glob, request);
    }
  } catch (e) {
    if (e instanceof BaselineError) throw e;
    // A bug or an unexpected system error still reaches the user as a baseline problem, not a crash.
    throw new BaselineError('io', `cannot load the baseline: ${e instanceof Error ? e.message : String(e)}`);
  }
}
