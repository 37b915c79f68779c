import { test } from 'node:test';
import assert from 'node:assert/strict';
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
