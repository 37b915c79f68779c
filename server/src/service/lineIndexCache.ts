/**
 * One LineIndex per file state. The project replaces a file's state object whenever its text
 * changes, so a WeakMap keyed by that object is a cache that can never be stale and never leaks.
 */
import type { ProtoProject } from '../core/proto/project';
import { LineIndex } from '../core/text/lineIndex';

const cache = new WeakMap<object, LineIndex>();

/** The line index of a file state (anything immutable that carries the file's text). */
export function lineIndexOf(state: { readonly text: string }): LineIndex {
  let index = cache.get(state);
  if (!index) {
    index = new LineIndex(state.text);
    cache.set(state, index);
  }
  return index;
}

/** The line index of a project file, or undefined when the project does not hold the uri. */
export function lineIndexFor(project: ProtoProject, uri: string): LineIndex | undefined {
  const state = project.get(uri);
  return state ? lineIndexOf(state) : undefined;
}
