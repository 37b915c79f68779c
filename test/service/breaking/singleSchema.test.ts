// Which open file a one-schema baseline (a file, versions of a file, a registry subject) stands for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAvro } from '../../../server/src/core/avro';
import { avroStandsFor, protoPackageOf, sameBaseName } from '../../../server/src/service/breaking/singleSchema';

const avsc = (name: string, extra = '') => parseAvro(`{"type": "record", "name": "${name}", "namespace": "acme"${extra}, "fields": []}`, 'avsc', 'file:///x.avsc');

test('avro: the same main type, or the old name among the new aliases', () => {
  assert.equal(avroStandsFor(avsc('Order'), avsc('Order')), true);
  assert.equal(avroStandsFor(avsc('OrderCreated', ', "aliases": ["Order"]'), avsc('Order')), true);
  assert.equal(avroStandsFor(avsc('OrderCreated', ', "aliases": ["acme.Order"]'), avsc('Order')), true);
  assert.equal(avroStandsFor(avsc('Payment'), avsc('Order')), false);
  const idl = parseAvro('namespace acme;\nrecord Order { string id; }\n', 'avdl', 'file:///x.avdl');
  assert.equal(avroStandsFor(idl, avsc('Order')), true);
  assert.equal(avroStandsFor(parseAvro('"string"', 'avsc', 'file:///s.avsc'), avsc('Order')), false);
});

test('protobuf: the package as written; names compared without folders, case aside', () => {
  assert.equal(protoPackageOf('syntax = "proto3";\n// package no;\npackage acme.orders.v1;\n'), 'acme.orders.v1');
  assert.equal(protoPackageOf('syntax = "proto3";\nmessage A {}\n'), undefined);
  assert.equal(sameBaseName('/old/Orders.proto', 'schemas/orders.proto'), true);
  assert.equal(sameBaseName('https://r.example.com/subjects/orders-value/versions/3', 'orders.proto'), false);
});
