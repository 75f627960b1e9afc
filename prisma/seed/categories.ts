/**
 * The fields (lĩnh vực) a report belongs to. Hà Tĩnh names traffic infrastructure, environment,
 * urban order, social welfare and security and order (vjst.vn/print/83855.html); administrative
 * procedures, street lights, food safety (Huế), electricity, water and trees (TP.HCM 1022) and
 * disasters complete the list. Codes are stable (API clients and tests use them); names,
 * icons (Material Symbols) and order are administrators' data, never overwritten by a re-seed.
 */
import type { Db } from '../../platform/db';
import type { CaseLevel } from '../generated/client';

export interface SeedCategory {
  code: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  icon: string;
  group: string;
  defaultLevel: CaseLevel;
  sortOrder: number;
}

type Entry = Omit<SeedCategory, 'sortOrder' | 'defaultLevel'> & { defaultLevel?: CaseLevel };

const ENTRIES: Entry[] = [
  {
    code: 'giao-thong',
    nameVi: 'Hạ tầng giao thông',
    nameEn: 'Traffic infrastructure',
    descriptionVi: 'Đường hư hỏng, ổ gà, sụt lún, biển báo, đèn tín hiệu, cầu cống, vỉa hè hư hỏng.',
    descriptionEn: 'Damaged roads, potholes, subsidence, signs, traffic lights, bridges, culverts, broken pavements.',
    icon: 'traffic',
    group: 'ha-tang',
  },
  {
    code: 'moi-truong',
    nameVi: 'Môi trường',
    nameEn: 'Environment',
    descriptionVi: 'Rác thải, đổ trộm phế thải, ô nhiễm nước, không khí, tiếng ồn, mùi hôi.',
    descriptionEn: 'Waste, illegal dumping, water, air and noise pollution, bad smells.',
    icon: 'eco',
    group: 'moi-truong-do-thi',
  },
  {
    code: 'do-thi',
    nameVi: 'Trật tự đô thị',
    nameEn: 'Urban order',
    descriptionVi: 'Lấn chiếm vỉa hè, lòng đường, xây dựng trái phép, quảng cáo sai quy định.',
    descriptionEn: 'Encroachment on pavements and roads, unlicensed building, illegal advertising.',
    icon: 'location_city',
    group: 'moi-truong-do-thi',
  },
  {
    code: 'an-sinh-xa-hoi',
    nameVi: 'An sinh xã hội',
    nameEn: 'Social welfare',
    descriptionVi: 'Chính sách người có công, hộ nghèo, bảo trợ xã hội, người già, trẻ em, người khuyết tật.',
    descriptionEn:
      'Benefits for people with merit, poor households, social protection, the elderly, children, people with disabilities.',
    icon: 'volunteer_activism',
    group: 'xa-hoi',
  },
  {
    code: 'an-ninh-trat-tu',
    nameVi: 'An ninh trật tự',
    nameEn: 'Security and order',
    descriptionVi: 'Trộm cắp, gây rối trật tự công cộng, tụ tập đông người, tệ nạn xã hội.',
    descriptionEn: 'Theft, public disorder, unruly gatherings, social evils.',
    icon: 'local_police',
    group: 'an-ninh-an-toan',
  },
  {
    code: 'thu-tuc-hanh-chinh',
    nameVi: 'Thủ tục hành chính',
    nameEn: 'Administrative procedures',
    descriptionVi: 'Giải quyết hồ sơ chậm, thái độ phục vụ, yêu cầu giấy tờ không đúng quy định.',
    descriptionEn: 'Late handling of applications, staff attitude, documents requested without legal basis.',
    icon: 'assignment',
    group: 'hanh-chinh',
  },
  {
    code: 'dien',
    nameVi: 'Điện',
    nameEn: 'Electricity',
    descriptionVi: 'Mất điện, cột điện nghiêng đổ, dây điện võng thấp, nguy cơ mất an toàn điện.',
    descriptionEn: 'Power cuts, leaning or fallen poles, sagging lines, electrical hazards.',
    icon: 'bolt',
    group: 'ha-tang',
  },
  {
    code: 'cap-thoat-nuoc',
    nameVi: 'Cấp thoát nước',
    nameEn: 'Water supply and drainage',
    descriptionVi: 'Mất nước, vỡ đường ống, nước bẩn, ngập úng, cống thoát nước tắc, hố ga mất nắp.',
    descriptionEn: 'Water cuts, burst pipes, dirty water, flooding, blocked drains, missing manhole covers.',
    icon: 'water_drop',
    group: 'ha-tang',
  },
  {
    code: 'chieu-sang',
    nameVi: 'Chiếu sáng công cộng',
    nameEn: 'Street lighting',
    descriptionVi: 'Đèn đường hỏng, không sáng, sáng ban ngày, cột đèn hư hỏng.',
    descriptionEn: 'Broken street lights, lights off at night or on by day, damaged lamp posts.',
    icon: 'lightbulb',
    group: 'ha-tang',
  },
  {
    code: 'an-toan-thuc-pham',
    nameVi: 'An toàn thực phẩm',
    nameEn: 'Food safety',
    descriptionVi: 'Thực phẩm không rõ nguồn gốc, mất vệ sinh, ngộ độc thực phẩm, niêm yết giá.',
    descriptionEn: 'Food of unknown origin, unhygienic food, food poisoning, price listing.',
    icon: 'restaurant',
    group: 'xa-hoi',
  },
  {
    code: 'cay-xanh',
    nameVi: 'Cây xanh',
    nameEn: 'Trees and green spaces',
    descriptionVi: 'Cây đổ, cành gãy, cây nguy hiểm cần cắt tỉa, chặt cây trái phép, công viên.',
    descriptionEn: 'Fallen trees, broken branches, dangerous trees to prune, illegal felling, parks.',
    icon: 'park',
    group: 'moi-truong-do-thi',
  },
  {
    code: 'thien-tai',
    nameVi: 'Thiên tai, cứu hộ',
    nameEn: 'Natural disasters and rescue',
    descriptionVi: 'Bão lũ, sạt lở, ngập lụt, cháy rừng, người gặp nạn cần cứu hộ.',
    descriptionEn: 'Storms and floods, landslides, inundation, forest fires, people who need rescue.',
    icon: 'flood',
    group: 'an-ninh-an-toan',
    defaultLevel: 'urgent',
  },
  {
    code: 'y-te',
    nameVi: 'Y tế',
    nameEn: 'Health',
    descriptionVi: 'Dịch bệnh, cơ sở khám chữa bệnh, thuốc, vệ sinh phòng dịch.',
    descriptionEn: 'Epidemics, clinics and hospitals, medicines, disease prevention.',
    icon: 'local_hospital',
    group: 'xa-hoi',
  },
  {
    code: 'giao-duc',
    nameVi: 'Giáo dục',
    nameEn: 'Education',
    descriptionVi: 'Trường lớp, học phí, các khoản thu, an toàn trường học.',
    descriptionEn: 'Schools and classes, fees and charges, school safety.',
    icon: 'school',
    group: 'xa-hoi',
  },
  {
    code: 'khac',
    nameVi: 'Khác',
    nameEn: 'Other',
    descriptionVi: 'Các phản ánh không thuộc lĩnh vực nào ở trên.',
    descriptionEn: 'Reports that fit none of the fields above.',
    icon: 'more_horiz',
    group: 'khac',
  },
];

export const SEED_CATEGORIES: readonly SeedCategory[] = ENTRIES.map((entry, index) => ({
  ...entry,
  defaultLevel: entry.defaultLevel ?? 'normal',
  sortOrder: (index + 1) * 10,
}));

export async function seedCategories(db: Db): Promise<number> {
  const { count } = await db.category.createMany({ data: [...SEED_CATEGORIES], skipDuplicates: true });
  return count;
}
