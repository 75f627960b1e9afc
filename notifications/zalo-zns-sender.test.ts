import { znsPhone } from './zalo-zns-sender';

describe('znsPhone', () => {
  it.each([
    ['0912345678', '84912345678'],
    ['+84912345678', '84912345678'],
    ['84912345678', '84912345678'],
    ['0912 345 678', '84912345678'],
    ['912345678', '84912345678'],
  ])('%s → %s', (phone, expected) => {
    expect(znsPhone(phone)).toBe(expected);
  });
});
