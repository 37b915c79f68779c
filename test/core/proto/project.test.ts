// The project's incrementality contract: an edit re-parses only its file and drops the derived
// results of that file and its importers only; cold files keep stable symbols while their trees
// come and go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProtoProject } from '../../../server/src/core/proto/project';

const A = 'syntax = "proto3";\npackage p;\nmessage A { int32 x = 1; }\n';
const B = 'syntax = "proto3";\npackage p;\nimport "a.proto";\nmessage B { A a = 1; }\n';
const C = 'syntax = "proto3";\npackage q;\nmessage C { string s = 1; }\n';
const D = 'syntax = "proto3";\npackage p;\nimport "b.proto";\nmessage D { B b = 1; }\n';

function project(options: { cold?: boolean } = {}) {
  const p = new ProtoProject();
  p.setFile({ uri: 'mem:/a.proto', importPath: 'a.proto', text: A }, options);
  p.setFile({ uri: 'mem:/b.proto', importPath: 'b.proto', text: B }, options);
  p.setFile({ uri: 'mem:/c.proto', importPath: 'c.proto', text: C }, options);
  p.setFile({ uri: 'mem:/d.proto', importPath: 'd.proto', text: D }, options);
  return p;
}

test('an edit drops the links of the file and its importers, directly or not, and nothing else', () => {
  const p = project();
  const before = new Map(['a', 'b', 'c', 'd'].map((f) => [f, p.link(`mem:/${f}.proto`)]));
  const parseC = p.get('mem:/c.proto')!.parse;
  assert.equal(p.setFile({ uri: 'mem:/a.proto', importPath: 'a.proto', text: A.replace('x = 1', 'x = 2') }), true);
  assert.notEqual(p.link('mem:/a.proto'), before.get('a'));
  assert.notEqual(p.link('mem:/b.proto'), before.get('b'));
  assert.notEqual(p.link('mem:/d.proto'), before.get('d'));
  assert.equal(p.link('mem:/c.proto'), before.get('c'), 'an unrelated file keeps its link');
  assert.equal(p.get('mem:/c.proto')!.parse, parseC, 'an unrelated file is not parsed again');
  assert.deepEqual([...p.dependents('mem:/a.proto')].sort(), ['mem:/b.proto', 'mem:/d.proto']);
});

test('setting the same text changes nothing', () => {
  const p = project();
  const link = p.link('mem:/b.proto');
  assert.equal(p.setFile({ uri: 'mem:/b.proto', importPath: 'b.proto', text: B }), false);
  assert.equal(p.link('mem:/b.proto'), link);
});

test('a file that appears later resolves the imports that waited for it', () => {
  const p = new ProtoProject();
  p.setFile({ uri: 'mem:/b.proto', importPath: 'b.proto', text: B });
  assert.deepEqual(p.unresolvedImports('mem:/b.proto'), ['a.proto']);
  assert.ok(p.diagnostics('mem:/b.proto').some((d) => d.code === 'resolve/unknown-import'));
  p.setFile({ uri: 'mem:/a.proto', importPath: 'a.proto', text: A });
  assert.deepEqual(p.diagnostics('mem:/b.proto'), []);
});

test('cold files answer with the same symbols, and their trees are read again on demand', () => {
  const p = project({ cold: true });
  const symbol = p.lookup('p.A')![0]!;
  assert.equal(symbol.node?.kind, 'message');
  assert.deepEqual(p.diagnostics('mem:/d.proto'), []);
  const link = p.link('mem:/b.proto')!;
  const target = link.refs.find((r) => r.text === 'A')!.target;
  assert.equal(target, symbol, 'references land on the very symbol object the index holds');
  // Many other cold files read since: the tree of a.proto is dropped, its symbol stays valid.
  for (let i = 0; i < 300; i++) {
    const uri = `mem:/x${i}.proto`;
    p.setFile({ uri, importPath: `x${i}.proto`, text: `syntax = "proto3";\npackage x${i};\nmessage X {}\n` }, { cold: true });
    void p.get(uri)!.ast;
  }
  assert.equal(p.lookup('p.A')![0], symbol);
  assert.equal(symbol.node?.kind, 'message', 'the node comes back from a fresh parse');
  assert.equal(p.get('mem:/a.proto')!.ast.body.length, 3);
});

test('opening a cold file (same text, now hot) keeps everything derived', () => {
  const p = project({ cold: true });
  const link = p.link('mem:/b.proto');
  assert.equal(p.setFile({ uri: 'mem:/b.proto', importPath: 'b.proto', text: B }, { cold: false }), false);
  assert.equal(p.link('mem:/b.proto'), link);
});

test("an enum's closedness is known from its file's own check, and an edit of that file changes it", () => {
  const E2 = 'syntax = "proto2";\npackage e;\nenum Mode { A = 1; }\n';
  const USE = 'syntax = "proto3";\npackage u;\nimport "e.proto";\nmessage U { e.Mode m = 1; }\n';
  const codes = (p: ProtoProject, uri: string) => p.diagnostics(uri).map((d) => d.code);
  const p = new ProtoProject();
  p.setFile({ uri: 'mem:/e.proto', importPath: 'e.proto', text: E2 });
  assert.deepEqual(codes(p, 'mem:/e.proto'), []);
  // Done with it, as `check` is: the tree is dropped, the answer for its enum stays known.
  p.release('mem:/e.proto');
  p.setFile({ uri: 'mem:/u.proto', importPath: 'u.proto', text: USE });
  assert.deepEqual(codes(p, 'mem:/u.proto'), ['proto3/closed-enum']);
  const warm = (uri: string) => (p.get(uri) as unknown as { isWarm: boolean }).isWarm;
  assert.equal(warm('mem:/e.proto'), false, 'the enum file was not parsed again');
  // proto3 makes the enum open: the new symbol gets a new answer.
  p.setFile({ uri: 'mem:/e.proto', importPath: 'e.proto', text: E2.replace('proto2', 'proto3').replace('A = 1', 'Z = 0') });
  assert.deepEqual(codes(p, 'mem:/u.proto'), []);
  // And back, without checking the enum's file first: worked out from its tree.
  p.setFile({ uri: 'mem:/e.proto', importPath: 'e.proto', text: E2 }, { cold: true });
  assert.deepEqual(codes(p, 'mem:/u.proto'), ['proto3/closed-enum']);
});
