// The check of a group of .proto files in one pass (import order, one parse per file) against the
// two-pass check (every file's symbols first): the same diagnostics and the same image, and the
// one pass given up exactly when the order files are added in could change an answer.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkGroup } from '../../server/src/cli/checkers/protoGroup';
import type { InputFile } from '../../server/src/cli/checkers/checker';
import { removeWorkspaces, workspace } from './run';

after(removeWorkspaces);

interface Case {
  readonly name: string;
  readonly files: Record<string, string>;
  /** Files on disk that are not inputs: loaded only when imported. */
  readonly deps?: Record<string, string>;
  /** Folders below the workspace that are import roots; the workspace itself when absent. */
  readonly roots?: readonly string[];
  readonly passes: 1 | 2;
  /** `file code` for every diagnostic expected, in file order. */
  readonly expect: readonly string[];
}

const cases: Case[] = [
  {
    name: 'a clean package whose files import each other is checked in one pass',
    files: {
      'p/a.proto': 'syntax = "proto3";\npackage p;\nimport "p/b.proto";\nimport "p/c.proto";\nmessage A { B b = 1; p.C c = 2; }\n',
      'p/b.proto': 'syntax = "proto3";\npackage p;\nimport "p/c.proto";\nmessage B { C c = 1; }\n',
      'p/c.proto': 'syntax = "proto3";\npackage p;\nmessage C { string s = 1; }\n',
    },
    passes: 1,
    expect: [],
  },
  {
    name: 'a type defined by an earlier file that is not imported: one pass, and the hint names the file',
    files: {
      'p/b.proto': 'syntax = "proto3";\npackage p;\nmessage B {}\n',
      'p/c.proto': 'syntax = "proto3";\npackage p;\nmessage C { B b = 1; }\n',
    },
    passes: 1,
    expect: ['p/c.proto resolve/not-imported'],
  },
  {
    name: 'a type defined by a later file that is not imported: the one pass would not know it yet',
    files: {
      'p/a.proto': 'syntax = "proto3";\npackage p;\nmessage A { Late late = 1; }\n',
      'p/z.proto': 'syntax = "proto3";\npackage p;\nmessage Late {}\n',
    },
    passes: 2,
    expect: ['p/a.proto resolve/not-imported'],
  },
  {
    name: 'a package declared by a later file captures a name looked up before it',
    files: {
      'a.proto': 'syntax = "proto3";\npackage x;\nimport "b.proto";\nmessage M { y.T t = 1; }\n',
      'b.proto': 'syntax = "proto3";\npackage y;\nmessage T {}\n',
      'z.proto': 'syntax = "proto3";\npackage x.y;\n',
    },
    passes: 2,
    expect: ['a.proto resolve/unknown-type', 'a.proto resolve/unused-import'],
  },
  {
    name: 'a name two files define answers by the order of the files',
    files: {
      'p/a.proto': 'syntax = "proto3";\npackage p;\nimport "p/b.proto";\nmessage M {}\n',
      'p/b.proto': 'syntax = "proto3";\npackage p;\nmessage M {}\n',
    },
    passes: 2,
    expect: ['p/a.proto resolve/unused-import', 'p/a.proto names/duplicate'],
  },
  {
    name: 'an import cycle has no import order',
    files: {
      'a.proto': 'syntax = "proto3";\nimport "b.proto";\nmessage A { B b = 1; }\n',
      'b.proto': 'syntax = "proto3";\nimport "a.proto";\nmessage B { A a = 1; }\n',
    },
    passes: 2,
    expect: ['a.proto resolve/import-cycle', 'b.proto resolve/import-cycle'],
  },
  {
    name: 'an import the scan of the text cannot see (after a block comment) gives up the order',
    files: {
      'a.proto': 'syntax = "proto3";\n/* why */ import "b.proto";\nmessage A { B b = 1; }\n',
      'b.proto': 'syntax = "proto3";\nmessage B {}\n',
    },
    passes: 2,
    expect: [],
  },
  {
    name: 'two roots holding the same import path',
    files: {
      'one/x.proto': 'syntax = "proto3";\npackage one;\nmessage X {}\n',
      'two/x.proto': 'syntax = "proto3";\npackage two;\nmessage X {}\n',
      'one/a.proto': 'syntax = "proto3";\nimport "x.proto";\nmessage A { one.X x = 1; }\n',
    },
    roots: ['one', 'two'],
    passes: 2,
    expect: [],
  },
  {
    name: 'a name two imported files both define',
    files: { 'src/a.proto': 'syntax = "proto3";\nimport "d1.proto";\nimport "d2.proto";\nmessage A { q.M m = 1; }\n' },
    deps: {
      'lib/d1.proto': 'syntax = "proto3";\npackage q;\nmessage M {}\n',
      'lib/d2.proto': 'syntax = "proto3";\npackage q;\nmessage M {}\n',
    },
    roots: ['src', 'lib'],
    passes: 2,
    expect: ['src/a.proto resolve/unused-import'],
  },
];

for (const c of cases) {
  test(c.name, () => {
    const ws = workspace({ ...c.files, ...c.deps });
    const rootDirs = (c.roots ?? ['']).map((r) => join(ws, r));
    const roots = { roots: rootDirs, source: 'importPaths' as const, problems: [] };
    const files: InputFile[] = Object.entries(c.files).map(([rel, text]) => ({ path: join(ws, rel), origin: ws, originIsFolder: true, text }));
    const auto = checkGroup(files, roots, true);
    const two = checkGroup(files, roots, true, { twoPasses: true });
    assert.equal(auto.passes, c.passes);
    assert.equal(two.passes, 2);
    assert.deepEqual(auto.files, two.files);
    assert.deepEqual(auto.image, two.image);
    const found = auto.files.flatMap((f) => f.diagnostics.map((d) => `${f.path.slice(ws.length + 1)} ${d.code}`));
    assert.deepEqual(found, c.expect);
  });
}
