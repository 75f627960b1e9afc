import { isSealed, openText, sealText } from './sealed-text';

describe('sealed message text', () => {
  it('hides the text and opens it again with the same secret only', () => {
    const sealed = sealText('a'.repeat(32), 'Mã đăng nhập 482913');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('482913');
    expect(openText('a'.repeat(32), sealed)).toBe('Mã đăng nhập 482913');
    expect(() => openText('b'.repeat(32), sealed)).toThrow();
  });

  it('leaves text that was not sealed as it is', () => {
    expect(openText('a'.repeat(32), 'Hà Tĩnh: phản ánh đã tiếp nhận')).toBe('Hà Tĩnh: phản ánh đã tiếp nhận');
  });
});
