// The chain for pre-authenticated download URLs: retried as Graph requests are, but every attempt a
// CORS "simple" request (no headers), since SharePoint's download host answers no preflight.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDownloadChain } from './client';
import { Graph } from './graph';
import { Client } from '@microsoft/microsoft-graph-client';

describe('download()', () => {
  let server: http.Server;
  let url: string;
  const seen: http.IncomingHttpHeaders[] = [];
  let answers: { status: number; headers?: Record<string, string>; body: string }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headers);
      const a = answers.shift() ?? { status: 200, body: 'Åsa 🎉' };
      res.writeHead(a.status, { 'Content-Type': 'text/plain; charset=utf-8', ...a.headers });
      res.end(a.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/_layouts/15/download.aspx?UniqueId=x&tempauth=y`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen.length = 0;
  });

  const graph = () => new Graph(Client.initWithMiddleware({ middleware: createDownloadChain() }), 'v1.0');

  it('reads UTF-8 text, and after a 429 asks again with no Retry-Attempt (nor any other) header', async () => {
    answers = [{ status: 429, headers: { 'Retry-After': '0' }, body: '{"error":{"code":"TooManyRequests","message":"slow down"}}' }];
    expect(await graph().download(url)).toBe('Åsa 🎉');
    expect(seen).toHaveLength(2);
    for (const h of seen) {
      expect(h['retry-attempt']).toBeUndefined();
      expect(h.authorization).toBeUndefined();
    }
  });

  it('maps a failure to a Problem: 404 not-found, a long Retry-After throttled with the wait', async () => {
    answers = [{ status: 404, body: '{"error":{"code":"itemNotFound","message":"gone"}}' }];
    await expect(graph().download(url)).rejects.toMatchObject({ kind: 'not-found', status: 404, code: 'itemNotFound' });
    answers = [{ status: 429, headers: { 'Retry-After': '120' }, body: '' }];
    await expect(graph().download(url)).rejects.toMatchObject({ kind: 'throttled', retryAfterMs: 120_000 });
  });
});
