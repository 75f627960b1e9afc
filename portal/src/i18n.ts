/**
 * The portal's words, Vietnamese first (the default) and English. Every string the UI shows
 * comes from here; `en` must have every key `vi` has (the type says so). The chosen language is
 * kept on the device and sent to the API as Accept-Language.
 */
import { createContext, useContext } from 'react';

const vi = {
  appName: 'Phản ánh hiện trường',
  province: 'Tỉnh Hà Tĩnh',
  skipToContent: 'Bỏ qua, đến nội dung chính',
  navHome: 'Trang chủ',
  navReport: 'Gửi phản ánh',
  navFeed: 'Kết quả xử lý',
  navHelp: 'Hướng dẫn',
  mainNav: 'Điều hướng chính',
  language: 'Ngôn ngữ',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  offlineBanner: 'Đang không có kết nối. Phản ánh gửi lúc này được lưu trên máy và tự gửi khi có mạng.',
  loading: 'Đang tải…',
  loadFailed: 'Không tải được dữ liệu. Kiểm tra kết nối rồi thử lại.',
  retry: 'Thử lại',
  // Home
  homeIntro: 'Thấy vấn đề ở nơi bạn sống? Gửi phản ánh, chính quyền sẽ tiếp nhận và trả lời.',
  reportButton: 'Gửi phản ánh mới',
  trackTitle: 'Tra cứu phản ánh',
  trackCodeLabel: 'Mã phản ánh',
  trackCodeHint: 'Ví dụ: HT-2611-7K3Q',
  trackButton: 'Tra cứu',
  errTrackCode: 'Nhập mã phản ánh bạn nhận được khi gửi, ví dụ HT-2611-7K3Q.',
  myReports: 'Phản ánh của tôi (trên máy này)',
  myReportsEmpty: 'Bạn chưa gửi phản ánh nào từ máy này.',
  waitingToSend: 'Đang chờ gửi',
  sendFailed: 'Không gửi được',
  announcements: 'Thông báo',
  announcementsArea: 'Khu vực',
  allProvince: 'Toàn tỉnh',
  noAnnouncements: 'Không có thông báo nào.',
  // Report form
  reportTitle: 'Gửi phản ánh',
  stepCategory: '1. Lĩnh vực',
  stepDescription: '2. Nội dung',
  stepMedia: '3. Ảnh, video',
  stepLocation: '4. Vị trí',
  stepReporter: '5. Người phản ánh (không bắt buộc)',
  descriptionLabel: 'Mô tả vấn đề',
  descriptionHint: 'Ít nhất 10 ký tự: điều gì xảy ra, ở đâu, từ khi nào.',
  urgentLabel: 'Khẩn cấp (nguy hiểm đến người, tài sản)',
  takePhoto: 'Chụp ảnh / quay video',
  pickFiles: 'Chọn từ thư viện',
  mediaHint: 'Tối đa 10 tệp; ảnh ≤ 10 MB, video ≤ 100 MB.',
  removeFile: 'Bỏ tệp {name}',
  fileTooLarge: '{name}: quá lớn ({size}); tối đa {max}.',
  fileWrongType: '{name}: chỉ nhận ảnh hoặc video.',
  tooManyFiles: 'Tối đa {max} tệp.',
  video: 'Video',
  useMyLocation: 'Dùng vị trí hiện tại',
  locating: 'Đang xác định vị trí…',
  locationFailed: 'Không lấy được vị trí. Hãy nhập địa chỉ hoặc toạ độ.',
  locationFound: 'Đã lấy vị trí (sai số khoảng {accuracy} m).',
  mapUnavailable: 'Bản đồ chưa có trong phiên bản này; nhập toạ độ hoặc địa chỉ bên dưới.',
  latitude: 'Vĩ độ',
  longitude: 'Kinh độ',
  address: 'Địa chỉ',
  addressHint: 'Số nhà, đường, thôn/tổ dân phố…',
  commune: 'Xã, phường',
  communeAuto: 'Tự xác định từ vị trí',
  name: 'Họ và tên',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
  confidential: 'Giữ bí mật danh tính của tôi',
  confidentialHint: 'Cơ quan xử lý không thấy tên và số điện thoại của bạn.',
  submit: 'Gửi phản ánh',
  submitting: 'Đang gửi…',
  errCategory: 'Hãy chọn một lĩnh vực.',
  errDescription: 'Mô tả cần ít nhất 10 ký tự.',
  errLocation: 'Hãy cho biết vị trí: dùng vị trí hiện tại, nhập toạ độ hoặc địa chỉ.',
  errLatLng: 'Vĩ độ và kinh độ phải nhập cùng nhau và là số hợp lệ.',
  errPhone: 'Số điện thoại không hợp lệ.',
  errEmail: 'Thư điện tử không hợp lệ.',
  formHasErrors: 'Biểu mẫu còn lỗi, xem các mục đánh dấu.',
  // After sending
  sentTitle: 'Đã gửi phản ánh',
  sentCodeIntro: 'Mã phản ánh của bạn:',
  sentCodeKept: 'Mã đã được lưu trên máy này, trong mục "Phản ánh của tôi".',
  queuedTitle: 'Đã lưu trên máy',
  queuedText: 'Chưa có kết nối. Phản ánh được giữ trên máy và sẽ tự gửi khi có mạng; không cần gửi lại.',
  sendingText: 'Đang gửi phản ánh…',
  rejectedText: 'Máy chủ không nhận phản ánh: {reason}',
  discard: 'Xoá bản nháp này',
  viewReport: 'Xem phản ánh',
  newReport: 'Gửi phản ánh khác',
  // Track
  status: 'Trạng thái',
  category: 'Lĩnh vực',
  unit: 'Đơn vị xử lý',
  deadline: 'Hạn xử lý',
  createdAt: 'Ngày gửi',
  timeline: 'Quá trình xử lý',
  reply: 'Kết quả trả lời',
  proof: 'Hình ảnh kết quả',
  attachments: 'Tệp đính kèm',
  notFound: 'Không tìm thấy phản ánh với mã này.',
  tokenInvalid: 'Mã bí mật lưu trên máy không khớp với phản ánh này.',
  infoRequested: 'Cơ quan xử lý cần thêm thông tin',
  answerLabel: 'Câu trả lời của bạn',
  sendAnswer: 'Gửi trả lời',
  rateTitle: 'Đánh giá kết quả',
  score: '{n} sao',
  scoreLegend: 'Mức hài lòng (1 đến 5)',
  commentLabel: 'Nhận xét (không bắt buộc)',
  sendRating: 'Gửi đánh giá',
  yourRating: 'Bạn đã đánh giá {n}/5.',
  withdrawTitle: 'Rút phản ánh',
  withdrawReason: 'Lý do (không bắt buộc)',
  withdrawButton: 'Rút phản ánh',
  withdrawConfirm: 'Bạn chắc chắn muốn rút phản ánh này?',
  actionDone: 'Đã gửi.',
  actionNotAllowed: 'Thao tác này không còn được phép ở bước hiện tại.',
  actionFailed: 'Không gửi được. Thử lại sau.',
  // Feed
  feedTitle: 'Phản ánh đã xử lý',
  filters: 'Lọc',
  allCategories: 'Tất cả lĩnh vực',
  allCommunes: 'Tất cả xã, phường',
  allStatuses: 'Mọi trạng thái',
  statusResponded: 'Đã trả lời',
  statusClosed: 'Đã kết thúc',
  feedEmpty: 'Chưa có phản ánh nào phù hợp.',
  feedMapTodo: 'Bản đồ phản ánh sẽ có trong phiên bản sau.',
  previous: 'Trang trước',
  next: 'Trang sau',
  pageOf: 'Trang {page}/{pages}',
  views: '{n} lượt xem',
  // Help
  helpTitle: 'Hướng dẫn và hỗ trợ',
  hotline: 'Đường dây nóng',
  callHotline: 'Gọi 1900 9038',
  howTo: 'Cách gửi phản ánh',
  howTo1: 'Bấm "Gửi phản ánh mới", chọn lĩnh vực và mô tả vấn đề.',
  howTo2: 'Thêm ảnh hoặc video (không bắt buộc) và vị trí xảy ra.',
  howTo3: 'Gửi. Bạn nhận một mã phản ánh, được lưu trên máy này.',
  howTo4: 'Theo dõi tiến độ, trả lời khi được hỏi thêm và đánh giá kết quả.',
  offlineHelp: 'Không có mạng? Cứ gửi: phản ánh được lưu trên máy và tự gửi khi có kết nối, chỉ một lần.',
  privacyHelp: 'Danh tính của bạn được giữ bí mật theo mặc định; kết quả công khai không có thông tin cá nhân.',
  install: 'Cài ứng dụng: trong trình duyệt, chọn "Thêm vào màn hình chính".',
} as const;

export type MessageKey = keyof typeof vi;
export type Dictionary = Record<MessageKey, string>;

const en: Dictionary = {
  appName: 'Field reports',
  province: 'Hà Tĩnh province',
  skipToContent: 'Skip to main content',
  navHome: 'Home',
  navReport: 'Report',
  navFeed: 'Results',
  navHelp: 'Help',
  mainNav: 'Main navigation',
  language: 'Language',
  switchLanguage: 'Tiếng Việt',
  switchLanguageLabel: 'Chuyển sang tiếng Việt',
  offlineBanner: 'You are offline. A report sent now is kept on this device and sent when the connection returns.',
  loading: 'Loading…',
  loadFailed: 'Could not load the data. Check your connection and try again.',
  retry: 'Try again',
  homeIntro: 'See a problem where you live? Report it; the authorities receive it and answer.',
  reportButton: 'Make a new report',
  trackTitle: 'Track a report',
  trackCodeLabel: 'Tracking code',
  trackCodeHint: 'For example: HT-2611-7K3Q',
  trackButton: 'Track',
  errTrackCode: 'Enter the tracking code you received when you reported, e.g. HT-2611-7K3Q.',
  myReports: 'My reports (on this device)',
  myReportsEmpty: 'You have not sent a report from this device yet.',
  waitingToSend: 'Waiting to be sent',
  sendFailed: 'Could not be sent',
  announcements: 'Announcements',
  announcementsArea: 'Area',
  allProvince: 'Whole province',
  noAnnouncements: 'No announcements.',
  reportTitle: 'Make a report',
  stepCategory: '1. Category',
  stepDescription: '2. Description',
  stepMedia: '3. Photos and videos',
  stepLocation: '4. Location',
  stepReporter: '5. About you (optional)',
  descriptionLabel: 'Describe the problem',
  descriptionHint: 'At least 10 characters: what happened, where, since when.',
  urgentLabel: 'Urgent (danger to people or property)',
  takePhoto: 'Take a photo / video',
  pickFiles: 'Choose from gallery',
  mediaHint: 'Up to 10 files; photos ≤ 10 MB, videos ≤ 100 MB.',
  removeFile: 'Remove {name}',
  fileTooLarge: '{name}: too large ({size}); at most {max}.',
  fileWrongType: '{name}: only photos or videos.',
  tooManyFiles: 'At most {max} files.',
  video: 'Video',
  useMyLocation: 'Use my location',
  locating: 'Finding your location…',
  locationFailed: 'Could not get your location. Enter an address or coordinates.',
  locationFound: 'Location found (accurate to about {accuracy} m).',
  mapUnavailable: 'The map is not in this version yet; enter coordinates or an address below.',
  latitude: 'Latitude',
  longitude: 'Longitude',
  address: 'Address',
  addressHint: 'House number, street, village…',
  commune: 'Commune or ward',
  communeAuto: 'Detect from the location',
  name: 'Full name',
  phone: 'Phone number',
  email: 'Email',
  confidential: 'Keep my identity confidential',
  confidentialHint: 'The unit handling it does not see your name or phone number.',
  submit: 'Send the report',
  submitting: 'Sending…',
  errCategory: 'Choose a category.',
  errDescription: 'The description needs at least 10 characters.',
  errLocation: 'Say where: use your location, or enter coordinates or an address.',
  errLatLng: 'Latitude and longitude go together and must be valid numbers.',
  errPhone: 'The phone number is not valid.',
  errEmail: 'The email address is not valid.',
  formHasErrors: 'The form has errors; see the marked fields.',
  sentTitle: 'Report sent',
  sentCodeIntro: 'Your tracking code:',
  sentCodeKept: 'The code is kept on this device, under "My reports".',
  queuedTitle: 'Saved on this device',
  queuedText:
    'No connection yet. The report is kept on this device and sent by itself when you are online; no need to send it again.',
  sendingText: 'Sending the report…',
  rejectedText: 'The server refused the report: {reason}',
  discard: 'Delete this draft',
  viewReport: 'View the report',
  newReport: 'Make another report',
  status: 'Status',
  category: 'Category',
  unit: 'Handled by',
  deadline: 'Deadline',
  createdAt: 'Sent on',
  timeline: 'Progress',
  reply: 'Reply',
  proof: 'Photos of the result',
  attachments: 'Attachments',
  notFound: 'No report has this code.',
  tokenInvalid: 'The secret kept on this device does not match this report.',
  infoRequested: 'The unit needs more information',
  answerLabel: 'Your answer',
  sendAnswer: 'Send the answer',
  rateTitle: 'Rate the result',
  score: '{n} stars',
  scoreLegend: 'How satisfied are you (1 to 5)',
  commentLabel: 'Comment (optional)',
  sendRating: 'Send the rating',
  yourRating: 'You rated it {n}/5.',
  withdrawTitle: 'Withdraw the report',
  withdrawReason: 'Reason (optional)',
  withdrawButton: 'Withdraw',
  withdrawConfirm: 'Do you really want to withdraw this report?',
  actionDone: 'Sent.',
  actionNotAllowed: 'This is no longer allowed at the current step.',
  actionFailed: 'Could not send. Try again later.',
  feedTitle: 'Handled reports',
  filters: 'Filters',
  allCategories: 'All categories',
  allCommunes: 'All communes',
  allStatuses: 'Any status',
  statusResponded: 'Answered',
  statusClosed: 'Closed',
  feedEmpty: 'No report matches.',
  feedMapTodo: 'A map of reports comes in a later version.',
  previous: 'Previous page',
  next: 'Next page',
  pageOf: 'Page {page} of {pages}',
  views: '{n} views',
  helpTitle: 'Help and support',
  hotline: 'Hotline',
  callHotline: 'Call 1900 9038',
  howTo: 'How to report',
  howTo1: 'Tap "Make a new report", choose a category and describe the problem.',
  howTo2: 'Add photos or videos (optional) and where it is.',
  howTo3: 'Send. You get a tracking code, kept on this device.',
  howTo4: 'Follow the progress, answer questions and rate the result.',
  offlineHelp: 'No connection? Send anyway: the report is kept on this device and sent once, when you are online.',
  privacyHelp: 'Your identity is confidential by default; public results carry no personal data.',
  install: 'Install the app: in your browser, choose "Add to home screen".',
};

export type Language = 'vi' | 'en';
export const DICTIONARIES: Record<Language, Dictionary> = { vi, en };

const STORAGE_KEY = 'portal.language';

export function initialLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this visit.
  }
  document.documentElement.lang = language;
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const dictionary = DICTIONARIES[language];
  return (key, values) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      values && name in values ? String(values[name]) : whole,
    );
}

export interface I18n {
  language: Language;
  t: Translate;
  setLanguage(language: Language): void;
}

export const I18nContext = createContext<I18n>({ language: 'vi', t: translator('vi'), setLanguage: () => {} });

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function formatDate(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
}

export function formatSize(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
