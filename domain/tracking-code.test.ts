import { newTrackingCode, normaliseTrackingCode, TRACKING_CODE_PATTERN } from './tracking-code';

describe('tracking codes', () => {
  it('names the month of receipt in Vietnam time, not UTC', () => {
    // 30 Nov 2026 20:00 UTC is already 1 Dec 2026 in Hà Tĩnh.
    const code = newTrackingCode('HT', new Date('2026-11-30T20:00:00Z'), () => 0);
    expect(code).toBe('HT-2612-2222');
  });

  it('uses only unambiguous characters', () => {
    let i = 0;
    const sequence = [0.999, 0.5, 0.25, 0.01];
    const code = newTrackingCode('HT', new Date('2026-11-28T03:00:00Z'), () => sequence[i++ % 4]!);
    expect(code).toMatch(TRACKING_CODE_PATTERN);
    expect(code.slice(-4)).not.toMatch(/[01ILOU]/);
  });

  it('reads what people type', () => {
    expect(normaliseTrackingCode(' ht-2611-7k3q ')).toBe('HT-2611-7K3Q');
    expect(normaliseTrackingCode('ht-26l1-7k3q')).toBe('HT-2611-7K3Q');
  });
});
