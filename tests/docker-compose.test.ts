/**
 * docker-compose.yml cannot run here (no Docker engine), so its wiring is checked instead:
 * every reference points at something defined, and the app services get what config needs.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SENDER_SETTINGS } from '../notifications/channels';
import { loadConfig } from '../platform/config';

const root = path.resolve(__dirname, '..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<
    string,
    {
      build?: string;
      image?: string;
      depends_on?: string[] | Record<string, unknown>;
      /** null: given without a value, taken from the shell (or .env), unset when it has none. */
      environment?: Record<string, string | null>;
      volumes?: string[];
      command?: string[];
      ports?: unknown[];
    }
  >;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const names = Object.keys(services);

/** A service's environment as Compose gives it, `shell` standing for the shell's variables. */
function environmentOf(name: string, shell: Record<string, string> = {}): Record<string, string> {
  const given = Object.entries(services[name]!.environment ?? {}).flatMap(([k, v]): [string, string][] => {
    if (v === null) return k in shell ? [[k, shell[k]!]] : [];
    const value = String(v)
      .replace(/\$\{APP_SECRET[^}]*\}/, 'x'.repeat(32))
      .replace(/\$\{TEMPORAL_PAYLOAD_KEYS[^}]*\}/, `k1:${'A'.repeat(43)}=`);
    return [[k, value]];
  });
  return Object.fromEntries(given);
}

describe('docker-compose.yml', () => {
  it('has the production shape', () => {
    expect(names).toEqual(
      expect.arrayContaining(['postgres', 'temporal', 'temporal-ui', 'api', 'worker', 'minio', 'mail']),
    );
    expect((services.worker as { deploy?: { replicas?: number } }).deploy?.replicas).toBeGreaterThan(1);
  });

  it.each(names)('service %s depends only on defined services', (name) => {
    const dependsOn = services[name]!.depends_on ?? [];
    for (const dependency of Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn))
      expect(names).toContain(dependency);
  });

  it.each(names)('service %s has an image or a buildable context, and its mounts exist', (name) => {
    const service = services[name]!;
    expect(service.image ?? service.build).toBeDefined();
    if (service.build) expect(existsSync(path.join(root, service.build, 'Dockerfile'))).toBe(true);
    for (const volume of service.volumes ?? []) {
      const source = volume.split(':')[0]!;
      if (source.startsWith('.')) expect(existsSync(path.join(root, source))).toBe(true);
      else expect(Object.keys(compose.volumes)).toContain(source);
    }
  });

  it('points the app services at hosts that are services, and satisfies the config schema', () => {
    for (const name of ['api', 'worker', 'migrate']) {
      const env = environmentOf(name);
      const config = loadConfig(env);
      expect(names).toContain(new URL(config.DATABASE_URL).hostname);
      expect(names).toContain(config.TEMPORAL_ADDRESS.split(':')[0]);
      for (const url of [env.S3_ENDPOINT, env.SMTP_URL]) expect(names).toContain(new URL(url!).hostname);
    }
  });

  it('passes every notification channel setting to the API and the workers, from the shell when set', () => {
    // Zalo through ZNS and Web Push, as an operator's shell or .env would give them.
    const shell = {
      MAIL_FROM: '"Phản ánh hiện trường Hà Tĩnh" <canhbao@hatinh.gov.vn>',
      SMS_GATEWAY_URL: 'https://sms.example.vn/send',
      SMS_GATEWAY_TOKEN: 'sms-token',
      ZALO_MODE: 'zns',
      ZALO_ACCESS_TOKEN: 'zns-token',
      ZALO_TEMPLATE_ID: '231456',
      WEB_PUSH_VAPID_PUBLIC_KEY: `B${'A'.repeat(86)}`,
      WEB_PUSH_VAPID_PRIVATE_KEY: 'A'.repeat(43),
      WEB_PUSH_VAPID_SUBJECT: 'mailto:ioc@hatinh.gov.vn',
      WEB_PUSH_SERVICE_HOSTS: 'fcm.googleapis.com',
    };
    for (const name of ['api', 'worker']) {
      expect([name, Object.keys(services[name]!.environment ?? {})]).toEqual([
        name,
        expect.arrayContaining([...SENDER_SETTINGS]),
      ]);
      const config = loadConfig(environmentOf(name, shell));
      expect(config).toMatchObject({ ...shell, WEB_PUSH_SERVICE_HOSTS: ['fcm.googleapis.com'] });
      // None set: the channels are off, the defaults apply.
      const plain = loadConfig(environmentOf(name));
      expect(plain).toMatchObject({ ZALO_MODE: 'gateway', SMTP_URL: 'smtp://mail:1025' });
      expect(plain.WEB_PUSH_VAPID_PUBLIC_KEY).toBeUndefined();
    }
  });

  it("publishes neither Temporal's frontend nor its Web UI (only the API and workers reach them)", () => {
    for (const name of ['temporal', 'temporal-ui']) expect([name, services[name]!.ports ?? []]).toEqual([name, []]);
    for (const [name, service] of Object.entries(services))
      for (const port of service.ports ?? [])
        expect([name, String(port)]).not.toEqual([name, expect.stringMatching(/7233|8233|8080/)]);
  });

  it('publishes only the API to the network; the storage console and the mail catcher to the loopback', () => {
    for (const [name, service] of Object.entries(services))
      for (const port of service.ports ?? [])
        if (name !== 'api') expect([name, String(port)]).toEqual([name, expect.stringMatching(/^127\.0\.0\.1:/)]);
    expect(services.api!.ports).toEqual(['3000:3000']);
  });

  it('requires the Temporal payload keys from the environment for every app service', () => {
    for (const name of ['api', 'worker', 'migrate'])
      expect(services[name]!.environment?.TEMPORAL_PAYLOAD_KEYS).toMatch(/^\$\{TEMPORAL_PAYLOAD_KEYS:\?[^}]+\}$/);
  });

  it('runs the scripts the services name', () => {
    for (const name of ['api', 'worker']) {
      const script = services[name]!.command!.at(-1)!;
      expect(existsSync(path.join(root, script))).toBe(true);
    }
  });
});
