/**
 * What sits outside the platform in the notification tests: a mailbox (an SMTP server in this
 * process, smtp-server, whose mails are parsed with mailparser) that can be stopped and started
 * again on the same port (an outage), and an HTTP sink standing for an SMS or Zalo gateway.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Mailbox {
  url: string;
  mails: ParsedMail[];
  /** Mails to one address. */
  to(address: string): ParsedMail[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const mails: ParsedMail[] = [];
  let server: SMTPServer | undefined;
  let port = 0;
  let listening = false;
  const start = async () => {
    if (listening) return;
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then(
          (mail) => {
            mails.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.server.address() as AddressInfo).port;
    listening = true;
  };
  await start();
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    to: (address) => mails.filter((m) => [m.to].flat().some((t) => t?.value.some((v) => v.address === address))),
    stop: async () => {
      if (!listening) return;
      listening = false;
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
    start,
  };
}

export interface GatewayRequest {
  headers: http.IncomingHttpHeaders;
  body: { to: string; text: string; idempotencyKey: string };
}

/** An HTTP gateway: records each POST; `answer` decides the status (default 202). */
export async function startGatewaySink(answer: (r: GatewayRequest) => number = () => 202) {
  const received: GatewayRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
      received.push(r);
      res.writeHead(answer(r), { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
