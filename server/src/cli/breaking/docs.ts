/**
 * The baseline's files as documents: each gets a uri of its own (so an old file never collides
 * with the current file at the same path, and two versions never collide with each other), and
 * keeps where it really came from, for messages and related locations.
 */
import { resolve } from 'node:path';
import type { BaselineFile, BaselineVersion } from '../../host/baseline';

export const BASELINE_SCHEME = 'event-schemas-baseline';

export interface BaselineDoc {
  readonly uri: string;
  readonly text: string;
  /** Relative to the current folder, laid out like the current tree (`/` separators). */
  readonly path: string;
  /** `path` made absolute: where the file sits, or sat, in the current tree. */
  readonly abs: string;
  /** `git:HEAD:a.proto`, an absolute path on disk, a registry address. */
  readonly origin: string;
  readonly diskPath?: string;
  readonly reference: boolean;
  readonly schemaType?: BaselineFile['schemaType'];
  /** The version it belongs to, oldest first. */
  readonly version: number;
  readonly versionLabel: string;
}

export class BaselineDocs {
  private readonly byUri = new Map<string, BaselineDoc>();
  readonly versions: BaselineDoc[][] = [];

  constructor(
    private readonly cwd: string,
    versions: readonly BaselineVersion[],
  ) {
    versions.forEach((v, index) => {
      const docs = v.files.map((f) => this.add(index, v.label, f));
      this.versions.push(docs);
    });
  }

  get(uri: string): BaselineDoc | undefined {
    return this.byUri.get(uri);
  }

  private add(version: number, versionLabel: string, f: BaselineFile): BaselineDoc {
    const kind = f.reference ? 'ref' : 'file';
    const uri = `${BASELINE_SCHEME}:/${version}/${kind}/${f.path.split('/').map(encodeURIComponent).join('/')}`;
    const doc: BaselineDoc = {
      uri,
      text: f.text,
      path: f.path,
      abs: resolve(this.cwd, f.path),
      origin: f.origin,
      ...(f.diskPath ? { diskPath: f.diskPath } : {}),
      reference: f.reference === true,
      ...(f.schemaType ? { schemaType: f.schemaType } : {}),
      version,
      versionLabel,
    };
    this.byUri.set(uri, doc);
    return doc;
  }
}
