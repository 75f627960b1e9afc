/**
 * When Temporal cannot be reached, a report is refused with 503 and Retry-After, and nothing
 * half-made is left behind: the API itself never writes a case.
 */
import net from 'node:net';
import request from 'supertest';
import { createApp } from '../api/app';
import { apiDependencies, testConfig } from './support/platform';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it('refuses the report with 503 and leaves no case', async () => {
  const config = testConfig({ TEMPORAL_ADDRESS: `127.0.0.1:${await closedPort()}` });
  const api = apiDependencies(config);
  try {
    const app = createApp(api.deps);
    const before = await api.deps.db.case.count();
    const answer = await request(app)
      .post('/api/v1/reports')
      .set('Idempotency-Key', `no-temporal-${Date.now()}`)
      .send({
        categoryCode: 'giao-thong',
        description: 'Ổ gà lớn giữa đường Trần Phú',
        location: { address: 'Trần Phú, Hà Tĩnh' },
      })
      .expect(503);
    expect(answer.headers['retry-after']).toBe('30');
    expect(answer.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(answer.body.error.message).toMatch(/chưa được ghi nhận/);
    expect(await api.deps.db.case.count()).toBe(before);

    const health = await request(app).get('/healthz').expect(503);
    expect(health.body).toMatchObject({ status: 'unavailable', db: 'ok' });
    expect(health.body.temporal).not.toBe('ok');
  } finally {
    await api.close();
  }
}, 60_000);
