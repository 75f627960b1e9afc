/**
 * Reusable texts for the outcomes of the steps (rejection reasons as iHanoi uses them, the formal
 * reply letter of Huế's public pages: "Kính gửi: Quý Ông/Bà ... xin thông báo kết quả xử lý như
 * sau ... Trân trọng."). Placeholders in {{double braces}} are the letter variables of
 * domain/reply-letters.ts: the case's facts are filled for the official, who writes their own
 * words in place of {{reason}}, {{question}}, {{comment}} and {{result}}; {{dueDate}} is filled
 * by the workflow. tests/reply-templates.test.ts sends each of these from a real case.
 * Templates are administrators' data: a re-seed adds missing codes and never overwrites one.
 */
import type { Db } from '../../platform/db';
import { seedId } from './seed-id';

export interface SeedReplyTemplate {
  id: string;
  code: string;
  purpose: string;
  titleVi: string;
  titleEn: string;
  bodyVi: string;
  bodyEn: string;
}

const lines = (...paragraphs: string[]) => paragraphs.join('\n\n');

const GREETING_VI = 'Kính gửi: Quý Ông/Bà {{reporterName}}';
// Not named: a confidential reporter's name is left empty, and "Dear ," would be the result.
const GREETING_EN = 'Dear Sir or Madam,';
const CLOSING_VI = 'Trân trọng.';
const CLOSING_EN = 'Yours faithfully,\n{{unitName}}';

const ENTRIES: Omit<SeedReplyTemplate, 'id'>[] = [
  {
    code: 'reject-out-of-scope',
    purpose: 'reject',
    titleVi: 'Từ chối: nội dung không thuộc phạm vi tiếp nhận',
    titleEn: 'Rejected: outside the scope of field reports',
    bodyVi: lines(
      GREETING_VI,
      '{{unitName}} đã nhận được phản ánh mã {{trackingCode}} của Quý Ông/Bà. Nội dung này không thuộc phạm vi tiếp nhận, xử lý của Hệ thống phản ánh hiện trường: các nội dung khiếu nại, tố cáo, tranh chấp đất đai được giải quyết theo trình tự, thủ tục riêng do pháp luật về khiếu nại, tố cáo và đất đai quy định.',
      'Lý do: {{reason}}',
      'Đề nghị Quý Ông/Bà gửi đơn đến cơ quan có thẩm quyền để được xem xét, giải quyết theo quy định.',
      CLOSING_VI,
    ),
    bodyEn: lines(
      GREETING_EN,
      '{{unitName}} has received your report {{trackingCode}}. Its subject is outside the scope of the field-report system: complaints, denunciations and land disputes are handled through the separate procedures the law on complaints, denunciations and land lays down.',
      'Reason: {{reason}}',
      'Please submit your petition to the competent authority, which will consider it as the law provides.',
      CLOSING_EN,
    ),
  },
  {
    code: 'reject-unclear',
    purpose: 'reject',
    titleVi: 'Từ chối: thông tin phản ánh không rõ ràng',
    titleEn: 'Rejected: unclear information',
    bodyVi: lines(
      GREETING_VI,
      '{{unitName}} đã nhận được phản ánh mã {{trackingCode}} của Quý Ông/Bà. Do nội dung, hình ảnh hoặc vị trí phản ánh chưa rõ ràng, không đủ cơ sở để kiểm tra, xác minh, phản ánh không được tiếp nhận xử lý.',
      'Lý do: {{reason}}',
      'Quý Ông/Bà có thể gửi lại phản ánh với mô tả cụ thể, hình ảnh rõ nét và vị trí chính xác để được xem xét.',
      CLOSING_VI,
    ),
    bodyEn: lines(
      GREETING_EN,
      '{{unitName}} has received your report {{trackingCode}}. Its description, photos or location are not clear enough to check and verify it, so it cannot be processed.',
      'Reason: {{reason}}',
      'You are welcome to send the report again with a precise description, clear photos and the exact location.',
      CLOSING_EN,
    ),
  },
  {
    code: 'duplicate',
    purpose: 'duplicate',
    titleVi: 'Phản ánh trùng nội dung',
    titleEn: 'Duplicate report',
    bodyVi: lines(
      GREETING_VI,
      'Phản ánh mã {{trackingCode}} của Quý Ông/Bà có nội dung trùng với phản ánh mã {{duplicateOfTrackingCode}} đã được tiếp nhận và đang được xử lý. Kết quả xử lý sẽ được công khai tại phản ánh mã {{duplicateOfTrackingCode}}; Quý Ông/Bà có thể theo dõi bằng mã này.',
      CLOSING_VI,
    ),
    bodyEn: lines(
      GREETING_EN,
      'Your report {{trackingCode}} concerns the same matter as report {{duplicateOfTrackingCode}}, which has been accepted and is being processed. Its result will be published under {{duplicateOfTrackingCode}}; you can follow it with that code.',
      CLOSING_EN,
    ),
  },
  {
    code: 'request-info',
    purpose: 'request_info',
    titleVi: 'Đề nghị bổ sung thông tin',
    titleEn: 'Request for more information',
    bodyVi: lines(
      GREETING_VI,
      'Để có cơ sở kiểm tra, xử lý phản ánh mã {{trackingCode}}, {{unitName}} đề nghị Quý Ông/Bà bổ sung thông tin sau:',
      '{{question}}',
      'Quý Ông/Bà vui lòng trả lời trước {{dueDate}}. Quá thời hạn này, phản ánh có thể không được tiếp nhận xử lý.',
      CLOSING_VI,
    ),
    bodyEn: lines(
      GREETING_EN,
      'To check and process your report {{trackingCode}}, {{unitName}} asks you for the following information:',
      '{{question}}',
      'Please answer before {{dueDate}}. After that date the report may not be processed.',
      CLOSING_EN,
    ),
  },
  {
    code: 'return-not-competent',
    purpose: 'return',
    titleVi: 'Trả lại: không thuộc thẩm quyền của đơn vị',
    titleEn: 'Returned: not within the unit’s competence',
    bodyVi: lines(
      'Kính gửi: Trung tâm Giám sát, điều hành đô thị thông minh tỉnh Hà Tĩnh',
      '{{unitName}} trả lại phản ánh mã {{trackingCode}} do nội dung không thuộc thẩm quyền giải quyết của đơn vị.',
      'Lý do: {{reason}}',
      'Đề nghị Trung tâm chuyển phản ánh đến đơn vị có thẩm quyền.',
      CLOSING_VI,
    ),
    bodyEn: lines(
      'To: Ha Tinh Provincial Smart City Monitoring and Operations Centre',
      '{{unitName}} returns report {{trackingCode}}: its subject is not within the unit’s competence.',
      'Reason: {{reason}}',
      'Please route the report to the competent unit.',
      CLOSING_EN,
    ),
  },
  {
    code: 'send-back',
    purpose: 'send_back',
    titleVi: 'Yêu cầu hoàn thiện văn bản trả lời',
    titleEn: 'Reply sent back for revision',
    bodyVi: lines(
      'Văn bản trả lời phản ánh mã {{trackingCode}} chưa được phê duyệt. Đề nghị cán bộ xử lý hoàn thiện theo ý kiến sau:',
      '{{comment}}',
      'Văn bản trả lời cần nêu rõ kết quả kiểm tra, biện pháp đã thực hiện và kèm hình ảnh hoặc tài liệu chứng minh.',
    ),
    bodyEn: lines(
      'The reply to report {{trackingCode}} has not been approved. Please revise it as follows:',
      '{{comment}}',
      'The reply must state what was found, what was done, and carry photos or documents as proof.',
    ),
  },
  {
    code: 'reply-letter',
    purpose: 'reply',
    titleVi: 'Văn bản trả lời kết quả xử lý phản ánh',
    titleEn: 'Reply letter: result of the report',
    bodyVi: lines(
      GREETING_VI,
      '{{unitName}} đã nhận được phản ánh mã {{trackingCode}} của Quý Ông/Bà, gửi ngày {{receivedDate}}, với nội dung: {{description}}',
      'Sau khi kiểm tra, xác minh, {{unitName}} xin thông báo kết quả xử lý như sau:',
      '{{result}}',
      '{{unitName}} cảm ơn Quý Ông/Bà đã quan tâm, phản ánh. Quý Ông/Bà vui lòng đánh giá mức độ hài lòng về kết quả xử lý.',
      CLOSING_VI,
    ),
    bodyEn: lines(
      GREETING_EN,
      '{{unitName}} has received your report {{trackingCode}} of {{receivedDate}}: {{description}}',
      'Having checked and verified it, {{unitName}} informs you of the result as follows:',
      '{{result}}',
      'Thank you for your report. Please rate how satisfied you are with the result.',
      CLOSING_EN,
    ),
  },
];

export const SEED_REPLY_TEMPLATES: readonly SeedReplyTemplate[] = ENTRIES.map((entry) => ({
  id: seedId('reply-template', entry.code),
  ...entry,
}));

export async function seedReplyTemplates(db: Db): Promise<number> {
  const { count } = await db.replyTemplate.createMany({ data: [...SEED_REPLY_TEMPLATES], skipDuplicates: true });
  return count;
}
