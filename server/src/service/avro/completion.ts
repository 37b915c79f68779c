/**
 * Completion for .avsc and .avdl: JSON files by their JSON path (completionJson.ts), IDL files by
 * their tokens (completionIdl.ts). Both offer the same Avro knowledge: keys or keywords valid at
 * the position, primitive, logical and named types, and enum symbols for defaults.
 */
import type { CompletionList, Position } from 'vscode-languageserver-types';
import { lineIndexOf } from '../lineIndexCache';
import { guard } from '../proto/guard';
import { idlCompletion } from './completionIdl';
import { jsonCompletion } from './completionJson';
import { fileOf, type AvroProject } from './project';

const empty: CompletionList = { isIncomplete: false, items: [] };

export function completion(project: AvroProject, uri: string, position: Position): CompletionList {
  return guard('avro completion', empty, () => {
    const file = fileOf(project, uri);
    if (!file) return empty;
    const index = lineIndexOf(file);
    const offset = index.offsetAt(position);
    const items = file.syntax === 'avdl' ? idlCompletion(project, uri, file, index, offset) : jsonCompletion(project, uri, file, index, offset);
    return { isIncomplete: false, items };
  });
}
