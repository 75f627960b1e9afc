/**
 * The words of Open311 answers, English first (see open311Language in ./format.ts), Vietnamese
 * on request. Error codes are HTTP statuses, as the spec wants; these sentences may improve.
 */
import type { Language } from '../i18n/language';

type Params = Record<string, string | number>;

const MESSAGES = {
  api_key_missing: {
    en: () => 'api_key is required to submit a service request.',
    vi: () => 'Cần api_key để gửi phản ánh.',
  },
  api_key_invalid: {
    en: () => 'api_key is not valid or has been revoked.',
    vi: () => 'api_key không hợp lệ hoặc đã bị thu hồi.',
  },
  jurisdiction_unknown: {
    en: (p: Params) => `jurisdiction_id ${p.value} is not served here (this endpoint serves ${p.expected}).`,
    vi: (p: Params) => `Không phục vụ jurisdiction_id ${p.value} (điểm truy cập này phục vụ ${p.expected}).`,
  },
  service_code_missing: {
    en: () => 'service_code is required.',
    vi: () => 'Cần service_code.',
  },
  service_unknown: {
    en: (p: Params) => `service_code ${p.code} was not found.`,
    vi: (p: Params) => `Không tìm thấy service_code ${p.code}.`,
  },
  request_unknown: {
    en: (p: Params) => `service_request_id ${p.id} was not found.`,
    vi: (p: Params) => `Không tìm thấy service_request_id ${p.id}.`,
  },
  token_unknown: {
    en: (p: Params) => `token ${p.token} was not found.`,
    vi: (p: Params) => `Không tìm thấy token ${p.token}.`,
  },
  resource_unknown: {
    en: (p: Params) => `${p.path} was not found: Open311 resources end in .json or .xml.`,
    vi: (p: Params) => `Không tìm thấy ${p.path}: tài nguyên Open311 kết thúc bằng .json hoặc .xml.`,
  },
  location_missing: {
    en: () => 'A location is required: lat and long, address_string or address_id.',
    vi: () => 'Cần vị trí: lat và long, address_string hoặc address_id.',
  },
  lat_long_together: {
    en: () => 'lat and long must be sent together.',
    vi: () => 'lat và long phải được gửi cùng nhau.',
  },
  invalid_number: {
    en: (p: Params) => `${p.field} must be a number in its range.`,
    vi: (p: Params) => `${p.field} phải là một số hợp lệ.`,
  },
  description_too_long: {
    en: (p: Params) => `description is limited to ${p.max} characters (media_url included).`,
    vi: (p: Params) => `description tối đa ${p.max} ký tự (kể cả media_url).`,
  },
  invalid_url: {
    en: (p: Params) => `${p.field} must be an http(s) URL.`,
    vi: (p: Params) => `${p.field} phải là một địa chỉ http(s).`,
  },
  invalid_value: {
    en: (p: Params) => `${p.field} is not valid${p.detail ? `: ${p.detail}` : ''}.`,
    vi: (p: Params) => `${p.field} không hợp lệ${p.detail ? `: ${p.detail}` : ''}.`,
  },
  invalid_date: {
    en: (p: Params) => `${p.field} must be an ISO 8601 date-time, e.g. 2026-03-17T08:00:00+07:00.`,
    vi: (p: Params) => `${p.field} phải là ngày giờ ISO 8601, ví dụ 2026-03-17T08:00:00+07:00.`,
  },
  date_order: {
    en: () => 'start_date must not be after end_date.',
    vi: () => 'start_date không được sau end_date.',
  },
  date_span: {
    en: (p: Params) => `start_date and end_date may be at most ${p.days} days apart.`,
    vi: (p: Params) => `start_date và end_date cách nhau tối đa ${p.days} ngày.`,
  },
  idempotency_key_reused: {
    en: () => 'This Idempotency-Key was already used for a different request.',
    vi: () => 'Idempotency-Key này đã được dùng cho một yêu cầu khác.',
  },
  unavailable: {
    en: () => 'The service is temporarily unavailable; nothing was stored. Please retry later.',
    vi: () => 'Hệ thống tạm thời không phục vụ được; chưa có gì được lưu. Vui lòng thử lại sau.',
  },
  internal: {
    en: () => 'An unexpected error occurred.',
    vi: () => 'Đã xảy ra lỗi ngoài dự kiến.',
  },
  service_notice: {
    en: () =>
      "The province's operations centre (IOC) checks each report, then sends it to the competent unit; " +
      'the result is published with the tracking code.',
    vi: () =>
      'Trung tâm điều hành (IOC) xác minh phản ánh rồi chuyển đơn vị có thẩm quyền xử lý; ' +
      'kết quả được công khai theo mã phản ánh.',
  },
  discovery_contact: {
    en: () => 'Hà Tĩnh Intelligent Operations Centre (IOC), Hà Tĩnh Provincial People’s Committee',
    vi: () => 'Trung tâm Giám sát, điều hành đô thị thông minh (IOC), UBND tỉnh Hà Tĩnh',
  },
  discovery_key_service: {
    en: () => 'API keys for partner channels are issued by the IOC’s administrators on request.',
    vi: () => 'Khóa API cho kênh đối tác do quản trị viên Trung tâm IOC cấp theo đề nghị.',
  },
  no_description: {
    en: () => 'report sent through an Open311 partner channel, without a description',
    vi: () => 'phản ánh gửi qua kênh đối tác Open311, không có mô tả',
  },
} satisfies Record<string, Record<Language, (p: Params) => string>>;

export type Open311MessageKey = keyof typeof MESSAGES;

export function open311Message(key: Open311MessageKey, language: Language, params: Params = {}): string {
  return MESSAGES[key][language](params);
}
