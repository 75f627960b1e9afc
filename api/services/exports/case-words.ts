/**
 * The words of the back office's exports for a case's status, step, level, channel and rating,
 * Vietnamese first: the same as the back office shows (admin/src/i18n), since officials compare
 * the file with the screen. (Citizens read api/i18n/status-labels.ts, which hides internal steps.)
 */
import type { CaseLevel, CaseStatus, CaseStep } from '../../../domain/case-steps';
import type { Language } from '../../i18n/language';

export type Words = Record<Language, string>;

export const CASE_WORDS: {
  status: Record<CaseStatus, Words>;
  step: Record<CaseStep, Words>;
  level: Record<CaseLevel, Words>;
  rating: Record<number, Words>;
  yes: Words;
  no: Words;
} = {
  status: {
    received: { vi: 'Đã tiếp nhận', en: 'Received' },
    verifying: { vi: 'Đang xác minh', en: 'Being verified' },
    info_requested: { vi: 'Chờ bổ sung thông tin', en: 'Awaiting information' },
    routing: { vi: 'Đang chuyển đơn vị', en: 'Being routed' },
    awaiting_acceptance: { vi: 'Chờ đơn vị tiếp nhận', en: 'Awaiting acceptance' },
    processing: { vi: 'Đang xử lý', en: 'Being processed' },
    awaiting_approval: { vi: 'Chờ lãnh đạo duyệt', en: 'Awaiting approval' },
    responded: { vi: 'Đã trả lời', en: 'Answered' },
    closed: { vi: 'Đã hoàn thành', en: 'Closed' },
    rejected: { vi: 'Không tiếp nhận', en: 'Rejected' },
    duplicate: { vi: 'Trùng phản ánh khác', en: 'Duplicate' },
    withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
  },
  step: {
    receive: { vi: 'Tiếp nhận', en: 'Receive' },
    verify: { vi: 'Xác minh', en: 'Verify' },
    route: { vi: 'Chuyển đơn vị', en: 'Route' },
    accept: { vi: 'Đơn vị tiếp nhận', en: 'Accept' },
    assign: { vi: 'Phân công', en: 'Assign' },
    process: { vi: 'Xử lý', en: 'Process' },
    extension: { vi: 'Gia hạn', en: 'Extension' },
    approve: { vi: 'Phê duyệt', en: 'Approve' },
    respond: { vi: 'Công bố kết quả', en: 'Respond' },
    rate: { vi: 'Đánh giá', en: 'Rating' },
    review: { vi: 'Xem xét lại', en: 'Review' },
    close: { vi: 'Kết thúc', en: 'Close' },
  },
  level: {
    normal: { vi: 'Thông thường', en: 'Normal' },
    urgent: { vi: 'Khẩn', en: 'Urgent' },
    complex: { vi: 'Phức tạp', en: 'Complex' },
  },
  rating: {
    1: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
    2: { vi: 'Không hài lòng', en: 'Dissatisfied' },
    3: { vi: 'Bình thường', en: 'Neutral' },
    4: { vi: 'Hài lòng', en: 'Satisfied' },
    5: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
};
