// Fault-injecting helpers on top of local-server.ts: servers that are closed after each test, replies
// that misbehave (hang, reset, HTML, redirects), a client pointed at them, and a scan for the API key.
import type { ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import { afterEach, expect } from 'vitest';
import { PortkeyAdmin, type APIPromise, type ClientOptions } from '../../src/index';
import { startServer, type Handler, type LocalServer } from './local-server';

/** The key every fault test uses; long and unusual, so finding it anywhere is never a coincidence. */
export const SECRET_KEY = 'pk-test-SECRET-9f3c1e7a-do-not-leak';

const open: LocalServer[] = [];

/**
 * A local server closed after the current test. Call it from a test file: it registers the afterEach
 * (once per file) that closes every server started since.
 */
export async function server(handler: Handler): Promise<LocalServer> {
  const s = await startServer(handler);
  open.push(s);
  return s;
}

let registered = false;
/** Register, in the calling test file, the hook that closes this file's servers after each test. */
export function closeServersAfterEach(): void {
  if (registered) return;
  registered = true;
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
}

/** A client for `url` with the test key, no retries and a short timeout unless told otherwise. */
export function clientFor(url: string, options: ClientOptions = {}): PortkeyAdmin {
  return new PortkeyAdmin({ apiKey: SECRET_KEY, baseUrl: url, maxRetries: 0, timeout: 2_000, ...options });
}

/**
 * A low-level call by method name, untyped: these tests are about the transport, not the spec's paths,
 * so they must not break when the spec (and with it the typed paths) changes.
 */
export function call(
  portkey: PortkeyAdmin,
  method: 'get' | 'post' | 'put' | 'patch' | 'delete',
  path: string,
  init?: Record<string, unknown>,
): APIPromise<any> {
  return (portkey[method] as (path: string, init?: unknown) => APIPromise<any>)(path, init);
}

/** The rejection of `promise`; fails the test if it resolves. */
export async function rejection(promise: PromiseLike<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** `(status, body, headers)` as a plain-text or HTML reply. */
export function text(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = { 'content-type': 'text/html' },
): void {
  res.writeHead(status, headers);
  res.end(body);
}

/** Never answer: the request stays open until the client gives up or the server closes. */
export function hang(): void {}

/** Drop the connection without a response (ECONNRESET / "other side closed" on the client). */
export function reset(res: ServerResponse): void {
  res.socket?.destroy();
}

/** Answer with a redirect to `location`. */
export function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location });
  res.end();
}

/** Resolve after `ms`. */
export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Every way an error could carry the key to a log: message, stack, enumerable fields, JSON, and a full
 * util.inspect (hidden properties, every level of `cause`). `extra` is checked too (a redaction marker).
 */
export function expectNoSecret(value: unknown, secret: string = SECRET_KEY): void {
  const views: Record<string, string> = {
    inspect: inspect(value, { depth: Infinity, showHidden: true, getters: true }),
    json: safeJSON(value),
    string: String(value),
  };
  if (value instanceof Error) {
    views.message = value.message;
    views.stack = value.stack ?? '';
    views.keys = Object.keys(value)
      .map((k) => `${k}=${inspect((value as any)[k], { depth: Infinity, showHidden: true })}`)
      .join('\n');
    for (let cause: any = value.cause, depth = 0; cause && depth < 5; cause = cause.cause, depth++) {
      views[`cause${depth}`] = `${String(cause?.message)}\n${String(cause?.stack)}`;
    }
  }
  for (const [view, text] of Object.entries(views)) {
    expect(text.includes(secret), `the API key appears in the error's ${view}:\n${text}`).toBe(false);
  }
}

function safeJSON(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch (error) {
    return `<not serialisable: ${String(error)}>`;
  }
}
