/**
 * The ceiling of the HTTP figures: a bare Node HTTP server in its own process that reads the JSON
 * body, parses it and answers 201 with a small JSON, doing nothing else. What the load generator
 * and Node's HTTP stack can do on this machine; no API can be faster.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, stopChild, waitForPort } from '../../scripts/lib/services.mjs';

const SERVER = `
const http = require('node:http');
let n = 0;
http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const id = String(++n);
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id, trackingCode: 'HT' + id, status: 'verifying', category: body.categoryCode }));
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

export async function startBareServer(): Promise<{
  baseUrl: string;
  pid: number;
  child: ChildProcess;
  stop: () => Promise<void>;
}> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', SERVER], {
    env: { ...process.env, PORT: String(port) },
    detached: true,
    stdio: 'ignore',
  });
  await waitForPort(port, { child, timeoutMs: 30_000 });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    stop: () => stopChild(child, 'SIGTERM', 5_000),
  };
}
