import { fillLetter, letterDate, letterDateTime, placeholdersIn, unknownVariables } from './reply-letters';

describe('reply letters', () => {
  it("write dates as Vietnamese letters do, in Hà Tĩnh's time (UTC+7)", () => {
    // 17:30 UTC is already the next day in Hà Tĩnh.
    expect(letterDate('2026-12-05T17:30:00Z')).toBe('06/12/2026');
    expect(letterDateTime('2026-12-05T17:30:00Z')).toBe('00:30 06/12/2026');
    expect(letterDateTime(new Date('2026-01-09T10:00:00Z'))).toBe('17:00 09/01/2026');
  });

  it('fill the variables given and leave the others to be written or refused', () => {
    const text = 'Kính gửi {{reporterName}}: phản ánh {{ trackingCode }}, kết quả {{result}}, {{ketQua}}.';
    const filled = fillLetter(text, { reporterName: '', trackingCode: 'HT-2612-7K3Q', result: null });
    expect(filled).toBe('Kính gửi : phản ánh HT-2612-7K3Q, kết quả {{result}}, {{ketQua}}.');
    expect(placeholdersIn(filled)).toEqual(['result', 'ketQua']);
    expect(unknownVariables(text)).toEqual(['ketQua']);
    expect(unknownVariables('{{ }} {{tracking-code}}')).toEqual(['', 'tracking-code']);
    expect(fillLetter('Kính gửi: Quý Ông/Bà {{reporterName}}\n\nNội dung', { reporterName: '' })).toBe(
      'Kính gửi: Quý Ông/Bà\n\nNội dung',
    );
  });
});
