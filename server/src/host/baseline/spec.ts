/**
 * Reads a BASELINE argument (`--against`, or the editor's baseline setting) into a description of
 * the source. Only the text is looked at here: whether a path exists or a revision resolves is the
 * loaders' business.
 */
import { BaselineError } from './types';

export type GitRevision =
  /** Anything git's rev-parse understands: `HEAD`, `main`, `v1.2.0`, `HEAD~3`, a commit id. */
  | { readonly kind: 'rev'; readonly rev: string }
  /** `merge-base:BRANCH`: the commit `git merge-base HEAD BRANCH` names, where a branch forked. */
  | { readonly kind: 'merge-base'; readonly branch: string };

export type BaselineSpec =
  | { readonly kind: 'git'; readonly revision: GitRevision; readonly text: string }
  | { readonly kind: 'registry'; readonly url: string; readonly subject: string }
  /** A folder, a file, or (when `glob`) a pattern naming an ordered list of earlier versions. */
  | { readonly kind: 'path'; readonly path: string; readonly glob: boolean };

const GLOB_MAGIC = /[*?[]/;

export function parseBaselineSpec(text: string): BaselineSpec {
  if (text === '') throw new BaselineError('usage', 'the baseline is empty: give a folder, a file, git:REV or registry:URL#SUBJECT');
  if (text.startsWith('git:')) return { kind: 'git', revision: parseRevision(text.slice(4)), text };
  if (text.startsWith('registry:')) return parseRegistry(text.slice('registry:'.length));
  return { kind: 'path', path: text, glob: GLOB_MAGIC.test(text) };
}

export function parseRevision(text: string): GitRevision {
  if (text === '') return { kind: 'rev', rev: 'HEAD' };
  if (text.startsWith('merge-base:')) {
    const branch = text.slice('merge-base:'.length);
    checkRevisionText(branch, 'the branch of merge-base:');
    return { kind: 'merge-base', branch };
  }
  checkRevisionText(text, 'the git revision');
  return { kind: 'rev', rev: text };
}

/**
 * Revisions go to git as one argument each, never through a shell, so the only texts to refuse are
 * the ones git would read as something other than a revision: an option, or control characters
 * that cannot be part of a ref name.
 */
function checkRevisionText(rev: string, what: string): void {
  if (rev === '') throw new BaselineError('usage', `${what} is empty: name a branch, a tag or a commit`);
  if (rev.startsWith('-')) throw new BaselineError('usage', `${what} \`${printable(rev)}\` starts with \`-\`: name a branch, a tag or a commit`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(rev)) throw new BaselineError('usage', `${what} \`${printable(rev)}\` holds control characters: name a branch, a tag or a commit`);
}

function parseRegistry(rest: string): BaselineSpec {
  const hash = rest.lastIndexOf('#');
  const usage = 'write the registry baseline as registry:URL#SUBJECT, e.g. registry:http://localhost:8081#orders-value';
  if (hash < 0) throw new BaselineError('usage', `the registry baseline names no subject: ${usage}`);
  const address = rest.slice(0, hash);
  const subject = decodeSubject(rest.slice(hash + 1));
  if (subject === '') throw new BaselineError('usage', `the registry baseline names no subject: ${usage}`);
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new BaselineError('usage', `the registry address \`${printable(redactUrl(address))}\` is not a URL: ${usage}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BaselineError('usage', `the registry address must start with http:// or https://, not ${url.protocol}//`);
  }
  return { kind: 'registry', url: url.href, subject };
}

/** A subject may be written percent-encoded (it can hold `#`, `/` and spaces); anything else is taken as it is. */
function decodeSubject(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The address without user name and password, for messages. Text that is not a URL loses
 * everything between `//` and `@`, which is where credentials would be.
 */
export function redactUrl(address: string): string {
  try {
    const url = new URL(address);
    if (!url.username && !url.password) return url.href;
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return address.replace(/\/\/[^/@]*@/, '//');
  }
}

/** User text quoted in a message, with control characters made visible. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
