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
    expect(loadConfig({ ...valid, NODE_ENV: 'production' }).DEMO_MODE).toBe(false);
    expect(() => loadConfig({ ...valid, NODE_ENV: 'production', DEMO_MODE: 'true' })).toThrow(/DEMO_MODE/);
  });

  it("keeps points in the province's box: Hà Tĩnh's by default, another as west,south,east,north", () => {
    expect(loadConfig(valid).PROVINCE_BOUNDS).toEqual({ west: 105.05, south: 17.85, east: 106.6, north: 18.9 });
    expect(loadConfig({ ...valid, PROVINCE_BOUNDS: '107.1, 16.0, 108.2, 16.8' }).PROVINCE_BOUNDS).toEqual({
      west: 107.1,
      south: 16,
      east: 108.2,
      north: 16.8,
    });
    for (const bad of ['18.9,105.05', '106.6,17.85,105.05,18.9', '105,17,106,x', '105,-95,106,18']) {
      expect(() => loadConfig({ ...valid, PROVINCE_BOUNDS: bad })).toThrow(
        /PROVINCE_BOUNDS must be west,south,east,north/,
      );
    }
  });
});
