/**
 * Folding Vietnamese text for keyword search: citizens type with or without diacritics, in any
 * case, with any input method ("Đèn đường", "den duong", "ĐÈN ĐƯỜNG", decomposed Unicode from
 * some phone keyboards), and a keyword must find all of them.
 *
 * Matching is by whole syllables, not substrings. Once diacritics are gone Vietnamese syllables
 * collide easily ("rác" waste and "rạch" canal become "rac" and "rach"), so a keyword only
 * matches where its syllables appear whole and in sequence: "rác" does not match "rạch", and "đê"
 * (dike) does not match "đèn". The price of folding remains: "đê" still matches "để"; an
 * administrator who needs that distinction writes a longer keyword.
 */

const COMBINING_MARKS = /\p{M}/gu;
const NOT_A_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/u;

/**
 * Lowercases, strips diacritics ('đ' → 'd' too: it has no Unicode decomposition), and reduces the
 * text to its words separated by single spaces, with a space at each end so that a phrase can be
 * found whole with a plain `includes`. Text without any letter or digit folds to ''.
 *
 * NFKD rather than NFD also folds compatibility forms (full-width letters and digits, ligatures).
 */
export function foldForSearch(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .split(NOT_A_LETTER_OR_DIGIT)
    .filter((word) => word !== '');
  return words.length === 0 ? '' : ` ${words.join(' ')} `;
}

/** Whether a folded phrase occurs, as whole words, in a folded text. An empty phrase never does. */
export function containsPhrase(foldedText: string, foldedPhrase: string): boolean {
  return foldedPhrase !== '' && foldedText.includes(foldedPhrase);
}
