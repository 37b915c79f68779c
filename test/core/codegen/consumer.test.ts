// The generated consumer helper (runUConsumer) against an object implementing the KafkaJS
// consumer interface: no broker. Decode, dispatch, commit, bounded retry and dead-lettering, and
// nothing ever thrown out of eachMessage.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { PROTO_CART } from './cases';
import { asRecord, generateFiles, loadGenerated, removeLoaded } from './helpers';

after(removeLoaded);

const mod = loadGenerated(asRecord(generateFiles(PROTO_CART)))('shop/v1/cart_events_pb.ts');
const encode = mod['encodeCartEvent'] as (event: unknown) => Uint8Array;
const run = mod['runCartEventConsumer'] as (options: unknown) => Promise<void>;

interface Payload {
  topic: string;
  partition: number;
  message: { key: Buffer | null; value: Buffer | null; offset: string; headers?: Record<string, unknown> };
  heartbeat(): Promise<void>;
}

class FakeConsumer {
  eachMessage?: (payload: Payload) => Promise<void>;
  readonly commits: { topic: string; partition: number; offset: string }[] = [];
  readonly seeks: { topic: string; partition: number; offset: string }[] = [];
  heartbeats = 0;

  async run(config: { eachMessage(payload: Payload): Promise<void> }): Promise<void> {
    this.eachMessage = config.eachMessage;
  }

  async commitOffsets(offsets: { topic: string; partition: number; offset: string }[]): Promise<void> {
    this.commits.push(...offsets);
  }

  seek(target: { topic: string; partition: number; offset: string }): void {
    this.seeks.push(target);
  }

  deliver(offset: string, value: Uint8Array | null, key: Buffer | null = Buffer.from('cart-1')): Promise<void> {
    return this.eachMessage!({
      topic: 'carts.v1',
      partition: 3,
      message: { key, value: value ? Buffer.from(value) : null, offset, headers: { trace: 't-1' } },
      heartbeat: async () => void this.heartbeats++,
    });
  }
}

class FakeProducer {
  readonly sent: { topic: string; messages: { key: Buffer | null; value: Buffer | null; headers: Record<string, unknown> }[] }[] = [];
  failures = 0;

  async send(record: FakeProducer['sent'][number]): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('broker unavailable');
    }
    this.sent.push(record);
  }
}

const added = encode({ type: 'ItemAdded', value: { sku: 'S', quantity: 1, tags: [], fingerprint: new Uint8Array(), channel: 'CHANNEL_WEB', priceHistory: new Map(), stockDelta: 0n, checksum: 0n, weightKg: 0, gift: false, channels: [] }, meta: { eventId: 'e-1', headers: new Map() } });

const ok = { ok: true, value: undefined };
const retryable = { ok: false, error: { kind: 'retryable', message: 'database busy' } };
const poison = { ok: false, error: { kind: 'poison', message: 'unknown sku' } };

function setup(handlers: Partial<Record<string, (e: { type: string }) => unknown>>, extra: Record<string, unknown> = {}) {
  const consumer = new FakeConsumer();
  const producer = new FakeProducer();
  const outcomes: { kind: string; [key: string]: unknown }[] = [];
  const sleeps: number[] = [];
  const all = { ItemAdded: () => ok, ItemRemoved: () => ok, WebCheckout: () => ok, StoreCheckout: () => ok, $unknown: () => ok, ...handlers };
  void run({
    consumer,
    handlers: all,
    deadLetter: { producer },
    commit: 'explicit',
    onOutcome: (o: { kind: string }) => outcomes.push(o),
    sleep: async (ms: number) => void sleeps.push(ms),
    ...extra,
  });
  return { consumer, producer, outcomes, sleeps };
}

test('a handled event is committed at the next offset', async () => {
  const seen: unknown[] = [];
  const { consumer, producer, outcomes } = setup({ ItemAdded: (e) => (seen.push(e), Promise.resolve(ok)) });
  await consumer.deliver('41', added);
  assert.equal((seen[0] as { type: string }).type, 'ItemAdded');
  assert.deepEqual(consumer.commits, [{ topic: 'carts.v1', partition: 3, offset: '42' }]);
  assert.deepEqual(producer.sent, []);
  assert.deepEqual(outcomes, [{ kind: 'handled', topic: 'carts.v1', partition: 3, offset: '41', type: 'ItemAdded' }]);
});

test('a retryable error is retried with backoff and heartbeats, then succeeds', async () => {
  let calls = 0;
  const { consumer, outcomes, sleeps } = setup({ ItemAdded: () => (++calls < 3 ? retryable : ok) });
  await consumer.deliver('7', added);
  assert.equal(calls, 3);
  assert.deepEqual(sleeps, [200, 400]);
  assert.equal(consumer.heartbeats, 2);
  assert.deepEqual(outcomes.map((o) => o.kind), ['retrying', 'retrying', 'handled']);
  assert.deepEqual(consumer.commits, [{ topic: 'carts.v1', partition: 3, offset: '8' }]);
});

test('exhausted retries and poison errors are dead-lettered with the original bytes and error headers', async () => {
  const { consumer, producer, outcomes } = setup({ ItemAdded: () => retryable, ItemRemoved: () => poison }, { retry: { attempts: 2, delayMs: () => 5 } });
  await consumer.deliver('10', added, Buffer.from('k-10'));
  assert.equal(producer.sent.length, 1);
  const [record] = producer.sent;
  assert.equal(record!.topic, 'carts.v1.DLT');
  assert.deepEqual(new Uint8Array(record!.messages[0]!.value!), new Uint8Array(added));
  assert.deepEqual(record!.messages[0]!.key, Buffer.from('k-10'));
  assert.deepEqual(record!.messages[0]!.headers, {
    trace: 't-1',
    '__connect.errors.topic': 'carts.v1',
    '__connect.errors.partition': '3',
    '__connect.errors.offset': '10',
    '__connect.errors.stage': 'handle',
    '__connect.errors.exception.class.name': 'retryable',
    '__connect.errors.exception.message': 'database busy (gave up after 2 attempts)',
    'evt.error.kind': 'retryable',
  });
  assert.deepEqual(outcomes.map((o) => o.kind), ['retrying', 'deadLettered']);
  assert.deepEqual(consumer.commits, [{ topic: 'carts.v1', partition: 3, offset: '11' }]);

  const removed = encode({ type: 'ItemRemoved', value: { sku: 'S', seenAt: [], seenBy: new Map() }, meta: { eventId: 'e-2', headers: new Map() } });
  await consumer.deliver('11', removed);
  assert.equal(producer.sent.length, 2);
  assert.equal(producer.sent[1]!.messages[0]!.headers['evt.error.kind'], 'poison');
  assert.equal(outcomes.at(-1)!.kind, 'deadLettered', 'poison is not retried');
});

test('decode errors, tombstones and throwing handlers are dead-lettered; eachMessage never throws', async () => {
  const { consumer, producer, outcomes } = setup({
    ItemAdded: () => {
      throw new Error('bug in handler');
    },
  });
  await consumer.deliver('1', new Uint8Array([0xff, 0xff]));
  await consumer.deliver('2', null);
  await consumer.deliver('3', added);
  const headers = producer.sent.map((r) => r.messages[0]!.headers);
  assert.deepEqual(
    headers.map((h) => [h['__connect.errors.stage'], h['evt.error.kind']]),
    [
      ['decode', 'malformed'],
      ['decode', 'malformed'],
      ['handle', 'unexpected'],
    ],
  );
  assert.match(String(headers[2]!['__connect.errors.exception.message']), /the handler threw: bug in handler/);
  assert.deepEqual(outcomes.map((o) => o.kind), ['deadLettered', 'deadLettered', 'deadLettered']);
  assert.deepEqual(consumer.commits.map((c) => c.offset), ['2', '3', '4']);
});

test('a newer variant goes to the $unknown handler', async () => {
  const unknown: unknown[] = [];
  const { consumer } = setup({ $unknown: (e) => (unknown.push(e), ok) });
  // Field 14 (length-delimited) is no member of this build's oneof.
  await consumer.deliver('5', new Uint8Array([0x0a, 0x01, 0x45, 0x72, 0x00]));
  assert.equal(unknown.length, 1);
  assert.equal((unknown[0] as { fieldNumber: number }).fieldNumber, 14);
  assert.deepEqual(consumer.commits.map((c) => c.offset), ['6']);
});

test('when the dead-letter topic cannot be written, nothing is committed and the consumer goes back to the message', async () => {
  const { consumer, producer, outcomes } = setup({ ItemAdded: () => poison }, { retry: { attempts: 3, delayMs: () => 1 } });
  producer.failures = 3;
  await consumer.deliver('20', added);
  assert.deepEqual(producer.sent, []);
  assert.deepEqual(consumer.commits, []);
  assert.deepEqual(consumer.seeks, [{ topic: 'carts.v1', partition: 3, offset: '20' }]);
  assert.equal(outcomes.at(-1)!.kind, 'deadLetterFailed');
  // One failure less: the second attempt goes through.
  producer.failures = 1;
  await consumer.deliver('20', added);
  assert.equal(producer.sent.length, 1);
  assert.deepEqual(consumer.commits, [{ topic: 'carts.v1', partition: 3, offset: '21' }]);
});

test('auto commit leaves committing to the consumer; a custom dead-letter topic and a throwing onOutcome are fine', async () => {
  const producer = new FakeProducer();
  const { consumer } = setup(
    { ItemAdded: () => poison, WebCheckout: () => ok },
    {
      commit: 'auto',
      deadLetter: { producer, topic: (t: string) => `${t}-dlq` },
      onOutcome: () => {
        throw new Error('metrics down');
      },
    },
  );
  await assert.doesNotReject(consumer.deliver('1', added));
  const web = encode({ type: 'WebCheckout', value: { lines: [], channel: 'CHANNEL_WEB' }, meta: { eventId: 'w', headers: new Map() } });
  await assert.doesNotReject(consumer.deliver('2', web));
  assert.deepEqual(producer.sent.map((r) => r.topic), ['carts.v1-dlq']);
  assert.deepEqual(consumer.commits, []);
});
