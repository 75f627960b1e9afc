import { maskedPhone, vietnameseMobile } from './phone-number';

describe('Vietnamese mobile numbers', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['091-234-5678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['0987654321', '+84987654321'],
    ['0356789012', '+84356789012'],
  ])('reads %s as %s', (input, e164) => {
    expect(vietnameseMobile(input)).toBe(e164);
  });

  it.each(['', '12345', '0239 3855 555', '+33 6 12 34 56 78', '0912345678901', 'số điện thoại', '09123456a8'])(
    'refuses %j (not a Vietnamese mobile)',
    (input) => {
      expect(vietnameseMobile(input)).toBeUndefined();
    },
  );

  it('masks the middle digits for logs', () => {
    expect(maskedPhone('+84912345678')).toBe('+8491****678');
  });
});
