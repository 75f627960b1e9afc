/**
 * A push service in this process, standing for FCM or Mozilla's (RFC 8030): it holds browser-side
 * keys of its own (an ECDH P-256 pair and an auth secret, as a browser would), checks each
 * message's VAPID signature (RFC 8292: an ES256 JWT for this origin, signed by the key in `k=`),
 * decrypts the aes128gcm body with http_ece (RFC 8291) and keeps what it read. An endpoint can be
 * made to answer 410 Gone (the browser unsubscribed).
 */
import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ece = require('http_ece') as {
  decrypt(buffer: Buffer, params: { version: string; privateKey: unknown; authSecret: string }): Buffer;
};

export interface PushDelivery {
  endpoint: string;
  headers: http.IncomingHttpHeaders;
  /** The decrypted payload, parsed. */
  payload: { title: string; body: string; url: string; tag: string };
  /** The VAPID claims, once the signature was verified. */
  claims: { aud: string; exp: number; sub: string };
  vapidKey: string;
}

interface Browser {
  ecdh: ReturnType<typeof createECDH>;
  auth: Buffer;
  gone: boolean;
}

/** The JWT's ES256 signature over header.claims, by the public key the header gives (uncompressed, base64url). */
function verifiedClaims(authorization: string): { claims: PushDelivery['claims']; key: string } {
  const match = /^vapid t=([^,]+),\s*k=(\S+)$/.exec(authorization);
  if (!match) throw new Error(`not a VAPID authorization: ${authorization}`);
  const [, token, key] = match as unknown as [string, string, string];
  const [header, body, signature] = token.split('.') as [string, string, string];
  const raw = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const ok = verify(
    'sha256',
    Buffer.from(`${header}.${body}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!ok) throw new Error('VAPID signature does not verify');
  return { claims: JSON.parse(Buffer.from(body, 'base64url').toString('utf8')), key };
}

export async function startFakePushService() {
  const browsers = new Map<string, Browser>();
  const received: PushDelivery[] = [];
  const refused: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = (req.url ?? '').replace(/^\/push\//, '');
      const browser = browsers.get(id);
      if (!browser) return res.writeHead(404).end();
      if (browser.gone) return res.writeHead(410).end();
      try {
        if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error('not aes128gcm');
        const { claims, key } = verifiedClaims(String(req.headers.authorization));
        const plain = ece.decrypt(Buffer.concat(chunks), {
          version: 'aes128gcm',
          privateKey: browser.ecdh,
          authSecret: browser.auth.toString('base64url'),
        });
        received.push({
          endpoint: `${origin}/push/${id}`,
          headers: req.headers,
          payload: JSON.parse(plain.toString('utf8')),
          claims,
          vapidKey: key,
        });
        res.writeHead(201).end();
      } catch (error) {
        refused.push((error as Error).message);
        res.writeHead(400).end((error as Error).message);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    refused,
    /** A new browser: its PushSubscription as the portal posts it. */
    subscribe() {
      const id = randomBytes(12).toString('hex');
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      browsers.set(id, { ecdh, auth, gone: false });
      return {
        endpoint: `${origin}/push/${id}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
        /** The browser unsubscribed: the service answers 410 from now on. */
        unsubscribe: () => {
          browsers.get(id)!.gone = true;
        },
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
