/**
 * The units that handle reports: the province's operations centre (IOC), one People's Committee
 * per commune, the provincial departments and two utilities.
 *
 * Department names after the merger of 01/03/2025 (QĐ 347/QĐ-UBND, 19/02/2025), per the shared
 * domain README:
 * - AS REPORTED by the press (news.laodong.vn, 01/03/2025): Sở Tài chính, Sở Xây dựng,
 *   Sở Khoa học và Công nghệ, Sở Nông nghiệp và Môi trường, Sở Nội vụ.
 * - NOT VERIFIED (likely unchanged): Sở Công Thương, Sở Y tế, Sở Giáo dục và Đào tạo,
 *   Sở Văn hóa, Thể thao và Du lịch, Sở Tư pháp, Thanh tra tỉnh, Văn phòng UBND tỉnh,
 *   Công an tỉnh.
 * - NOT VERIFIED (not in the README): the electricity and water companies, PCHT and CNHT.
 * Administrators correct names in the back office; the seed never overwrites a unit.
 */
import type { Db } from '../../platform/db';
import type { UnitKind } from '../generated/client';
import { communeTitle, haTinhCommunes } from './communes';
import { seedId } from './seed-id';

export interface SeedUnit {
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  communeCodes: string[];
}

export const IOC_CODE = 'IOC';

const IOC: SeedUnit = {
  code: IOC_CODE,
  name: 'Trung tâm Giám sát, điều hành đô thị thông minh tỉnh Hà Tĩnh',
  nameEn: 'Ha Tinh Provincial Smart City Monitoring and Operations Centre',
  kind: 'ioc',
  communeCodes: [],
};

const department = (code: string, name: string, nameEn: string, kind: UnitKind = 'department'): SeedUnit => ({
  code,
  name,
  nameEn,
  kind,
  communeCodes: [],
});

export const DEPARTMENTS: readonly SeedUnit[] = [
  // As reported (laodong.vn, 01/03/2025).
  department('STC', 'Sở Tài chính', 'Department of Finance'),
  department('SXD', 'Sở Xây dựng', 'Department of Construction'),
  department('SKHCN', 'Sở Khoa học và Công nghệ', 'Department of Science and Technology'),
  department('SNNMT', 'Sở Nông nghiệp và Môi trường', 'Department of Agriculture and Environment'),
  department('SNV', 'Sở Nội vụ', 'Department of Home Affairs'),
  // Likely unchanged, not verified.
  department('SCT', 'Sở Công Thương', 'Department of Industry and Trade'),
  department('SYT', 'Sở Y tế', 'Department of Health'),
  department('SGDDT', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training'),
  department('SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'Department of Culture, Sports and Tourism'),
  department('STP', 'Sở Tư pháp', 'Department of Justice'),
  department('TTT', 'Thanh tra tỉnh', 'Provincial Inspectorate'),
  department('VPUBND', 'Văn phòng UBND tỉnh', "Office of the Provincial People's Committee"),
  department('CAT', 'Công an tỉnh', 'Provincial Police'),
  // Utilities that handle electricity and water reports; names not verified.
  department('PCHT', 'Công ty Điện lực Hà Tĩnh', 'Ha Tinh Power Company', 'other'),
  department('CNHT', 'Công ty Cổ phần Cấp nước Hà Tĩnh', 'Ha Tinh Water Supply Joint Stock Company', 'other'),
];

/** "Thành Sen" → "Thanh Sen": English names carry no diacritics. */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

export function communeUnits(): SeedUnit[] {
  return haTinhCommunes().map((commune) => ({
    code: commune.code,
    name: `UBND ${communeTitle(commune)}`,
    nameEn: `${withoutDiacritics(commune.name)} ${commune.kind === 'ward' ? 'Ward' : 'Commune'} People's Committee`,
    kind: 'commune',
    communeCodes: [commune.code],
  }));
}

/** IOC first, then the communes' People's Committees, then departments and utilities. */
export function seedUnitList(): SeedUnit[] {
  return [IOC, ...communeUnits(), ...DEPARTMENTS];
}

export interface SeededUnits {
  inserted: number;
  /** The id of every seeded unit code, as stored (an existing row keeps its own id). */
  idByCode: Map<string, string>;
  /** The names as stored, for demo accounts' names (an administrator may have renamed a unit). */
  nameByCode: Map<string, string>;
}

export async function seedUnits(db: Db): Promise<SeededUnits> {
  const units = seedUnitList();
  const { count } = await db.unit.createMany({
    data: units.map((unit) => ({ id: seedId('unit', unit.code), ...unit })),
    skipDuplicates: true,
  });
  const stored = await db.unit.findMany({
    where: { code: { in: units.map((unit) => unit.code) } },
    select: { id: true, code: true, name: true },
  });
  return {
    inserted: count,
    idByCode: new Map(stored.map((unit) => [unit.code, unit.id])),
    nameByCode: new Map(stored.map((unit) => [unit.code, unit.name])),
  };
}
