import { cleanInput, textProblem } from './input-text';

const BODY = { multiLine: true };
const URL_TEXT = { multiLine: false };

describe('textProblem', () => {
  it.each([
    ['U+0000', '\u0000'],
    ['U+0001', '\u0001'],
    ['U+001B', '\u001b'],
    ['U+007F', '\u007f'],
    ['U+0085', '\u0085'],
    ['U+009F', '\u009f'],
  ])('refuses the control character %s, by its name', (name, character) => {
    expect(textProblem(`Đèn ${character}đường`, BODY)).toEqual({
      code: 'control_character',
      params: { character: name },
    });
  });

  it('allows tab, line feed and carriage return in multi-line text only', () => {
    expect(textProblem('Dòng một\r\nDòng hai\tcột', BODY)).toBeUndefined();
    expect(textProblem('a\nb', URL_TEXT)).toEqual({ code: 'control_character', params: { character: 'U+000A' } });
    expect(textProblem('a\tb', URL_TEXT)).toEqual({ code: 'control_character', params: { character: 'U+0009' } });
  });

  it('refuses a lone surrogate, high or low, and takes a pair (an emoji)', () => {
    expect(textProblem('a\ud800', BODY)).toEqual({ code: 'invalid_unicode' });
    expect(textProblem('\udc00a', BODY)).toEqual({ code: 'invalid_unicode' });
    expect(textProblem('Ổ gà 😡 \u00a0', BODY)).toBeUndefined();
  });
});

describe('cleanInput', () => {
  it('puts every string in NFC, keys and nested values included, and keeps the rest as is', () => {
    const nfd = 'đường'.normalize('NFD');
    const input = { [nfd]: [nfd, 1, true, null, { name: nfd }] };
    const { value, problems } = cleanInput(input, BODY);
    expect(problems).toEqual({});
    expect(value).toEqual({ đường: ['đường', 1, true, null, { name: 'đường' }] });
    expect(JSON.stringify(value)).toBe(JSON.stringify(value).normalize('NFC'));
  });

  it('names the field of each refused text by its path', () => {
    const { problems } = cleanInput(
      { reporter: { name: 'A\u0000' }, media: ['ok', '\ud800'], description: 'fine\nlines' },
      BODY,
    );
    expect(problems).toEqual({
      'reporter.name': { code: 'control_character', params: { character: 'U+0000' } },
      'media.1': { code: 'invalid_unicode' },
    });
  });

  it('reports a refused key where it sits, and a bare refused string as _', () => {
    expect(cleanInput({ a: { 'b\u0001': 1 } }, BODY).problems).toEqual({
      a: { code: 'control_character', params: { character: 'U+0001' } },
    });
    expect(cleanInput('\u0000', BODY).problems).toEqual({
      _: { code: 'control_character', params: { character: 'U+0000' } },
    });
  });
});
