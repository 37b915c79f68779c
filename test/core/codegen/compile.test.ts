// Every golden compiles with the real TypeScript compiler under the strictest settings, and under
// the module settings users most often have: Node ESM, CommonJS without esModuleInterop, bundlers.
// All cases go into one program per setting (that is what keeps this fast).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ts from 'typescript';
import { CASES } from './cases';
import { goldenDir, readTree, STRICT, typeCheck } from './helpers';

const SETTINGS: Readonly<Record<string, ts.CompilerOptions>> = {
  'strict, NodeNext': STRICT,
  'strict, CommonJS without esModuleInterop': {
    ...STRICT,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: false,
    // TypeScript 6 deprecates both settings; projects on them still compile generated code.
    ignoreDeprecations: '6.0',
  },
  'strict, bundler': { ...STRICT, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
};

const goldens = readTree(goldenDir);

test('the goldens hold every case', () => {
  const cases = new Set(Object.keys(goldens).map((p) => p.split('/')[0]));
  assert.deepEqual([...cases].sort(), Object.keys(CASES).sort());
});

for (const [label, options] of Object.entries(SETTINGS)) {
  test(`every golden compiles (${label})`, () => {
    assert.deepEqual(typeCheck(goldenDir, goldens, options), []);
  });
}

test('a type error in generated code is reported (the check is not vacuous)', () => {
  const path = 'proto-cart/shop/v1/cart_events_pb.ts';
  const broken = { ...goldens, [path]: goldens[path]!.replace('return cartEventCodec.decode(bytes);', 'return cartEventCodec.encode(bytes);') };
  const errors = typeCheck(goldenDir, broken);
  assert.ok(errors.length > 0);
  for (const e of errors) assert.match(e, /^proto-cart\/shop\/v1\/cart_events_pb\.ts\(\d+,\d+\): TS23(22|45) /);
});
