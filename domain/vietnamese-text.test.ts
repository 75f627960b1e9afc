import { containsPhrase, foldForSearch } from './vietnamese-text';

describe('foldForSearch', () => {
  it('removes case and diacritics, including đ and Đ', () => {
    expect(foldForSearch('Đèn ĐƯỜNG hỏng')).toBe(' den duong hong ');
    expect(foldForSearch('Ngập nước ở Phường Thành Sen')).toBe(' ngap nuoc o phuong thanh sen ');
  });

  it('folds decomposed (NFD) input, as some keyboards send it, like composed input', () => {
    const decomposed = 'đèn đường'.normalize('NFD');
    expect(decomposed).not.toBe('đèn đường');
    expect(foldForSearch(decomposed)).toBe(' den duong ');
  });

  it('treats punctuation and line breaks as word separators', () => {
    expect(foldForSearch('Rác,rác!!\n(đầy)  ')).toBe(' rac rac day ');
  });

  it('folds text without letters or digits to the empty string', () => {
    expect(foldForSearch('')).toBe('');
    expect(foldForSearch('  ,.;  ')).toBe('');
  });

  it('keeps digits, and folds full-width forms', () => {
    expect(foldForSearch('QL1A km 512')).toBe(' ql1a km 512 ');
    expect(foldForSearch('ＱＬ１Ａ')).toBe(' ql1a ');
  });
});

describe('containsPhrase', () => {
  const text = foldForSearch('Cột đèn đường trước nhà số 5 bị đổ, rác ứ đọng');

  it('finds a phrase with or without diacritics, in any case', () => {
    for (const keyword of ['đèn đường', 'den duong', 'ĐÈN ĐƯỜNG', 'Den Duong']) {
      expect(containsPhrase(text, foldForSearch(keyword))).toBe(true);
    }
  });

  it('matches whole syllables only: "rạch" (canal) is not "rác" (waste), "đê" is not in "đèn"', () => {
    expect(containsPhrase(text, foldForSearch('rác'))).toBe(true);
    expect(containsPhrase(text, foldForSearch('rạch'))).toBe(false);
    expect(containsPhrase(text, foldForSearch('đê'))).toBe(false);
  });

  it('needs the words of a phrase in sequence', () => {
    expect(containsPhrase(text, foldForSearch('đường đèn'))).toBe(false);
    expect(containsPhrase(text, foldForSearch('cột đèn'))).toBe(true);
  });

  it('never matches an empty phrase', () => {
    expect(containsPhrase(text, foldForSearch('   '))).toBe(false);
    expect(containsPhrase('', '')).toBe(false);
  });
});
