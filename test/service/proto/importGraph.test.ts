import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProtoProject } from '../../../server/src/core/proto/project';
import { importerTest } from '../../../server/src/service/proto/importGraph';
import { fixture, uriOf } from '../fixture';

test('direct and indirect importers, through cycles; not the files it imports', () => {
  const f = fixture(`
//- target.proto
import "dep.proto";
//- dep.proto
//- c.proto
import "target.proto";
//- b.proto
import "a.proto";
//- a.proto
import "b.proto";
import "c.proto";
//- lone.proto
`);
  const imports = importerTest(f.project, uriOf('target.proto'));
  const found = ['target', 'dep', 'c', 'b', 'a', 'lone', 'missing'].filter((n) => imports(uriOf(`${n}.proto`)));
  assert.deepEqual(found, ['target', 'c', 'b', 'a']);
});

test('importers are found from the import statements: background files are not parsed again', () => {
  const project = new ProtoProject();
  const uri = (i: number) => `file:///ws/f${i}.proto`;
  for (let i = 0; i < 10; i++) {
    project.setFile({ uri: uri(i), importPath: `f${i}.proto`, text: `syntax = "proto3";\nimport "f${(i + 1) % 10}.proto";\nmessage M${i} {}\n` }, { cold: true });
  }
  const imports = importerTest(project, uri(0));
  assert.deepEqual([...Array(10).keys()].filter((i) => imports(uri(i))), [...Array(10).keys()]);
  // A cold file keeps only its symbols and import statements; reading its tree would parse it.
  assert.deepEqual([...Array(10).keys()].filter((i) => (project.get(uri(i)) as unknown as { isWarm: boolean }).isWarm), []);
});
