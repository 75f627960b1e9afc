/**
 * Which push endpoints the platform POSTs to: a browser's subscription names a URL, and the
 * worker sends to it, so only the push services of WEB_PUSH_SERVICE_HOSTS are accepted (else a
 * "subscription" could make the worker call any address, an internal one included). https only;
 * http solely for a loopback host the setting names itself (a local push service in tests).
 */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isAllowedPushEndpoint(endpoint: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  const listed = hosts.some((pattern) =>
    pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern,
  );
  if (!listed) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(host));
}
