/**
 * Uris of baseline documents: `event-schemas-baseline:/abs/path/orders.proto?baseline=git%3AHEAD`,
 * the file's own path (so editors title a tab by its file name), the baseline setting it came from,
 * and for a list of versions which one. The language server answers the client's content requests
 * for them.
 *
 * Editors re-encode a uri's query as they please (VS Code percent-encodes `=` and `&`), so the
 * query is decoded once as a whole, the version comes first and the baseline takes the rest.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { baselineScheme } from '../../protocol';

export interface BaselineRef {
  /** The absolute path of the current file the baseline document is an old version of. */
  readonly path: string;
  /** The baseline setting, e.g. `git:HEAD`. */
  readonly baseline: string;
  /** For a list of versions, the index of this one (oldest first). */
  readonly version?: number;
}

export function baselineUri(ref: BaselineRef): string {
  const path = pathToFileURL(ref.path).href.slice('file://'.length);
  const version = ref.version === undefined ? '' : `version=${ref.version}&`;
  return `${baselineScheme}:${path}?${version}baseline=${encodeURIComponent(ref.baseline)}`;
}

export function parseBaselineUri(uri: string): BaselineRef | undefined {
  if (!uri.startsWith(`${baselineScheme}:`)) return undefined;
  const rest = uri.slice(baselineScheme.length + 1);
  const q = rest.indexOf('?');
  if (q < 0) return undefined;
  let query: string;
  let path: string;
  try {
    query = decodeURIComponent(rest.slice(q + 1));
    path = fileURLToPath(`file://${rest.slice(0, q).replace(/^\/*/, '/')}`);
  } catch {
    return undefined;
  }
  const m = /^(?:version=(\d+)&)?baseline=([\s\S]*)$/.exec(query);
  if (!m || m[2] === '') return undefined;
  return { path, baseline: m[2]!, ...(m[1] !== undefined ? { version: Number(m[1]) } : {}) };
}
