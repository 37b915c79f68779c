/**
 * A small Confluent-compatible schema registry on 127.0.0.1 for tests: the documented subset of
 * the REST API (subjects, versions, schemas by id, config) with the real error codes, behind
 * optional basic or bearer authentication. No real registry can run on these machines.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeVersion {
  readonly schema: string;
  readonly schemaType?: 'AVRO' | 'PROTOBUF' | 'JSON';
  readonly references?: readonly { name: string; subject: string; version: number }[];
  /** Answer the version without its text, so clients must follow the id to /schemas/ids/{id}. */
  readonly omitSchema?: boolean;
}

export interface FakeRegistryOptions {
  readonly subjects?: Record<string, readonly FakeVersion[]>;
  readonly auth?: { readonly basic?: { user: string; password: string }; readonly bearer?: string };
  readonly globalLevel?: string;
  readonly subjectLevels?: Record<string, string>;
  /** Accept requests and never answer them. */
  readonly stall?: boolean;
  /** Answer every request with this body and status 200, e.g. text that is not JSON. */
  readonly rawBody?: string;
}

export interface FakeRegistry {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** Method and path of every request, in order. */
  readonly requests: string[];
  /** The Authorization header of every request ('' when absent). */
  readonly authorizations: string[];
  close(): Promise<void>;
}

interface Stored extends FakeVersion {
  readonly id: number;
  readonly version: number;
  readonly subject: string;
}

export async function startFakeRegistry(options: FakeRegistryOptions = {}): Promise<FakeRegistry> {
  const bySubject = new Map<string, Stored[]>();
  const byId = new Map<number, Stored>();
  let nextId = 1;
  for (const [subject, versions] of Object.entries(options.subjects ?? {})) {
    const stored = versions.map((v, i) => ({ ...v, id: nextId++, version: i + 1, subject }));
    bySubject.set(subject, stored);
    for (const s of stored) byId.set(s.id, s);
  }
  const requests: string[] = [];
  const authorizations: string[] = [];

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const authorized = (req: IncomingMessage): boolean => {
    const auth = options.auth;
    if (!auth) return true;
    const header = req.headers.authorization ?? '';
    if (auth.basic && header === 'Basic ' + Buffer.from(`${auth.basic.user}:${auth.basic.password}`).toString('base64')) return true;
    if (auth.bearer && header === `Bearer ${auth.bearer}`) return true;
    return false;
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}`);
    authorizations.push(req.headers.authorization ?? '');
    if (options.stall) return; // never answer
    if (options.rawBody !== undefined) return send(res, 200, options.rawBody);
    if (!authorized(req)) return send(res, 401, { error_code: 401, message: 'Unauthorized' });
    if (req.method !== 'GET') return send(res, 405, { error_code: 405, message: 'HTTP 405 Method Not Allowed' });
    const parts = url.pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);

    if (parts.length === 1 && parts[0] === 'subjects') return send(res, 200, [...bySubject.keys()]);
    if (parts[0] === 'subjects' && parts.length >= 3 && parts[2] === 'versions') {
      const versions = bySubject.get(parts[1]!);
      if (!versions) return send(res, 404, { error_code: 40401, message: `Subject '${parts[1]}' not found.` });
      if (parts.length === 3) return send(res, 200, versions.map((v) => v.version));
      const wanted = parts[3] === 'latest' ? versions[versions.length - 1] : versions.find((v) => String(v.version) === parts[3]);
      if (!wanted) return send(res, 404, { error_code: 40402, message: `Version ${parts[3]} not found.` });
      if (parts.length === 5 && parts[4] === 'schema') return send(res, 200, wanted.schema);
      return send(res, 200, versionBody(wanted));
    }
    if (parts[0] === 'schemas' && parts[1] === 'ids' && parts.length === 3) {
      const s = byId.get(Number(parts[2]));
      if (!s) return send(res, 404, { error_code: 40403, message: `Schema ${parts[2]} not found` });
      return send(res, 200, { schema: s.schema, ...(s.schemaType && s.schemaType !== 'AVRO' ? { schemaType: s.schemaType } : {}), ...(s.references ? { references: s.references } : {}) });
    }
    if (parts[0] === 'config' && parts.length === 1) return send(res, 200, { compatibilityLevel: options.globalLevel ?? 'BACKWARD' });
    if (parts[0] === 'config' && parts.length === 2) {
      const own = options.subjectLevels?.[parts[1]!];
      if (own) return send(res, 200, { compatibilityLevel: own });
      if (url.searchParams.get('defaultToGlobal') === 'true') return send(res, 200, { compatibilityLevel: options.globalLevel ?? 'BACKWARD' });
      return send(res, 404, { error_code: 40408, message: `Subject '${parts[1]}' does not have subject-level compatibility configured` });
    }
    return send(res, 404, { error_code: 404, message: 'HTTP 404 Not Found' });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function versionBody(s: Stored): Record<string, unknown> {
  return {
    subject: s.subject,
    version: s.version,
    id: s.id,
    // Confluent leaves schemaType out for Avro.
    ...(s.schemaType && s.schemaType !== 'AVRO' ? { schemaType: s.schemaType } : {}),
    ...(s.omitSchema ? {} : { schema: s.schema }),
    ...(s.references ? { references: s.references } : {}),
  };
}

/** A port nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
