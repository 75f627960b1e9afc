/**
 * Zalo's ZNS API in this process (POST /message/template): checks the access_token header, keeps
 * each request, and answers as Zalo does, HTTP 200 with `{ error, message, data }`; the error a
 * phone number gets is the test's choice (0: sent).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ZnsRequest {
  accessToken: string | undefined;
  body: { phone: string; template_id: string; template_data: Record<string, string>; tracking_id: string };
}

export async function startFakeZalo(accessToken: string, errorFor: (phone: string) => number = () => 0) {
  const received: ZnsRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: ZnsRequest = {
        accessToken: req.headers.access_token as string | undefined,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      };
      received.push(r);
      const error = r.accessToken !== accessToken ? -124 : errorFor(r.body.phone);
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(
          JSON.stringify(
            error === 0
              ? { error: 0, message: 'Success', data: { msg_id: `m${received.length}`, sent_time: `${Date.now()}` } }
              : { error, message: `error ${error}` },
          ),
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/message/template`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
