/**
 * Open311 services: one per active category (Category.code is the service_code), so the list
 * is what administrators configure, never hard-coded. Every service is `realtime`: the tracking
 * code is known as soon as the case's workflow has recorded the report (a second or so).
 *
 * The service definition offers the same two optional attributes for every service:
 * - `level` (singlevaluelist normal/urgent/complex): the reporter's hint of urgency, as on the
 *   platform's own form (operators decide);
 * - `commune_code` (string): the official 5-digit code of the commune (xã/phường) when the
 *   partner knows it; otherwise the platform finds the commune from lat/long.
 * Both optional, so `metadata` is true (there is something to fetch) while a client that never
 * reads the definition can still submit.
 */
import type { Db } from '../../platform/db';
import type { Language } from '../i18n/language';
import { Open311Error } from './format';
import { open311Message } from './messages';

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string | null;
  group: string | null;
}

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

const categorySelect = {
  code: true,
  nameVi: true,
  nameEn: true,
  descriptionVi: true,
  descriptionEn: true,
  group: true,
  active: true,
} as const;

type CategoryRow = {
  code: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string | null;
  descriptionEn: string | null;
  group: string;
};

export async function listServices(db: Db, language: Language): Promise<Open311Service[]> {
  const rows = await db.category.findMany({
    where: { active: true },
    select: categorySelect,
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
  return rows.map((row) => serviceOf(row, language));
}

/** The active category of a service code, or 404 as the spec wants for an unknown service. */
export async function findService(db: Db, code: string, language: Language): Promise<CategoryRow> {
  const row = await db.category.findUnique({ where: { code }, select: categorySelect });
  if (!row?.active) throw Open311Error.of(404, open311Message('service_unknown', language, { code }));
  return row;
}

export function serviceOf(row: CategoryRow, language: Language): Open311Service {
  return {
    service_code: row.code,
    service_name: language === 'vi' ? row.nameVi : row.nameEn,
    description: (language === 'vi' ? row.descriptionVi : row.descriptionEn) ?? null,
    metadata: true,
    type: 'realtime',
    // Synonyms help search: both languages' names.
    keywords: [row.nameVi, row.nameEn].join(', '),
    group: row.group,
  };
}

const LEVEL_NAMES = {
  normal: { en: 'Normal', vi: 'Bình thường' },
  urgent: { en: 'Urgent (danger to people or property)', vi: 'Khẩn (nguy hiểm cho người, tài sản)' },
  complex: { en: 'Complex (several agencies involved)', vi: 'Phức tạp (liên quan nhiều cơ quan)' },
} as const;

export const LEVEL_KEYS = Object.keys(LEVEL_NAMES) as (keyof typeof LEVEL_NAMES)[];

export function serviceAttributes(language: Language): Open311Attribute[] {
  const vi = language === 'vi';
  return [
    {
      variable: true,
      code: 'level',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: null,
      order: 1,
      description: vi
        ? 'Mức độ theo đánh giá của người phản ánh (Trung tâm IOC quyết định mức độ cuối cùng).'
        : "The reporter's view of how pressing it is (the IOC's operators decide).",
      values: LEVEL_KEYS.map((key) => ({ key, name: LEVEL_NAMES[key][language] })),
    },
    {
      variable: true,
      code: 'commune_code',
      datatype: 'string',
      required: false,
      datatype_description: vi
        ? 'Mã đơn vị hành chính cấp xã, 5 chữ số, ví dụ 18073.'
        : 'The official 5-digit code of the commune or ward, e.g. 18073.',
      order: 2,
      description: vi
        ? 'Xã/phường nơi xảy ra sự việc, nếu biết; nếu không, hệ thống tự xác định từ lat/long.'
        : 'The commune or ward where it happens, if known; otherwise it is found from lat/long.',
    },
  ];
}
