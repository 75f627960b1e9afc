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

describe('TRUST_PROXY', () => {
  const trust = (value?: string) =>
    loadConfig({ ...valid, ...(value !== undefined && { TRUST_PROXY: value }) }).TRUST_PROXY;

  it("takes Express's values: false, a hop count, addresses, CIDR ranges and named ranges", () => {
    expect(trust()).toEqual(['loopback']);
    expect(trust('false')).toBe(false);
    expect(trust('2')).toBe(2);
    expect(trust('loopback, 10.0.0.0/8,192.168.1.5, fd00::/8, uniquelocal')).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.168.1.5',
      'fd00::/8',
      'uniquelocal',
    ]);
  });

  it('refuses true and anything that is not an address, naming the bad items', () => {
    expect(() => trust('true')).toThrow(/TRUST_PROXY must not be true/);
    expect(() => trust('10.0.0.0/33')).toThrow(/TRUST_PROXY .*not "10.0.0.0\/33"/);
    expect(() => trust('loopback,proxy.example')).toThrow(/not "proxy.example"/);
    expect(() => trust('')).toThrow(/TRUST_PROXY/);
  });
});

describe('BACK_OFFICE_ORIGINS', () => {
  it('takes a comma list of origins and refuses anything else by name', () => {
    expect(
      loadConfig({ ...valid, BACK_OFFICE_ORIGINS: 'https://quantri.hatinh.gov.vn/, http://10.0.0.5:3000' })
        .BACK_OFFICE_ORIGINS,
    ).toEqual(['https://quantri.hatinh.gov.vn', 'http://10.0.0.5:3000']);
    expect(loadConfig(valid).BACK_OFFICE_ORIGINS).toEqual([]);
    expect(() => loadConfig({ ...valid, BACK_OFFICE_ORIGINS: 'https://quantri.hatinh.gov.vn/admin' })).toThrow(
      /BACK_OFFICE_ORIGINS.*must be origins like https:\/\/quantri.example.vn/,
    );
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
