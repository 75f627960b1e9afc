/**
 * Hà Tĩnh's 69 commune-level units since 01/07/2025 (9 wards, 60 communes) with their official
 * codes (mã đơn vị hành chính), read from ./ha-tinh-communes.tsv.
 *
 * SOURCE: the TSV is a copy of /work/shared/domain/ha-tinh-communes.tsv, itself taken from a
 * public copy of the official list (see the shared domain README, "Hà Tĩnh's units"). The names
 * have NOT been checked against the resolution that rearranged Hà Tĩnh's commune-level units:
 * check them before production use. Once seeded, communes are data: an administrator's
 * correction is never overwritten by a later seed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../platform/db';
import type { CommuneKind } from '../generated/client';

export const COMMUNES_FILE = path.join(__dirname, 'ha-tinh-communes.tsv');

export interface SeedCommune {
  code: string;
  name: string;
  kind: CommuneKind;
  /** Position in the file, which lists the wards first. */
  sortOrder: number;
}

const KINDS: Record<string, CommuneKind> = { phường: 'ward', xã: 'commune' };

/** Parses the TSV (header `code name kind`); throws on anything unexpected rather than seed half a list. */
export function parseCommunes(text: string): SeedCommune[] {
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (header?.trim() !== 'code\tname\tkind')
    throw new Error(`${COMMUNES_FILE}: expected the header "code<TAB>name<TAB>kind"`);
  const seen = new Set<string>();
  return lines.map((line, index) => {
    const [code, name, kindVi, ...rest] = line.split('\t').map((cell) => cell.trim().normalize('NFC'));
    const where = `${COMMUNES_FILE}, line ${index + 2}`;
    if (rest.length > 0 || !code || !name || !kindVi) throw new Error(`${where}: expected 3 columns`);
    if (!/^\d{5}$/.test(code)) throw new Error(`${where}: "${code}" is not a 5-digit commune code`);
    if (seen.has(code)) throw new Error(`${where}: code ${code} appears twice`);
    seen.add(code);
    const kind = KINDS[kindVi];
    if (kind === undefined) throw new Error(`${where}: kind "${kindVi}" is neither "phường" nor "xã"`);
    return { code, name, kind, sortOrder: index + 1 };
  });
}

let cached: SeedCommune[] | undefined;

export function haTinhCommunes(): SeedCommune[] {
  cached ??= parseCommunes(readFileSync(COMMUNES_FILE, 'utf8'));
  return cached;
}

/** "phường Thành Sen", "xã Kỳ Xuân": how official names refer to the commune. */
export function communeTitle(commune: Pick<SeedCommune, 'name' | 'kind'>): string {
  return `${commune.kind === 'ward' ? 'phường' : 'xã'} ${commune.name}`;
}

/** Inserts the communes that are missing; returns how many were inserted. */
export async function seedCommunes(db: Db): Promise<number> {
  const { count } = await db.commune.createMany({ data: haTinhCommunes(), skipDuplicates: true });
  return count;
}
