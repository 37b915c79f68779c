// Where "Generate handlers" shows itself: the code lens and stale warning sites of event unions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerProto } from '../../../server/src/core/model/index';
import { ProtoProject } from '../../../server/src/core/proto/project';
import { staleDiagnostics, unionSites } from '../../../server/src/service/codegen/sites';

/** The tree behind a proxy that counts reads of `span`: the work a walk of it does. */
function counted<T extends object>(root: T): { tree: T; reads: () => number; objects: () => number } {
  let reads = 0;
  const proxies = new WeakMap<object, object>();
  const wrap = (o: unknown): unknown => {
    if (typeof o !== 'object' || o === null) return o;
    let p = proxies.get(o);
    if (!p) {
      p = new Proxy(o, {
        get(target, k) {
          if (k === 'span') reads++;
          return wrap(Reflect.get(target, k));
        },
      });
      proxies.set(o, p);
    }
    return p;
  };
  const objects = () => {
    const seen = new Set<object>();
    const stack: unknown[] = [root];
    while (stack.length) {
      const o = stack.pop();
      if (typeof o !== 'object' || o === null || seen.has(o)) continue;
      seen.add(o);
      stack.push(...Object.values(o));
    }
    return seen.size;
  };
  return { tree: wrap(root) as T, reads: () => reads, objects };
}

test('each union is found at its envelope name, in one walk of the tree however many unions the file has', () => {
  let text = 'syntax = "proto3";\npackage big;\n';
  for (let i = 0; i < 300; i++) {
    const oneof = i % 3 === 0 ? ` oneof event { M${i + 1} a = 4; M${i + 2} b = 5; }` : '';
    text += `message M${i} { string s = 1;${oneof} }\n`;
  }
  text += 'message M300 {}\nmessage M301 {}\n';
  const project = new ProtoProject();
  project.setFile({ uri: 'file:///ws/big.proto', importPath: 'big.proto', text });
  const model = lowerProto(project, ['file:///ws/big.proto']);
  const file = model.files[0]!;
  assert.equal(file.unions.length, 100);
  const { tree, reads, objects } = counted(project.get('file:///ws/big.proto')!.ast);
  const sites = unionSites(model, file, tree);
  assert.deepEqual(
    sites.map((s) => text.slice(s.span.start, s.span.end)),
    Array.from({ length: 100 }, (_, k) => `M${3 * k}`),
  );
  // One search per union read the spans of every top-level declaration a hundred times.
  assert.ok(reads() < objects(), `${reads()} span reads for a tree of ${objects()} objects`);
  assert.deepEqual(
    staleDiagnostics(model, file, project.get('file:///ws/big.proto')!.ast, 'big_pb.ts').map((d) => text.slice(d.span.start, d.span.end)),
    sites.map((s) => text.slice(s.span.start, s.span.end)),
  );
});
