/**
 * One analysis state per workspace folder: its import roots, its Protobuf project, and the
 * loader that reads files below its roots; its Avro registry, and the loader that reads .avsc
 * and .avdl files and IDL imports below the folder. A file outside every folder gets a folder
 * state of its own directory, so it is still checked.
 */
import { dirname, relative, isAbsolute } from 'node:path';
import { AvroRegistry } from '../core/avro/registry';
import { ProtoProject } from '../core/proto/project';
import { AvroFiles } from '../host/avroFiles';
import { ProtoFiles, pathOf } from '../host/protoFiles';
import { discoverRoots } from '../host/roots';
import type { Settings } from '../protocol';

export class FolderState {
  readonly project = new ProtoProject();
  readonly files: ProtoFiles;
  /** The folder's Avro files; it is also the Avro service's project. */
  readonly avro: AvroFiles;

  constructor(
    readonly folderPath: string,
    settings: Settings,
    overlay: (uri: string) => string | undefined,
    /** Loose files outside every workspace folder are not indexed. */
    readonly loose = false,
  ) {
    const roots = discoverRoots(folderPath, { importPaths: settings.importPaths, ceiling: loose ? undefined : folderPath });
    this.files = new ProtoFiles(this.project, roots, overlay);
    this.avro = new AvroFiles(new AvroRegistry(), [folderPath], overlay);
  }
}

function contains(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export class Folders {
  private folders: FolderState[] = [];
  private readonly loose = new Map<string, FolderState>();

  constructor(
    private settings: Settings,
    private readonly overlay: (uri: string) => string | undefined,
  ) {}

  setFolders(paths: readonly string[]): void {
    this.folders = paths.map((p) => new FolderState(p, this.settings, this.overlay));
    this.loose.clear();
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.setFolders(this.folders.map((f) => f.folderPath));
  }

  all(): readonly FolderState[] {
    return [...this.folders, ...this.loose.values()];
  }

  workspaceFolders(): readonly FolderState[] {
    return this.folders;
  }

  /** The folder whose path is the longest prefix of the file; a loose folder state otherwise. */
  forUri(uri: string): FolderState {
    const path = pathOf(uri);
    if (path) {
      let best: FolderState | undefined;
      for (const f of this.folders) {
        if (contains(f.folderPath, path) && (!best || f.folderPath.length > best.folderPath.length)) best = f;
      }
      if (best) return best;
    }
    const dir = path ? dirname(path) : '';
    let state = this.loose.get(dir);
    if (!state) {
      state = new FolderState(dir || process.cwd(), this.settings, this.overlay, true);
      this.loose.set(dir, state);
    }
    return state;
  }
}
