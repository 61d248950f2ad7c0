// A lean keep-alive server on 127.0.0.1 for fuzz and load tests. Unlike local-server.ts it keeps no
// record of each request (10 000 of them would weigh on the heap being measured), only a count.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EchoServer {
  url: string;
  /** Requests received so far. */
  readonly count: number;
  /** TCP connections accepted so far: with keep-alive, far fewer than requests. */
  readonly connections: number;
  close(): Promise<void>;
}

/**
 * Answers every request 200 with `body(req)` as JSON; by default `{ rawUrl: req.url }`, the request
 * target exactly as it came off the wire, before any parsing or normalisation.
 */
export async function startEchoServer(
  body: (req: IncomingMessage) => string | Buffer = (req) => JSON.stringify({ rawUrl: req.url }),
): Promise<EchoServer> {
  let count = 0;
  let connections = 0;
  const server = createServer((req, res) => {
    count++;
    req.resume(); // drain any body so the connection can be reused
    req.on('end', () => {
      const payload = body(req);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
      res.end(payload);
    });
  });
  server.on('connection', () => connections++);
  // Longer than any test's idle gap, so the client's pooled connections are reused, not re-opened.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get count() {
      return count;
    },
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
