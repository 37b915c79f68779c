/**
 * The CONFLUENT profile: what a Confluent Schema Registry subject with the given compatibility
 * mode would accept. BACKWARD diffs each earlier version against the new one (the new schema must
 * read old data), FORWARD the new one against each earlier version (old readers, new data), FULL
 * both; the `_TRANSITIVE` modes check every earlier version, the others only the latest; NONE
 * checks nothing. A difference outside Confluent's compatible list becomes a finding with
 * Confluent's difference type as its code, on the current file.
 *
 * Files are subjects: matched by path, or, when each side has a single file, with each other.
 */
import { compareFindings, type Finding } from '../../finding';
import type { ImageFile, ImageMessage, ProtoImage } from '../image';
import { allMessages } from '../pairs';
import { COMPATIBLE_CHANGES, diffSchemas, type Difference, type DiffSide, type Place } from './diff';

export type ConfluentMode = 'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FORWARD' | 'FORWARD_TRANSITIVE' | 'FULL' | 'FULL_TRANSITIVE' | 'NONE';

export const CONFLUENT_MODES: readonly ConfluentMode[] = [
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
];

function sideOf(image: ProtoImage, file: ImageFile): DiffSide {
  const index = new Map<string, ImageMessage>();
  for (const f of image.files) for (const m of allMessages(f)) if (!index.has(m.fullName)) index.set(m.fullName, m);
  return { file, messages: (name) => index.get(name) };
}

function modules(image: ProtoImage): ImageFile[] {
  return image.files.filter((f) => !f.isImport);
}

/** The baseline file each current file is compared with. */
function counterpart(current: ImageFile, currentFiles: readonly ImageFile[], baseline: ProtoImage): ImageFile | undefined {
  const same = baseline.fileByPath.get(current.path);
  if (same && !same.isImport) return same;
  const others = modules(baseline);
  return others.length === 1 && currentFiles.length === 1 ? others[0] : undefined;
}

/**
 * Checks the current image against earlier versions (oldest first), as a registry subject with
 * `mode` would. Returns one finding per incompatible difference, deduplicated across versions.
 */
export function checkConfluentProto(versions: readonly ProtoImage[], current: ProtoImage, mode: ConfluentMode): Finding[] {
  if (mode === 'NONE' || versions.length === 0) return [];
  const transitive = mode.endsWith('_TRANSITIVE');
  const against = transitive ? versions.map((v, i) => ({ image: v, index: i })) : [{ image: versions[versions.length - 1]!, index: versions.length - 1 }];
  const backward = mode.startsWith('BACKWARD') || mode.startsWith('FULL');
  const forward = mode.startsWith('FORWARD') || mode.startsWith('FULL');
  const currentFiles = modules(current);
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const { image, index } of against) {
    const versionNote = transitive && versions.length > 1 ? `, against version ${index + 1} of ${versions.length}` : '';
    for (const file of currentFiles) {
      const old = counterpart(file, currentFiles, image);
      if (!old) continue;
      const oldSide = sideOf(image, old);
      const newSide = sideOf(current, file);
      const runs: { direction: 'BACKWARD' | 'FORWARD'; diffs: Difference[] }[] = [];
      if (backward) runs.push({ direction: 'BACKWARD', diffs: diffSchemas(oldSide, newSide) });
      if (forward) runs.push({ direction: 'FORWARD', diffs: diffSchemas(newSide, oldSide) });
      for (const { direction, diffs } of runs) {
        for (const d of diffs) {
          if (COMPATIBLE_CHANGES.has(d.type)) continue;
          const f = toFinding(d, direction, file, versionNote);
          const key = `${f.code}\u0000${f.uri}\u0000${f.span.start}\u0000${f.span.end}\u0000${f.message}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push(f);
        }
      }
    }
  }
  return out.sort(compareFindings);
}

/** Places a difference on the current file: BACKWARD's update is the new schema, FORWARD's original is. */
function toFinding(d: Difference, direction: 'BACKWARD' | 'FORWARD', file: ImageFile, versionNote: string): Finding {
  const backward = direction === 'BACKWARD';
  const here: Place | undefined = backward ? d.update : d.original;
  const hereParent: Place | undefined = backward ? d.updateParent : d.originalParent;
  const there: Place | undefined = backward ? d.original : d.update;
  const text = d.text.replace(/\{o\}/g, backward ? 'old' : 'new').replace(/\{u\}/g, backward ? 'new' : 'old');
  const message = `${text} (Confluent ${direction} check at ${d.path}${versionNote})`;
  const baseline = there ? { uri: there.file.uri, span: there.span } : undefined;
  const related = baseline ? [{ ...baseline, message: 'as it was in the baseline' }] : undefined;
  // A difference inside a type from another file (a referenced schema) lands in that file.
  const anchorPlace = here ?? hereParent;
  const anchor = here ? 'element' : hereParent ? 'parent' : 'file';
  return {
    code: d.type,
    severity: 'error',
    message,
    uri: anchorPlace?.file.uri ?? file.uri,
    path: anchorPlace?.file.path ?? file.path,
    span: anchorPlace?.span ?? file.anchor,
    anchor,
    baseline,
    related,
  };
}
