/**
 * The searched text is folded in Node (api/services/search-text.ts) and Case.searchText by
 * PostgreSQL's search_fold(): a search finds a case only if both fold alike. Compared here on
 * every Vietnamese letter with every tone, in both cases, on sentences, and on each of unaccent's
 * rules (the table scripts/unaccent-table.mjs copied from PostgreSQL's).
 */
import { adoptServerFold, searchFold } from '../api/services/search-text';
import UNACCENT_RULES from '../api/services/unaccent-rules.json';
import { apiDependencies, testConfig } from './support/platform';

const api = apiDependencies(testConfig());
afterAll(async () => {
  await api.close();
});

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** No mark, huyền, sắc, hỏi, ngã, nặng. */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const LETTERS = [
  ...VOWELS.flatMap((v) => TONES.map((t) => `${v}${t}`.normalize('NFC'))),
  ...'bcdđghklmnpqrstvx'.split(''),
].flatMap((l) => [l, l.toUpperCase()]);

const SENTENCES = [
  'Đường Hà Huy Tập bị SỤT LÚN, nhiều ổ gà',
  'Đèn chiếu sáng công cộng không hoạt động nhiều ngày',
  'Nước sinh hoạt bị đục, có mùi lạ\nXô Viết Nghệ Tĩnh, phường Thành Sen',
  'Cơ sở chăn nuôi xả thải ra sông gây ô nhiễm – 22 giờ, 50% diện tích',
  'QUỐC LỘ 1A, KM 512; Kỳ Anh, Hương Khê, Nghi Xuân, Đức Thọ',
  'Trường tiểu học Nguyễn Huy Tự, ngõ 7 đường Phan Đình Phùng',
  'Khu dân cư 한국 and 日本語 text, emoji 🚧 stay as they are',
];

async function sqlFold(texts: string[]): Promise<string[]> {
  const rows = await api.deps.db.$queryRaw<{ folded: string }[]>`
    SELECT search_fold(t) AS folded FROM unnest(${texts}::text[]) WITH ORDINALITY AS x(t, n) ORDER BY n`;
  return rows.map((r) => r.folded);
}

describe('searchFold (Node) and search_fold (PostgreSQL)', () => {
  it(`fold each of the ${LETTERS.length} Vietnamese letters alike`, async () => {
    expect(LETTERS.length).toBe(2 * (VOWELS.length * TONES.length + 17));
    expect(LETTERS.map(searchFold)).toEqual(await sqlFold(LETTERS));
  });

  it('fold sentences alike, punctuation, digits, line breaks and other scripts kept', async () => {
    expect(SENTENCES.map(searchFold)).toEqual(await sqlFold(SENTENCES));
  });

  // The API adopts its server's unaccent at start-up (a PostgreSQL of another version folds some
  // symbols otherwise): then every rule folds alike, whichever server this is.
  it("fold each character of unaccent's rules alike once the server's are adopted, and decomposed marks", async () => {
    await adoptServerFold(api.deps.db);
    const sources = [...Object.keys(UNACCENT_RULES), 'e\u0301', 'Đe\u0323\u0302p'];
    expect(sources.length).toBeGreaterThan(2_000);
    const folded = await sqlFold(sources);
    const differing = sources.filter((s, i) => searchFold(s) !== folded[i]);
    expect(differing).toEqual([]);
  });

  it('leave no diacritic and no đ, in lower case', () => {
    expect(searchFold('ĐƯỜNG Hà Huy Tập bị sụt lún')).toBe('duong ha huy tap bi sut lun');
  });
});
