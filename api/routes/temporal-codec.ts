/**
 * Temporal's remote codec endpoint (https://docs.temporal.io/production-deployment/data-encryption):
 * its Web UI posts `{ payloads: [{ metadata: { k: base64 }, data: base64 }] }` to `<endpoint>/decode`
 * with the official's session cookie ("include credentials") and shows what comes back. Only
 * TEMPORAL_UI_URL's origin is allowed cross-origin. No /encode: the platform starts and signals
 * workflows itself, never through the UI.
 */
import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import cors from 'cors';
import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { authenticate, authOf, requireOfficial } from '../middleware/authenticate';
import { decodeTemporalPayloads } from '../services/decode-temporal-payloads';
import type { LogInDependencies } from '../services/log-in';
import { parseInput } from '../validation';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
const codecRequest = z.object({
  payloads: z.array(z.object({ metadata: z.record(base64).default({}), data: base64.optional() }).strict()).max(1_000),
});

const toPayload = (p: z.infer<typeof codecRequest>['payloads'][number]): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});
const fromPayload = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

export function temporalCodecRoutes(deps: {
  db: Db;
  temporal: Client;
  config: LogInDependencies['config'] & Pick<Config, 'TEMPORAL_UI_URL'>;
}): Router {
  const router = Router();
  const uiOrigin = deps.config.TEMPORAL_UI_URL ? new URL(deps.config.TEMPORAL_UI_URL).origin : undefined;
  router.use(
    cors({
      origin: (origin, callback) => callback(null, origin !== undefined && origin === uiOrigin),
      credentials: true,
      methods: ['POST'],
      allowedHeaders: ['Content-Type', 'X-Namespace'],
      maxAge: 600,
    }),
  );
  router.use(authenticate(deps), requireOfficial());

  router.post('/decode', async (req, res) => {
    const auth = authOf(req);
    const { payloads } = parseInput(codecRequest, req.body);
    const decoded = await decodeTemporalPayloads(
      { db: deps.db, codecs: deps.temporal.options.loadedDataConverter.payloadCodecs },
      {
        ability: auth.ability,
        userId: auth.user.id,
        namespace: req.get('X-Namespace'),
        ip: req.ip,
        requestId: String(req.id),
      },
      payloads.map(toPayload),
    );
    res.setHeader('Cache-Control', 'no-store');
    res.json({ payloads: decoded.map(fromPayload) });
  });
  return router;
}
