/**
 * An app on a free local port for browser tests, and its stop: open keep-alive connections are
 * closed first, so the server does not wait on the browser's sockets.
 */
import type { Server } from 'node:http';
import type { Express } from 'express';
import { baseUrl } from './browser';

export interface Served {
  server: Server;
  base: string;
  close(): Promise<void>;
}

export async function serve(app: Express): Promise<Served> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    server,
    base: baseUrl(server),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
