import { isAllowedPushEndpoint } from './push-endpoint';

const HOSTS = ['fcm.googleapis.com', '*.push.services.mozilla.com', '127.0.0.1'];

describe('isAllowedPushEndpoint', () => {
  it.each([
    ['https://fcm.googleapis.com/fcm/send/abc', true],
    ['https://updates.push.services.mozilla.com/wpush/v2/x', true],
    ['http://127.0.0.1:4567/push/1', true],
    ['https://127.0.0.1:4567/push/1', true],
    ['http://fcm.googleapis.com/fcm/send/abc', false],
    ['https://push.services.mozilla.com.evil.example/x', false],
    ['https://evilpush.services.mozilla.com/x', false],
    ['https://user:pw@fcm.googleapis.com/x', false],
    ['https://10.0.0.1/x', false],
    ['not a url', false],
  ])('%s → %s', (endpoint, allowed) => {
    expect(isAllowedPushEndpoint(endpoint, HOSTS)).toBe(allowed);
  });
});
