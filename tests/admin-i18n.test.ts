/**
 * The back office has no untranslated key in Vietnamese: every react-admin key (as
 * ra-language-english lists them) has a Vietnamese text, our own messages have the same keys in
 * both languages, and every key the code names — in translate()/notify()/label calls, the
 * choices of enums, and the field labels react-admin derives from `source` — exists in vi.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import englishRa from 'ra-language-english';
import * as choices from '../admin/src/common/choices';
import en from '../admin/src/i18n/en';
import vi from '../admin/src/i18n/vi';
import { REPORT_CHANNELS, reportChannelName } from '../domain/report-channels';
import { CASE_WORDS } from '../api/services/exports/case-words';

type Tree = { [key: string]: string | Tree };
const SRC = path.resolve(__dirname, '..', 'admin', 'src');

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const viKeys = leaves(vi as unknown as Tree);
const enKeys = leaves(en as unknown as Tree);
/** A text in Vietnamese; empty only where English is empty too (ra.boolean.null shows nothing). */
const has = (key: string) => viKeys.has(key) && (viKeys.get(key)!.trim() !== '' || enKeys.get(key)?.trim() === '');
/** A key the code passes as a prefix (`choices(ids, 'domain.status')`): a subtree of messages. */
const isPrefix = (key: string) => [...viKeys.keys()].some((k) => k.startsWith(`${key}.`));

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

const files = sourceFiles().map((file) => ({ file: path.relative(SRC, file), text: readFileSync(file, 'utf8') }));

describe('the Vietnamese messages of the back office', () => {
  it('translate every key of react-admin (ra-language-english)', () => {
    const missing = [...leaves(englishRa as unknown as Tree).keys()].filter((key) => !has(key));
    expect(missing).toEqual([]);
  });

  it('have exactly the keys of the English messages', () => {
    expect([...enKeys.keys()].filter((key) => !has(key))).toEqual([]);
    // The reverse, except ra-language-vietnamese's own extra key of an older react-admin.
    expect([...viKeys.keys()].filter((key) => !enKeys.has(key) && key !== 'ra.navigation.prev')).toEqual([]);
  });

  it('keep the placeholders of the English texts', () => {
    const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differing = [...enKeys]
      .filter(([key]) => !key.startsWith('ra.') && has(key))
      .filter(([key, text]) => {
        const ours = placeholders(viKeys.get(key)!).filter((p) => p !== 'smart_count');
        return JSON.stringify(ours) !== JSON.stringify(placeholders(text).filter((p) => p !== 'smart_count'));
      })
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('have every key the code names literally', () => {
    const literal = /['"`]((?:ra|app|time|password|inbox|domain|resources)\.[A-Za-z0-9_.-]+)['"`]/g;
    const missing = files.flatMap(({ file, text }) =>
      [...text.matchAll(literal)]
        .map((m) => m[1]!)
        .filter((key) => !key.endsWith('.') && !has(key) && !isPrefix(key))
        .map((key) => `${file}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('name every value of the enums the UI shows', () => {
    const expected = [
      ...choices.CASE_STATUSES.map((v) => `domain.status.${v}`),
      ...choices.CASE_STEPS.map((v) => `domain.step.${v}`),
      ...choices.CASE_LEVELS.map((v) => `domain.level.${v}`),
      ...choices.ROLES.map((v) => `domain.role.${v}`),
      ...choices.UNIT_KINDS.map((v) => `domain.unit_kind.${v}`),
      ...choices.DURATION_UNITS.map((v) => `domain.duration_unit.${v}`),
      ...choices.ESCALATION_TARGETS.map((v) => `domain.escalation_target.${v}`),
      ...choices.TEMPLATE_PURPOSES.map((v) => `domain.template_purpose.${v}`),
      ...choices.NOTIFICATION_STATES.map((v) => `domain.notification_state.${v}`),
      ...choices.CHANNELS.map((v) => `domain.channel.${v}`),
      ...['accept', 'reject', 'duplicate', 'request_info', 'route', 'return', 'assign', 'reply', 'request_extension']
        .concat(['grant', 'deny', 'approve', 'send_back', 'reopen', 'close'])
        .map((v) => `domain.outcome.${v}`),
      ...[
        'category_matched',
        'any_category',
        'commune_matched',
        'any_commune',
        'point_in_boundary',
        'keyword_found',
      ].map((v) => `domain.routing_reason.${v}`),
    ];
    expect(expected.filter((key) => !has(key))).toEqual([]);
  });

  it('label every field and input that takes its label from its source', () => {
    // resources.<resource>.fields.<source>, the key react-admin derives when no label is given.
    const resourceOf = (file: string) => {
      if (file.startsWith('monitoring/Notification')) return 'notifications';
      if (file.startsWith('monitoring/AuditLog')) return 'audit-log';
      const folder = file.split('/')[0]!;
      return [
        'cases',
        'units',
        'users',
        'categories',
        'routing-rules',
        'sla-policies',
        'calendars',
        'templates',
        'api-keys',
      ].includes(folder)
        ? folder
        : undefined;
    };
    const tag = /<([A-Z][\w.]*)\b((?:[^>]|=>)*?)\bsource="([^"]+)"((?:[^>]|=>)*?)\/?>/g;
    const missing = files.flatMap(({ file, text }) => {
      const resource = resourceOf(file);
      if (!resource || file.includes('/actions/')) return [];
      return [...text.matchAll(tag)]
        .filter((m) => !/\blabel=/.test(`${m[2]}${m[4]}`) && m[1] !== 'SearchInput')
        .map((m) => `resources.${resource}.fields.${m[3]}`)
        .filter((key) => !has(key))
        .map((key) => `${file}: ${key}`);
    });
    expect(missing).toEqual([]);
  });
});

// Officials compare an exported file with the screen: the exports name statuses, steps, levels and
// channels with the back office's own words, in both languages.
describe("the exports' words for a case", () => {
  const screen = { vi: viKeys, en: enKeys };
  it.each(['vi', 'en'] as const)('are the back office words (%s)', (language) => {
    const differing: string[] = [];
    const compare = (key: string, exported: string) => {
      if (screen[language].get(key) !== exported) differing.push(`${key}: "${exported}" ≠ "${screen[language].get(key)}"`);
    };
    for (const kind of ['status', 'step', 'level'] as const)
      for (const [id, words] of Object.entries(CASE_WORDS[kind])) compare(`domain.${kind}.${id}`, words[language]);
    for (const id of REPORT_CHANNELS) compare(`statistics.channel.${id}`, reportChannelName(id, language));
    expect(differing).toEqual([]);
  });
});
