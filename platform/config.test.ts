import { ConfigError, loadConfig } from './config';

const valid = { DATABASE_URL: 'postgresql://u:p@localhost:5432/db', APP_SECRET: 'x'.repeat(32) };

describe('configuration', () => {
  it('applies defaults to a minimal environment', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({
      PORT: 3000,
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      DEMO_MODE: true,
    });
  });

  it('names every missing or bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL must start with postgresql://');
    expect(message).toContain('APP_SECRET is required');
  });

  it('keeps demo accounts out of production', () => {
    const production = { ...valid, NODE_ENV: 'production', TEMPORAL_PAYLOAD_KEYS: `k1:${'A'.repeat(43)}=` };
    expect(loadConfig(production).DEMO_MODE).toBe(false);
    expect(() => loadConfig({ ...production, DEMO_MODE: 'true' })).toThrow(/DEMO_MODE/);
  });
});
