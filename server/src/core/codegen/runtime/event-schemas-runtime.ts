/**
 * event-schemas runtime: the types every generated module shares, and the consumer loop.
 * `event-schemas generate` writes this file next to the generated modules; it needs no package.
 */

/** The outcome of an operation that can fail: check `ok` before reading `value`. */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/**
 * Why bytes did not decode to an event.
 * - `malformed`: the bytes are not a valid payload; retrying cannot help.
 * - `missingVariant`: a valid envelope that carries no event.
 * - `schemaMismatch`: the bytes were written with a schema this build cannot read (an Avro writer
 *   schema that does not resolve, or the embedded schema failed to load).
 */
export type DecodeError =
  | { readonly kind: "malformed"; readonly message: string }
  | { readonly kind: "missingVariant"; readonly message: string }
  | { readonly kind: "schemaMismatch"; readonly message: string };

/**
 * An event of a variant newer than this build. Every handler set must say what to do with it;
 * encoding it gives back `raw` unchanged.
 */
export interface UnknownEvent<M = undefined> {
  readonly type: "$unknown";
  /** Protobuf: the envelope field number the unknown variant was written under. */
  readonly fieldNumber: number | undefined;
  /** Avro: the full name of the writer's record for the unknown branch. */
  readonly writerType: string | undefined;
  /** The payload as received. */
  readonly raw: Uint8Array;
  /** The envelope's other fields, when the envelope has any. */
  readonly meta: M;
}

/** Throws for a value the type system says cannot exist; the `default` of an exhaustive switch. */
export function assertNever(value: never, what: string): never {
  const v = value as unknown;
  const shown = typeof v === "object" && v !== null && "type" in v ? String((v as { type: unknown }).type) : String(v);
  throw new Error("unhandled " + what + ": " + shown);
}

/** google.protobuf.Value and Struct as plain JSON. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** google.protobuf.Any: the packed message is left encoded. */
export interface ProtoAny {
  readonly typeUrl: string;
  readonly value: Uint8Array;
}

/** Avro's `duration` logical type. */
export interface AvroDuration {
  readonly months: number;
  readonly days: number;
  readonly millis: number;
}

// ---------------------------------------------------------------------------------------------
// Consumer loop

/** What a handler reports. `retryable` errors are retried a bounded number of times, `poison` ones are dead-lettered at once. */
export type HandlerError =
  | { readonly kind: "retryable"; readonly message: string; readonly cause?: unknown }
  | { readonly kind: "poison"; readonly message: string };

export type HandlerResult = Result<void, HandlerError>;

/** The part of a KafkaJS (or @confluentinc/kafka-javascript KafkaJS-compatible) message the loop reads. */
export interface KafkaMessageLike {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly offset: string;
  readonly headers?: { readonly [key: string]: Buffer | string | (Buffer | string)[] | undefined };
}

export interface EachMessagePayloadLike {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessageLike;
  heartbeat?(): Promise<void>;
}

export interface TopicPartitionOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** A KafkaJS `Consumer`, or the KafkaJS-compatible consumer of @confluentinc/kafka-javascript. */
export interface ConsumerLike {
  run(config: { eachMessage(payload: EachMessagePayloadLike): Promise<void> }): Promise<void>;
  commitOffsets?(offsets: TopicPartitionOffset[]): Promise<void>;
  seek?(target: TopicPartitionOffset): void | Promise<void>;
}

export interface DeadLetterRecord {
  readonly topic: string;
  readonly messages: {
    readonly key: Buffer | null;
    readonly value: Buffer | null;
    readonly headers: { [key: string]: Buffer | string | (Buffer | string)[] | undefined };
  }[];
}

/** A KafkaJS `Producer` (or compatible) for the dead-letter topic. */
export interface ProducerLike {
  send(record: DeadLetterRecord): Promise<unknown>;
}

export interface RetryPolicy {
  /** Attempts per message, the first included; at least 1. Default 3. */
  readonly attempts?: number;
  /** Milliseconds to wait before attempt `attempt + 1`. Default: 200 ms doubled per attempt, at most 10 s. */
  readonly delayMs?: (attempt: number) => number;
}

export type ConsumerOutcome =
  | { readonly kind: "handled"; readonly topic: string; readonly partition: number; readonly offset: string; readonly type: string }
  | { readonly kind: "retrying"; readonly topic: string; readonly partition: number; readonly offset: string; readonly attempt: number; readonly message: string }
  | {
      readonly kind: "deadLettered";
      readonly topic: string;
      readonly partition: number;
      readonly offset: string;
      readonly deadLetterTopic: string;
      readonly errorKind: string;
      readonly message: string;
    }
  /** The dead-letter topic could not be written: the offset was not committed and the consumer was sent back to it. */
  | { readonly kind: "deadLetterFailed"; readonly topic: string; readonly partition: number; readonly offset: string; readonly error: unknown }
  /** A commit (explicit mode) or the loop itself failed; the message may be delivered again. */
  | { readonly kind: "failed"; readonly topic: string; readonly partition: number; readonly offset: string; readonly error: unknown };

export interface EventConsumerOptions<H> {
  readonly consumer: ConsumerLike;
  readonly handlers: H;
  readonly deadLetter: {
    readonly producer: ProducerLike;
    /** The dead-letter topic of a source topic. Default: `<topic>.DLT`. */
    readonly topic?: (sourceTopic: string) => string;
  };
  readonly retry?: RetryPolicy;
  /**
   * `auto` (default): the consumer's own auto-commit commits every message `eachMessage` finished.
   * `explicit`: the loop calls `commitOffsets` after each message handled or dead-lettered; run
   * the consumer with auto-commit off.
   */
  readonly commit?: "auto" | "explicit";
  /** Called for every outcome (metrics, logs). Exceptions it throws are ignored. */
  readonly onOutcome?: (outcome: ConsumerOutcome) => void;
  /** Waits between attempts; tests pass one that does not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
}

type Handled = Result<void, HandlerError> | Promise<Result<void, HandlerError>>;

const defaultDelay = (attempt: number): number => Math.min(10000, 200 * 2 ** (attempt - 1));
const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `consumer` with an `eachMessage` that decodes, dispatches and then commits, retries or
 * dead-letters. It never throws out of `eachMessage`: a failure becomes an outcome, so one bad
 * message cannot crash or block the consumer.
 */
export function runEventConsumer<E extends { readonly type: string }, H>(
  options: EventConsumerOptions<H>,
  decode: (bytes: Uint8Array) => Result<E, DecodeError>,
  dispatch: (event: E, handlers: H) => Handled,
): Promise<void> {
  return options.consumer.run({ eachMessage: (payload) => processMessage(payload, options, decode, dispatch) });
}

async function processMessage<E extends { readonly type: string }, H>(
  payload: EachMessagePayloadLike,
  options: EventConsumerOptions<H>,
  decode: (bytes: Uint8Array) => Result<E, DecodeError>,
  dispatch: (event: E, handlers: H) => Handled,
): Promise<void> {
  const { topic, partition, message } = payload;
  const where = { topic, partition, offset: message.offset };
  const report = (outcome: ConsumerOutcome): void => {
    try {
      options.onOutcome?.(outcome);
    } catch {
      // Observability must not change what happens to the message.
    }
  };
  try {
    const attempts = Math.max(1, Math.floor(options.retry?.attempts ?? 3));
    const delay = options.retry?.delayMs ?? defaultDelay;
    const sleep = options.sleep ?? defaultSleep;
    if (message.value === null) {
      await deadLetter(payload, options, "decode", "malformed", "the message has no value (a tombstone)", report);
      return;
    }
    const decoded = decode(message.value);
    if (!decoded.ok) {
      await deadLetter(payload, options, "decode", decoded.error.kind, decoded.error.message, report);
      return;
    }
    for (let attempt = 1; ; attempt++) {
      let result: Result<void, HandlerError>;
      try {
        result = await dispatch(decoded.value, options.handlers);
      } catch (e) {
        await deadLetter(payload, options, "handle", "unexpected", "the handler threw: " + describeError(e), report);
        return;
      }
      if (result.ok) {
        if (await commit(payload, options, report)) report({ kind: "handled", ...where, type: decoded.value.type });
        return;
      }
      if (result.error.kind === "poison" || attempt >= attempts) {
        const suffix = result.error.kind === "retryable" ? " (gave up after " + attempts + " attempts)" : "";
        await deadLetter(payload, options, "handle", result.error.kind, result.error.message + suffix, report);
        return;
      }
      report({ kind: "retrying", ...where, attempt, message: result.error.message });
      await sleep(delay(attempt));
      await payload.heartbeat?.();
    }
  } catch (e) {
    report({ kind: "failed", ...where, error: e });
  }
}

async function deadLetter<H>(
  payload: EachMessagePayloadLike,
  options: EventConsumerOptions<H>,
  stage: "decode" | "handle",
  errorKind: string,
  text: string,
  report: (outcome: ConsumerOutcome) => void,
): Promise<void> {
  const { topic, partition, message } = payload;
  const deadLetterTopic = options.deadLetter.topic?.(topic) ?? topic + ".DLT";
  // Kafka Connect's error headers, so existing dead-letter tooling reads them, plus our own kind.
  const headers: { [key: string]: Buffer | string | (Buffer | string)[] | undefined } = {
    ...message.headers,
    "__connect.errors.topic": topic,
    "__connect.errors.partition": String(partition),
    "__connect.errors.offset": message.offset,
    "__connect.errors.stage": stage,
    "__connect.errors.exception.class.name": errorKind,
    "__connect.errors.exception.message": text,
    "evt.error.kind": errorKind,
  };
  const attempts = Math.max(1, Math.floor(options.retry?.attempts ?? 3));
  const delay = options.retry?.delayMs ?? defaultDelay;
  const sleep = options.sleep ?? defaultSleep;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await options.deadLetter.producer.send({ topic: deadLetterTopic, messages: [{ key: message.key, value: message.value, headers }] });
      if (await commit(payload, options, report)) {
        report({ kind: "deadLettered", topic, partition, offset: message.offset, deadLetterTopic, errorKind, message: text });
      }
      return;
    } catch (e) {
      lastError = e;
      if (attempt < attempts) {
        await sleep(delay(attempt));
        await payload.heartbeat?.();
      }
    }
  }
  report({ kind: "deadLetterFailed", topic, partition, offset: message.offset, error: lastError });
  // Not committed: go back to this message so it is delivered again instead of being lost.
  await options.consumer.seek?.({ topic, partition, offset: message.offset });
}

/** Commits the message in explicit mode; auto mode leaves it to the consumer. False when the commit failed. */
async function commit<H>(payload: EachMessagePayloadLike, options: EventConsumerOptions<H>, report: (outcome: ConsumerOutcome) => void): Promise<boolean> {
  if (options.commit !== "explicit") return true;
  const { topic, partition, message } = payload;
  try {
    if (!options.consumer.commitOffsets) throw new Error("commit is explicit but the consumer has no commitOffsets");
    await options.consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
    return true;
  } catch (e) {
    report({ kind: "failed", topic, partition, offset: message.offset, error: e });
    return false;
  }
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
