// python3-avro (Debian) as the oracle for reader/writer compatibility: one process per batch.
//
// The checker runs twice per pair. Unchanged, it gives the oracle's verdict and incompatibility
// types. A second run adds bookkeeping only (each incompatibility keeps its own location) plus
// Avro Java 1.12's location fix AVRO-3612 that python 1.11 lacks: when the writer is a union and
// the reader is not, Java pushes the writer branch's index (`/fields/0/type/1`) where python
// restarts at `/`. Tests assert that the second run's verdict and types equal the first's, so the
// fix moves locations and nothing else.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';

const SCRIPT = `
import json, sys, warnings
warnings.simplefilter('ignore')
import avro.schema
import avro.compatibility as C

plain_merge, plain_incompatible = C.merge, C.incompatible

def details(r):
    return getattr(r, 'details', [])

def tracked_merge(this, that):
    merged = plain_merge(this, that)
    merged.details = details(this) + details(that)
    return merged

def tracked_incompatible(kind, message, location):
    r = plain_incompatible(kind, message, location)
    r.details = [(kind.name.upper(), next(iter(r.locations)), message)]
    return r

class JavaLocations(C.ReaderWriterCompatibilityChecker):
    def calculate_compatibility(self, reader, writer, location):
        if writer.type == C.SchemaType.UNION and reader.type != writer.type:
            result = C.CompatibleResult
            for i, branch in enumerate(writer.schemas):
                result = C.merge(result, self.get_compatibility(reader, branch, str(i), location))
            return result
        return super().calculate_compatibility(reader, writer, location)

def run(checker, reader, writer):
    return checker.get_compatibility(avro.schema.parse(reader), avro.schema.parse(writer))

out = []
for pair in json.load(sys.stdin):
    try:
        C.merge, C.incompatible = plain_merge, plain_incompatible
        plain = run(C.ReaderWriterCompatibilityChecker(), pair['reader'], pair['writer'])
        C.merge, C.incompatible = tracked_merge, tracked_incompatible
        tracked = run(JavaLocations(), pair['reader'], pair['writer'])
        out.append({
            'ok': True,
            'compatible': plain.compatibility is C.SchemaCompatibilityType.compatible,
            'types': sorted(t.name.upper() for t in plain.incompatibilities),
            'trackedCompatible': tracked.compatibility is C.SchemaCompatibilityType.compatible,
            'details': [list(d) for d in details(tracked)],
        })
    except Exception as e:
        out.append({'ok': False, 'error': type(e).__name__ + ': ' + str(e)[:300]})
json.dump(out, sys.stdout)
`;

export interface OracleAnswer {
  readonly ok: boolean;
  readonly error?: string;
  readonly compatible: boolean;
  /** Sorted, with repeats: python's `incompatibilities` list. */
  readonly types: readonly string[];
  readonly trackedCompatible: boolean;
  /** [type, location, python's message] in the checker's order. */
  readonly details: readonly (readonly [string, string, string])[];
}

/** Judges every pair in one python process. Fails clearly when python3-avro is missing. */
export function oracle(pairs: readonly { reader: string; writer: string }[]): OracleAnswer[] {
  assert.ok(existsSync(PYTHON), `${PYTHON} is missing: install python3-avro (apt-get install -y python3-avro)`);
  const res = spawnSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(pairs), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(res.status, 0, `python3-avro failed (install it with apt-get install -y python3-avro): ${res.stderr}`);
  const out = JSON.parse(res.stdout) as OracleAnswer[];
  assert.equal(out.length, pairs.length);
  return out;
}
