/**
 * docker-compose.yml cannot run here (no Docker engine), so its wiring is checked instead:
 * every reference points at something defined, and the app services get what config needs.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../platform/config';

const root = path.resolve(__dirname, '..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<
    string,
    {
      build?: string;
      image?: string;
      depends_on?: string[] | Record<string, unknown>;
      environment?: Record<string, string>;
      volumes?: string[];
      command?: string[];
      ports?: unknown[];
    }
  >;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const names = Object.keys(services);

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
      const env = Object.fromEntries(
        Object.entries(services[name]!.environment ?? {}).map(([k, v]) => [
          k,
          String(v)
            .replace(/\$\{APP_SECRET[^}]*\}/, 'x'.repeat(32))
            .replace(/\$\{TEMPORAL_PAYLOAD_KEYS[^}]*\}/, `k1:${'A'.repeat(43)}=`),
        ]),
      );
      const config = loadConfig(env);
      expect(names).toContain(new URL(config.DATABASE_URL).hostname);
      expect(names).toContain(config.TEMPORAL_ADDRESS.split(':')[0]);
      for (const url of [env.S3_ENDPOINT, env.SMTP_URL]) expect(names).toContain(new URL(url!).hostname);
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
