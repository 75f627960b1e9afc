/**
 * The searched text is folded in Node (api/services/search-text.ts) and Case.searchText by
 * PostgreSQL's search_fold(): a search finds a case only if both fold alike. Compared here on
 * every Vietnamese letter with every tone, in both cases, on sentences, and on each of unaccent's
 * rules (the table scripts/unaccent-table.mjs copied from PostgreSQL's).
 */
import { createSearchFold } from '../api/services/search-text';
import UNACCENT_RULES from '../api/services/unaccent-rules.json';
import type { Db } from '../platform/db';
import { apiDependencies, testConfig } from './support/platform';

const api = apiDependencies(testConfig());
afterAll(async () => {
  await api.close();
});
/** The copied table's fold, as an API process folds until its server's rules are read. */
const searchFold = createSearchFold().fold;

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
    const server = createSearchFold();
    await server.adoptServer(api.deps.db);
    const sources = [...Object.keys(UNACCENT_RULES), 'e\u0301', 'Đe\u0323\u0302p'];
    expect(sources.length).toBeGreaterThan(2_000);
    const folded = await sqlFold(sources);
    const differing = sources.filter((s, i) => server.fold(s) !== folded[i]);
    expect(differing).toEqual([]);
  });

  it("adopt a server's rules in their own fold only, and in its search condition", async () => {
    // A server that leaves ½ as it is (PostgreSQL 15 does), as the API would read it.
    const rules: Record<string, string> = UNACCENT_RULES;
    const leavesHalves = {
      $queryRaw: async () =>
        Object.keys(rules).map((source) => ({ source, folded: source === '½' ? '½' : rules[source]! })),
    } as unknown as Db;
    const adopting = createSearchFold();
    expect(await adopting.adoptServer(leavesHalves)).toBe(1);
    expect(adopting.fold('Thửa đất ½ ha')).toBe('thua dat ½ ha');
    expect(adopting.containing('½%')).toEqual({ contains: '½\\%' });
    // Another fold of the same process (another app, a test) keeps its own table.
    expect(searchFold('Thửa đất ½ ha')).toBe('thua dat  1/2 ha');
    expect(createSearchFold().containing('½')).toEqual({ contains: ' 1/2' });
  });

  it('leave no diacritic and no đ, in lower case', () => {
    expect(searchFold('ĐƯỜNG Hà Huy Tập bị sụt lún')).toBe('duong ha huy tap bi sut lun');
  });
});
