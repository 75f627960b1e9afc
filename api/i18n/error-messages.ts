/**
 * The words of every error the API returns, Vietnamese first. Codes are the contract; these
 * sentences may improve at any time.
 */
import type { AppErrorCode } from '../../platform/app-error';
import type { Language } from './language';

type Params = Record<string, string | number>;
type Messages = Record<Language, (p: Params) => string>;

export const ERROR_MESSAGES: Record<AppErrorCode, Messages> = {
  VALIDATION_FAILED: {
    vi: () => 'Dữ liệu gửi lên chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.',
    en: () => 'Some of the data sent is not valid. Please check the marked fields.',
  },
  NOT_FOUND: {
    vi: (p) => `Không tìm thấy ${p.what ?? 'nội dung yêu cầu'}.`,
    en: (p) => `${p.what ?? 'The requested item'} was not found.`,
  },
  METHOD_NOT_ALLOWED: {
    vi: (p) => `Địa chỉ này không nhận phương thức ${p.method}; các phương thức được nhận: ${p.allow}.`,
    en: (p) => `This address does not take ${p.method}; it takes ${p.allow}.`,
  },
  COMMUNE_NOT_LOCATED: {
    vi: () =>
      'Không xác định được một xã, phường duy nhất chứa điểm này (ngoài địa bàn tỉnh, nằm trên ranh giới, hoặc chưa có dữ liệu ranh giới). Vui lòng tự chọn xã, phường.',
    en: () =>
      'No single commune or ward contains this point (outside the province, on a border, or no boundaries imported yet). Please choose the commune yourself.',
  },
  UNAUTHENTICATED: { vi: () => 'Vui lòng đăng nhập.', en: () => 'Please sign in.' },
  INVALID_CREDENTIALS: {
    vi: () => 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: () => 'The username or password is not correct.',
  },
  ACCOUNT_LOCKED: {
    vi: (p) => `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau ${p.minutes} phút.`,
    en: (p) =>
      `The account is locked for a while after repeated failed logins. Please try again in ${p.minutes} minutes.`,
  },
  ACCOUNT_DISABLED: {
    vi: () => 'Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên.',
    en: () => 'This account is disabled. Please contact an administrator.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    vi: () => 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
    en: () => 'Please change your password before you continue.',
  },
  FORBIDDEN: { vi: () => 'Bạn không có quyền thực hiện thao tác này.', en: () => 'You are not allowed to do this.' },
  CROSS_ORIGIN_REFUSED: {
    vi: () =>
      'Yêu cầu bị từ chối vì không được gửi từ trang của hệ thống. Vui lòng mở trang quản trị của hệ thống và thử lại.',
    en: () =>
      "The request was refused: it was not sent from the platform's own pages. Please open the back office and try again.",
  },
  CITIZEN_TOKEN_REQUIRED: {
    vi: () =>
      'Cần mã bí mật của người phản ánh (header X-Citizen-Token) hoặc đăng nhập bằng số điện thoại đã gửi phản ánh để thực hiện thao tác này.',
    en: () =>
      "This needs the reporter's secret token (header X-Citizen-Token), or signing in with the phone number the report belongs to.",
  },
  CITIZEN_TOKEN_INVALID: {
    vi: () => 'Mã bí mật không đúng với phản ánh này.',
    en: () => 'The secret token does not match this report.',
  },
  CITIZEN_SIGN_IN_REQUIRED: {
    vi: () => 'Vui lòng đăng nhập bằng số điện thoại và mã một lần.',
    en: () => 'Please sign in with your phone number and a one-time code.',
  },
  CITIZEN_NOT_OWNER: {
    vi: () => 'Phản ánh này không thuộc tài khoản đang đăng nhập.',
    en: () => 'This report does not belong to the account signed in.',
  },
  CLAIMED_BY_ANOTHER_ACCOUNT: {
    vi: () => 'Phản ánh này đã thuộc một tài khoản khác; không thể nhận về tài khoản của bạn.',
    en: () => 'This report already belongs to another account; it cannot be added to yours.',
  },
  OTP_TOO_SOON: {
    vi: (p) => `Mã vừa được gửi hoặc đã gửi quá nhiều mã cho số này. Vui lòng thử lại sau ${p.retryAfterSeconds} giây.`,
    en: (p) =>
      `A code was just sent, or too many were sent to this number. Please try again in ${p.retryAfterSeconds} seconds.`,
  },
  OTP_INVALID: {
    vi: (p) =>
      Number(p.attemptsLeft) > 0
        ? `Mã không đúng. Còn ${p.attemptsLeft} lần thử.`
        : 'Mã không đúng. Mã này đã bị huỷ do nhập sai quá nhiều lần; vui lòng yêu cầu mã mới.',
    en: (p) =>
      Number(p.attemptsLeft) > 0
        ? `The code is not correct. ${p.attemptsLeft} tries left.`
        : 'The code is not correct. It is now void after too many wrong tries; please ask for a new one.',
  },
  OTP_EXPIRED: {
    vi: () => 'Không có mã còn hiệu lực cho số này (đã hết hạn, đã dùng hoặc đã bị huỷ). Vui lòng yêu cầu mã mới.',
    en: () => 'There is no valid code for this number (expired, used or void). Please ask for a new one.',
  },
  CONFLICT: {
    vi: () => 'Thao tác không thực hiện được ở trạng thái hiện tại của hồ sơ.',
    en: () => 'This cannot be done in the current state of the case.',
  },
  ALREADY_EXISTS: {
    vi: () => 'Đã có bản ghi trùng (mã hoặc giá trị phải là duy nhất). Vui lòng kiểm tra các trường được đánh dấu.',
    en: () => 'A record with the same unique values already exists. Please check the marked fields.',
  },
  WRONG_STATE: {
    vi: () => 'Thao tác không phù hợp với trạng thái hiện tại của bản ghi.',
    en: () => 'This cannot be done in the current state of the record.',
  },
  TASK_NOT_OPEN: {
    vi: () => 'Nhiệm vụ này đã được xử lý hoặc không còn mở.',
    en: () => 'This task has already been completed or is no longer open.',
  },
  TASK_TAKEN: {
    vi: () => 'Nhiệm vụ này đã có cán bộ khác nhận.',
    en: () => 'Another official has already taken this task.',
  },
  OUTCOME_NOT_ALLOWED: {
    vi: () => 'Thao tác này không được phép ở bước hiện tại của hồ sơ.',
    en: () => 'This action is not allowed at the current step of the case.',
  },
  NOT_ALLOWED_NOW: {
    vi: () => 'Không thể thực hiện thao tác này ở trạng thái hiện tại của phản ánh.',
    en: () => 'This cannot be done in the current state of the report.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    vi: () => 'Mã Idempotency-Key này đã được dùng cho một phản ánh khác.',
    en: () => 'This Idempotency-Key was already used for a different report.',
  },
  PAYLOAD_TOO_LARGE: {
    vi: (p) => `Dữ liệu quá lớn (tối đa ${p.limit}).`,
    en: (p) => `The request is too large (at most ${p.limit}).`,
  },
  TOO_MANY_FILES: {
    vi: (p) => `Gửi quá nhiều tệp (tối đa ${p.maximum} tệp).`,
    en: (p) => `Too many files (at most ${p.maximum}).`,
  },
  UNSUPPORTED_MEDIA_TYPE: {
    vi: () => 'Định dạng nội dung không được hỗ trợ.',
    en: () => 'This content type is not supported.',
  },
  RATE_LIMITED: {
    vi: () => 'Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
    en: () => 'Too many requests. Please try again in a few minutes.',
  },
  SERVICE_UNAVAILABLE: {
    vi: () => 'Hệ thống đang tạm thời gián đoạn. Yêu cầu của bạn chưa được ghi nhận; vui lòng gửi lại sau ít phút.',
    en: () =>
      'The service is briefly unavailable. Your request was not recorded; please send it again in a few minutes.',
  },
  INTERNAL: {
    vi: () => 'Đã có lỗi ngoài ý muốn. Vui lòng thử lại.',
    en: () => 'Something went wrong. Please try again.',
  },
};

/** Per-field problems, keyed by the codes the validation layer produces. */
export const FIELD_MESSAGES: Record<string, Messages> = {
  required: { vi: () => 'Trường này là bắt buộc.', en: () => 'This field is required.' },
  invalid_type: { vi: () => 'Sai kiểu dữ liệu.', en: () => 'Wrong type of value.' },
  too_short: {
    vi: (p) => `Cần ít nhất ${p.minimum} ký tự.`,
    en: (p) => `At least ${p.minimum} characters are needed.`,
  },
  too_long: { vi: (p) => `Tối đa ${p.maximum} ký tự.`, en: (p) => `At most ${p.maximum} characters.` },
  too_small: { vi: (p) => `Giá trị phải từ ${p.minimum} trở lên.`, en: (p) => `Must be at least ${p.minimum}.` },
  too_big: { vi: (p) => `Giá trị không được vượt quá ${p.maximum}.`, en: (p) => `Must be at most ${p.maximum}.` },
  too_few: { vi: (p) => `Cần ít nhất ${p.minimum} mục.`, en: (p) => `At least ${p.minimum} items are needed.` },
  too_many: { vi: (p) => `Tối đa ${p.maximum} mục.`, en: (p) => `At most ${p.maximum} items.` },
  invalid_choice: { vi: (p) => `Chỉ chấp nhận: ${p.options}.`, en: (p) => `Must be one of: ${p.options}.` },
  invalid_format: { vi: () => 'Sai định dạng.', en: () => 'Wrong format.' },
  invalid_phone: {
    vi: () => 'Cần số điện thoại di động Việt Nam, ví dụ 0912 345 678.',
    en: () => 'A Vietnamese mobile number is needed, e.g. 0912 345 678.',
  },
  invalid_json: { vi: () => 'Nội dung JSON không đọc được.', en: () => 'The JSON body cannot be read.' },
  export_too_large: {
    vi: (p) =>
      `Bộ lọc chọn ${p.total} phản ánh, quá ${p.max} phản ánh một lần xuất: hãy thu hẹp bộ lọc (khoảng thời gian, đơn vị…).`,
    en: (p) =>
      `The filters select ${p.total} cases, more than the ${p.max} one export may hold: narrow them (period, unit…).`,
  },
  control_character: {
    vi: (p) => `Có ký tự điều khiển không được phép (${p.character}).`,
    en: (p) => `Contains a control character that is not allowed (${p.character}).`,
  },
  line_break: {
    vi: () => 'Trường này chỉ có một dòng: không được xuống dòng hay dùng tab.',
    en: () => 'This field is one line: no line breaks or tabs.',
  },
  invalid_unicode: {
    vi: () => 'Văn bản không phải Unicode hợp lệ (nửa cặp surrogate đứng lẻ, hoặc UTF-8 bị lỗi).',
    en: () => 'Not valid Unicode text (a lone surrogate, or broken UTF-8).',
  },
  lat_lng_together: { vi: () => 'Cần có cả vĩ độ và kinh độ.', en: () => 'Latitude and longitude go together.' },
  outside_province: {
    vi: (p) => `Vị trí nằm ngoài địa bàn tỉnh (vĩ độ ${p.south}–${p.north}, kinh độ ${p.west}–${p.east}).`,
    en: (p) => `This point is outside the province (latitude ${p.south}–${p.north}, longitude ${p.west}–${p.east}).`,
  },
  point_or_address: {
    vi: () => 'Cần vị trí trên bản đồ hoặc địa chỉ.',
    en: () => 'A point on the map or an address is needed.',
  },
  unknown_category: {
    vi: () => 'Lĩnh vực không tồn tại hoặc đã ngừng sử dụng.',
    en: () => 'This category does not exist or is no longer in use.',
  },
  push_service_not_allowed: {
    vi: () => 'Dịch vụ thông báo đẩy của trình duyệt này không được hỗ trợ.',
    en: () => "This browser's push service is not supported.",
  },
  push_keys_required: {
    vi: () => 'Thiếu khóa mã hóa của trình duyệt (keys.p256dh, keys.auth).',
    en: () => "The browser's encryption keys (keys.p256dh, keys.auth) are missing.",
  },
  unknown_commune: {
    vi: () => 'Mã xã/phường không có trong danh mục của tỉnh.',
    en: () => "This commune code is not in the province's list.",
  },
  unknown_unit: {
    vi: () => 'Đơn vị không tồn tại hoặc đã ngừng hoạt động.',
    en: () => 'This unit does not exist or is inactive.',
  },
  not_unit_official: {
    vi: () => 'Người được giao phải là cán bộ hoặc lãnh đạo của đơn vị xử lý.',
    en: () => 'The assignee must be an officer or leader of the handling unit.',
  },
  unknown_case: {
    vi: () => 'Không tìm thấy phản ánh được dẫn chiếu.',
    en: () => 'The referenced report was not found.',
  },
  unknown_attachment: {
    vi: () => 'Tệp minh chứng không thuộc hồ sơ này.',
    en: () => 'A proof attachment does not belong to this case.',
  },
  before_from: {
    vi: () => 'Ngày kết thúc phải từ ngày bắt đầu trở đi.',
    en: () => 'The end day must not be before the start day.',
  },
  period_too_long: {
    vi: (p) => `Khoảng thời gian tối đa ${p.days} ngày.`,
    en: (p) => `The period may be at most ${p.days} days.`,
  },
  wrong_password: { vi: () => 'Mật khẩu hiện tại không đúng.', en: () => 'The current password is not correct.' },
  password_unchanged: {
    vi: () => 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    en: () => 'The new password must differ from the current one.',
  },
  password_like_username: {
    vi: () => 'Mật khẩu không được chứa tên đăng nhập.',
    en: () => 'The password must not contain the username.',
  },
  unknown_field: { vi: () => 'Trường không được hỗ trợ.', en: () => 'Unknown field.' },
  unsupported_media: {
    vi: (p) => `Tệp "${p.name}" không phải ảnh (JPEG, PNG, WebP, HEIC) hoặc video (MP4, MOV) được chấp nhận.`,
    en: (p) => `"${p.name}" is not an accepted photo (JPEG, PNG, WebP, HEIC) or video (MP4, MOV).`,
  },
  unsupported_proof: {
    vi: (p) => `Tệp "${p.name}" không phải ảnh, video (MP4, MOV) hoặc tài liệu PDF được chấp nhận.`,
    en: (p) => `"${p.name}" is not an accepted photo, video (MP4, MOV) or PDF document.`,
  },
  unreadable_image: {
    vi: (p) => `Không đọc được ảnh "${p.name}" (tệp hỏng hoặc mã hóa chưa được hỗ trợ).`,
    en: (p) => `The photo "${p.name}" cannot be read (damaged, or encoded in an unsupported way).`,
  },
  invalid_video: {
    vi: (p) => `Tệp video "${p.name}" bị hỏng hoặc không đúng định dạng MP4/MOV.`,
    en: (p) => `The video "${p.name}" is damaged or not a valid MP4/MOV file.`,
  },
  file_too_large: {
    vi: (p) => `Tệp "${p.name}" vượt quá dung lượng cho phép (${p.limit}).`,
    en: (p) => `"${p.name}" is larger than allowed (${p.limit}).`,
  },
  too_many_files: { vi: (p) => `Tối đa ${p.maximum} tệp.`, en: (p) => `At most ${p.maximum} files.` },
  file_required: { vi: () => 'Cần đính kèm một tệp.', en: () => 'A file is required.' },
  invalid_multipart: {
    vi: () => 'Nội dung multipart/form-data không đọc được.',
    en: () => 'The multipart/form-data body cannot be read.',
  },
  unknown_media: {
    vi: () => 'Tệp đính kèm không thuộc phản ánh này.',
    en: () => 'An attached file does not belong to this report.',
  },
  unknown_icon: {
    vi: (p) =>
      `Không có biểu tượng Material Symbols nào tên "${p.name}" (tên chỉ gồm chữ thường, số và dấu gạch dưới).`,
    en: (p) =>
      `There is no Material Symbols icon named "${p.name}" (names are lower-case letters, digits and underscores).`,
  },
  invalid_cursor: {
    vi: () => 'Con trỏ trang không hợp lệ hoặc không thuộc danh sách và thứ tự sắp xếp này. Hãy tải lại từ trang đầu.',
    en: () =>
      'The page cursor is not valid, or belongs to another list or sort order. Start again from the first page.',
  },
  cursor_not_for_sort: {
    vi: () => 'Không thể lật trang bằng con trỏ khi sắp xếp theo trường này; hãy dùng range.',
    en: () => 'Cursor paging is not available for this sort field; use range instead.',
  },
  cursor_with_page: {
    vi: () => 'Khi dùng con trỏ (after) thì không gửi kèm số trang (page).',
    en: () => 'Send either a cursor (after) or a page number (page), not both.',
  },
  invalid_bbox: {
    vi: () => 'Khung bản đồ phải có dạng kinhĐộNhỏ,vĩĐộNhỏ,kinhĐộLớn,vĩĐộLớn (WGS84).',
    en: () => 'The map box must be minLng,minLat,maxLng,maxLat (WGS84).',
  },
  // Back-office configuration (api/services/admin/).
  taken: { vi: () => 'Giá trị này đã được sử dụng.', en: () => 'This value is already in use.' },
  immutable: { vi: () => 'Không được thay đổi trường này.', en: () => 'This field cannot be changed.' },
  invalid_boundary: {
    vi: (p) => `Vùng ranh giới (GeoJSON Polygon/MultiPolygon) không hợp lệ (${p.problem}).`,
    en: (p) => `The boundary is not a valid GeoJSON Polygon or MultiPolygon (${p.problem}).`,
  },
  not_a_feature: {
    vi: () => 'Phần tử này không phải là một GeoJSON Feature.',
    en: () => 'This item is not a GeoJSON Feature.',
  },
  feature_without_code: {
    vi: (p) => `Thiếu mã xã/phường trong thuộc tính "${p.property}".`,
    en: (p) => `The commune code is missing from the "${p.property}" property.`,
  },
  duplicate_commune: {
    vi: (p) => `Mã xã/phường ${p.value} xuất hiện nhiều lần trong tệp.`,
    en: (p) => `Commune code ${p.value} appears more than once in the file.`,
  },
  ioc_role_outside_ioc: {
    vi: () => 'Vai trò điều hành, giám sát và quản trị chỉ được cấp tại Trung tâm IOC.',
    en: () => 'The operator, supervisor and admin roles are granted at the IOC only.',
  },
  duplicate_membership: { vi: () => 'Vai trò này bị lặp lại.', en: () => 'This role is listed twice.' },
  own_account: {
    vi: () => 'Không thể tự vô hiệu hóa hoặc bỏ quyền quản trị của chính mình.',
    en: () => 'You cannot disable your own account or remove your own administrator role.',
  },
  not_human_step: {
    vi: () => 'Chỉ đặt thời hạn cho các bước do cán bộ thực hiện.',
    en: () => 'Deadlines apply to the steps people perform only.',
  },
  invalid_duration: {
    vi: () => 'Thời hạn phải lớn hơn 0; số ngày làm việc phải là số nguyên.',
    en: () => 'The duration must be above 0; working days must be a whole number.',
  },
  invalid_fraction: {
    vi: () => 'Phải là một tỷ lệ giữa 0 và 1 (ví dụ 0,75).',
    en: () => 'Must be a fraction between 0 and 1 (e.g. 0.75).',
  },
  invalid_escalation: {
    vi: () => 'Cấp chuyển tiếp phải là số nguyên dương không lặp lại; số giờ làm việc từ 0 trở lên.',
    en: () => 'An escalation level must be a whole number above 0, used once; its working hours at least 0.',
  },
  escalations_out_of_order: {
    vi: () => 'Cấp chuyển tiếp cao hơn không được đến sớm hơn cấp thấp hơn.',
    en: () => 'A higher escalation level cannot come before a lower one.',
  },
  duplicate_active_policy: {
    vi: () => 'Đã có chính sách thời hạn đang áp dụng cho cùng bước, lĩnh vực và mức độ.',
    en: () => 'An active SLA policy for the same step, category and level already exists.',
  },
  invalid_time_zone: { vi: () => 'Múi giờ IANA không hợp lệ.', en: () => 'Not an IANA time zone.' },
  invalid_weekday: {
    vi: () => 'Thứ trong tuần phải từ 1 (thứ Hai) đến 7 (Chủ nhật).',
    en: () => 'Weekdays go from 1 (Monday) to 7 (Sunday).',
  },
  invalid_time: { vi: () => 'Giờ phải có dạng HH:mm.', en: () => 'Times are written HH:mm.' },
  empty_period: {
    vi: () => 'Khoảng thời gian làm việc phải kết thúc sau khi bắt đầu.',
    en: () => 'A working period must end after it starts.',
  },
  overlapping_periods: {
    vi: () => 'Các khoảng thời gian làm việc bị chồng lên nhau.',
    en: () => 'Working periods overlap.',
  },
  invalid_date: { vi: () => 'Ngày phải có dạng YYYY-MM-DD.', en: () => 'Dates are written YYYY-MM-DD.' },
  duplicate_date: { vi: () => 'Ngày này bị lặp lại.', en: () => 'This date appears twice.' },
  missing_name: { vi: () => 'Cần có tên.', en: () => 'A name is needed.' },
  holiday_and_working_day: {
    vi: () => 'Một ngày không thể vừa là ngày nghỉ vừa là ngày làm bù.',
    en: () => 'A date cannot be both a holiday and a working day.',
  },
  no_default_periods: {
    vi: () => 'Chưa có giờ làm việc, và thứ Hai cũng không có giờ để áp dụng mặc định.',
    en: () => 'No periods given, and Monday has none to default to.',
  },
  no_working_time: {
    vi: () => 'Lịch không có thời gian làm việc nào.',
    en: () => 'The calendar has no working time at all.',
  },
  unknown_variable: {
    vi: (p) => `Biến không có trong mẫu này: ${p.name}.`,
    en: (p) => `Not a variable of this template: ${p.name}.`,
  },
  unfilled_placeholder: {
    vi: (p) => `Văn bản còn chỗ trống chưa điền: {{${p.name}}}. Hãy thay bằng nội dung cụ thể trước khi gửi.`,
    en: (p) => `The text still has a blank to fill: {{${p.name}}}. Replace it with the actual words before sending.`,
  },
  from_after_to: {
    vi: () => 'Ngày bắt đầu phải trước ngày kết thúc.',
    en: () => 'The start date must come before the end date.',
  },
};

export function errorMessage(code: AppErrorCode, language: Language, params: Params = {}): string {
  return ERROR_MESSAGES[code][language](params);
}

export function fieldMessage(code: string, language: Language, params: Params = {}): string {
  return (FIELD_MESSAGES[code] ?? FIELD_MESSAGES.invalid_format!)[language](params);
}
