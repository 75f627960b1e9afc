/**
 * The public directory citizens' apps build their forms from: active categories, units and
 * communes, in the administrators' order. Names come in both languages; `name` is the one the
 * client asked for.
 */
import type { Db } from '../../platform/db';
import type { Commune } from '../../prisma/generated/client';
import type { Language } from '../i18n/language';

export async function listCategories(db: Db, language: Language) {
  const rows = await db.category.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
  });
  return rows.map((c) => ({
    code: c.code,
    name: language === 'en' ? c.nameEn : c.nameVi,
    nameVi: c.nameVi,
    nameEn: c.nameEn,
    description: (language === 'en' ? c.descriptionEn : c.descriptionVi) ?? null,
    icon: c.icon,
    group: c.group,
    defaultLevel: c.defaultLevel,
  }));
}

export async function listUnits(db: Db, language: Language) {
  const rows = await db.unit.findMany({ where: { active: true }, orderBy: [{ kind: 'asc' }, { code: 'asc' }] });
  return rows.map((u) => ({
    id: u.id,
    code: u.code,
    name: language === 'en' ? (u.nameEn ?? u.name) : u.name,
    nameVi: u.name,
    nameEn: u.nameEn,
    kind: u.kind,
    parentId: u.parentId,
    communeCodes: u.communeCodes,
    phone: u.phone,
    email: u.email,
    address: u.address,
  }));
}

const COMMUNE_KIND_LABEL = {
  vi: { ward: 'Phường', commune: 'Xã', town: 'Thị trấn' },
  en: { ward: 'Ward', commune: 'Commune', town: 'Town' },
} as const;

export async function listCommunes(db: Db, language: Language) {
  const rows = await db.commune.findMany({ where: { active: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] });
  return rows.map((c) => communeView(c, language));
}

/** A commune as citizens' apps show it; also the answer of locate-commune. */
export function communeView(c: Pick<Commune, 'code' | 'name' | 'kind'>, language: Language) {
  return {
    code: c.code,
    name: c.name,
    kind: c.kind,
    /** "Phường Thành Sen", "Kỳ Anh Commune". */
    fullName:
      language === 'en' ? `${c.name} ${COMMUNE_KIND_LABEL.en[c.kind]}` : `${COMMUNE_KIND_LABEL.vi[c.kind]} ${c.name}`,
  };
}
