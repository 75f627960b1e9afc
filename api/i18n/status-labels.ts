/**
 * The words citizens read for a case's status and for each entry of its timeline, Vietnamese
 * first. Statuses are the contract (docs/api-contract.md); these labels may improve at any time.
 */
import type { CaseStatus } from '../../domain/case-steps';
import type { Language } from './language';

export const STATUS_LABELS: Record<CaseStatus, Record<Language, string>> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  verifying: { vi: 'Đang xác minh', en: 'Being verified' },
  info_requested: { vi: 'Chờ bổ sung thông tin', en: 'Awaiting more information' },
  routing: { vi: 'Đang chuyển đơn vị xử lý', en: 'Being routed to a unit' },
  awaiting_acceptance: { vi: 'Chờ đơn vị tiếp nhận', en: 'Awaiting acceptance by the unit' },
  processing: { vi: 'Đang xử lý', en: 'Being processed' },
  awaiting_approval: { vi: 'Đang xử lý', en: 'Being processed' }, // the leader's check is internal
  responded: { vi: 'Đã trả lời', en: 'Answered' },
  closed: { vi: 'Đã hoàn thành', en: 'Completed' },
  rejected: { vi: 'Không tiếp nhận', en: 'Not accepted' },
  duplicate: { vi: 'Trùng phản ánh khác', en: 'Duplicate of another report' },
  withdrawn: { vi: 'Đã rút phản ánh', en: 'Withdrawn' },
};

/** Timeline kinds the public or the reporter see (internal kinds never leave the back office). */
export const TIMELINE_LABELS: Record<string, Record<Language, string>> = {
  received: { vi: 'Tiếp nhận phản ánh', en: 'Report received' },
  verification_started: { vi: 'Bắt đầu xác minh', en: 'Verification started' },
  verified: { vi: 'Phản ánh hợp lệ, chuyển xử lý', en: 'Report verified' },
  rejected: { vi: 'Không tiếp nhận phản ánh', en: 'Report not accepted' },
  duplicate: { vi: 'Trùng với phản ánh đã có', en: 'Duplicate of an earlier report' },
  info_requested: { vi: 'Yêu cầu bổ sung thông tin', en: 'More information requested' },
  info_supplied: { vi: 'Người phản ánh đã bổ sung thông tin', en: 'Information supplied by the reporter' },
  info_request_expired: { vi: 'Hết hạn bổ sung thông tin', en: 'The request for information expired' },
  routed: { vi: 'Chuyển đơn vị xử lý', en: 'Sent to the competent unit' },
  accepted: { vi: 'Đơn vị đã tiếp nhận xử lý', en: 'Accepted by the unit' },
  extension_granted: { vi: 'Gia hạn thời gian xử lý', en: 'Deadline extended' },
  reply_published: { vi: 'Công bố kết quả xử lý', en: 'Result published' },
  rated: { vi: 'Người phản ánh đã đánh giá', en: 'Rated by the reporter' },
  reopened: { vi: 'Mở lại để xử lý tiếp', en: 'Reopened for further processing' },
  closed: { vi: 'Hoàn thành', en: 'Completed' },
  closed_unrated: { vi: 'Hoàn thành (không có đánh giá)', en: 'Completed (not rated)' },
  withdrawn: { vi: 'Người phản ánh đã rút phản ánh', en: 'Withdrawn by the reporter' },
};

export function statusLabel(status: CaseStatus, language: Language): string {
  return STATUS_LABELS[status][language];
}

/** A kind without a label (one added to the workflow later) shows as itself rather than failing. */
export function timelineLabel(kind: string, language: Language): string {
  return TIMELINE_LABELS[kind]?.[language] ?? kind;
}
