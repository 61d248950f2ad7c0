// The bench's API server, run in its own process (child_process.fork from run.mjs) so that the
// bench process's cpuUsage() is client work only. Answers GET /integrations/{slug} with a fixed
// integration body over keep-alive connections, counts what it served, and reports counts over IPC.
import { createServer } from 'node:http';
import { API_KEY, BODY, SLUG } from './fixture.mjs';

const body = Buffer.from(BODY);
const okHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': String(body.length),
  'x-portkey-request-id': '8c1f3e2a-5b7d-4c9e-a0f6-3d2b1e4c5a69',
};
const notFound = Buffer.from('{"error":{"message":"Not found"}}');
const stats = { hits: 0, unauthorised: 0, other: 0, lastPath: '' };
const ROUTE = `/integrations/${SLUG}`;

const server = createServer((req, res) => {
  stats.lastPath = req.url;
  if (req.method === 'GET' && req.url === ROUTE) {
    if (req.headers['x-portkey-api-key'] !== API_KEY) {
      stats.unauthorised++;
      res.writeHead(401, { 'content-type': 'application/json', 'content-length': String(notFound.length) });
      res.end(notFound);
      return;
    }
    stats.hits++;
    res.writeHead(200, okHeaders);
    res.end(body);
    return;
  }
  stats.other++;
  res.writeHead(404, { 'content-type': 'application/json', 'content-length': String(notFound.length) });
  res.end(notFound);
});
server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;
server.requestTimeout = 0;

server.listen(0, '127.0.0.1', () => {
  process.send({ type: 'ready', port: server.address().port });
});

process.on('message', (message) => {
  if (message?.type === 'stats') {
    process.send({ type: 'stats', id: message.id, ...stats });
  } else if (message?.type === 'reset') {
    Object.assign(stats, { hits: 0, unauthorised: 0, other: 0, lastPath: '' });
    process.send({ type: 'reset', id: message.id });
  } else if (message?.type === 'close') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
// If the bench dies, do not linger.
process.on('disconnect', () => process.exit(0));
