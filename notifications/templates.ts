/**
 * Every notification's wording, Vietnamese and English, with the {{variables}} it may use and a
 * sample of each for previews. These are the defaults: an administrator's edit is a
 * NotificationTemplate row (id "<event>.<locale>") that replaces one, and deleting it restores
 * the default (api/services/notification-templates.ts).
 *
 * `subject` is the mail subject and the in-app title; `body` the mail's text (its HTML part is the
 * same text, escaped) and the in-app text; `shortBody` the SMS and Zalo text (one or two SMS:
 * Vietnamese with diacritics is sent as UCS-2, 70 characters a part).
 */
import type { Db } from '../platform/db';
import { messageLinks } from './links';
import { render, type Locale } from './render';

const SAMPLE_LINKS = messageLinks('https://phananh.hatinh.gov.vn');

export interface TemplateText {
  subject: string;
  body: string;
  shortBody: string;
}

export type CitizenEvent =
  | 'case_received'
  | 'info_requested'
  | 'case_accepted'
  | 'reply_published'
  | 'rating_reminder'
  | 'case_closed'
  | 'announcement_alert'
  | 'area_reports'
  | 'subscription_confirm'
  | 'citizen_sign_in_code';

export type OfficialEvent =
  | 'new_task'
  | 'task_assigned'
  | 'deadline_reminder'
  | 'overdue'
  | 'escalated'
  | 'extension_requested'
  | 'extension_decided'
  | 'case_returned'
  | 'urgent_report';

export type TemplateEvent = CitizenEvent | OfficialEvent;

export interface EventSpec {
  audience: 'citizen' | 'official';
  /** What each variable holds, for the template editor. */
  variables: Record<string, string>;
  /** Values for previews. */
  sample: Record<string, string>;
  texts: Record<Locale, TemplateText>;
}

const CASE_VARIABLES = {
  trackingCode: 'Mã tra cứu / tracking code',
  link: 'Trang theo dõi phản ánh / the case page',
};
const CASE_SAMPLE = {
  trackingCode: 'HT-2612-7K3Q',
  link: SAMPLE_LINKS.citizenCase('HT-2612-7K3Q'),
};
const OFFICIAL_VARIABLES = {
  trackingCode: 'Mã phản ánh / tracking code',
  step: 'Bước xử lý / step',
  deadline: 'Hạn của bước / the step deadline',
  link: 'Trang phản ánh trong hệ thống / the case in the back office',
};
const OFFICIAL_SAMPLE = {
  trackingCode: 'HT-2612-7K3Q',
  step: 'Xử lý',
  deadline: '16:30 08/12/2026',
  link: SAMPLE_LINKS.officialCase('5f0c8e7a-3b1d-4c2e-9f6a-1d2e3f4a5b6c'),
};

function official(vi: [string, string], en: [string, string]): EventSpec {
  return {
    audience: 'official',
    variables: OFFICIAL_VARIABLES,
    sample: OFFICIAL_SAMPLE,
    texts: {
      vi: { subject: vi[0], body: vi[1], shortBody: `${vi[0]}. ${vi[1]}` },
      en: { subject: en[0], body: en[1], shortBody: `${en[0]}. ${en[1]}` },
    },
  };
}

const SIGN_VI = '\n\nTrân trọng,\nHệ thống Phản ánh hiện trường tỉnh Hà Tĩnh';
const SIGN_EN = '\n\nRegards,\nHà Tĩnh field reports';

export const EVENTS: Record<TemplateEvent, EventSpec> = {
  case_received: {
    audience: 'citizen',
    variables: { ...CASE_VARIABLES, receivedAt: 'Thời điểm tiếp nhận / when it was received' },
    sample: { ...CASE_SAMPLE, receivedAt: '09:15 05/12/2026' },
    texts: {
      vi: {
        subject: 'Đã tiếp nhận phản ánh {{trackingCode}}',
        body: `Kính gửi Ông/Bà,\n\nPhản ánh của Ông/Bà đã được tiếp nhận lúc {{receivedAt}}. Mã tra cứu: {{trackingCode}}.\n\nTheo dõi quá trình xử lý tại: {{link}}${SIGN_VI}`,
        shortBody: 'Hà Tĩnh: Đã tiếp nhận phản ánh, mã {{trackingCode}}. Theo dõi: {{link}}',
      },
      en: {
        subject: 'Report {{trackingCode}} received',
        body: `Dear citizen,\n\nYour report was received at {{receivedAt}}. Tracking code: {{trackingCode}}.\n\nFollow it at: {{link}}${SIGN_EN}`,
        shortBody: 'Ha Tinh: report received, code {{trackingCode}}. Follow it: {{link}}',
      },
    },
  },
  info_requested: {
    audience: 'citizen',
    variables: {
      ...CASE_VARIABLES,
      question: 'Nội dung cần bổ sung / the question',
      deadline: 'Hạn trả lời / answer by',
    },
    sample: { ...CASE_SAMPLE, question: 'Xin cho biết vị trí chính xác (số nhà, ngõ)?', deadline: '17:00 12/12/2026' },
    texts: {
      vi: {
        subject: 'Đề nghị bổ sung thông tin phản ánh {{trackingCode}}',
        body: `Kính gửi Ông/Bà,\n\nĐể xử lý phản ánh {{trackingCode}}, đề nghị Ông/Bà bổ sung thông tin:\n"{{question}}"\n\nVui lòng trả lời trước {{deadline}} tại: {{link}}${SIGN_VI}`,
        shortBody: 'Hà Tĩnh: Phản ánh {{trackingCode}} cần bổ sung thông tin trước {{deadline}}: {{link}}',
      },
      en: {
        subject: 'More information needed for report {{trackingCode}}',
        body: `Dear citizen,\n\nTo handle report {{trackingCode}} we need more information:\n"{{question}}"\n\nPlease answer by {{deadline}} at: {{link}}${SIGN_EN}`,
        shortBody: 'Ha Tinh: report {{trackingCode}} needs more information by {{deadline}}: {{link}}',
      },
    },
  },
  case_accepted: {
    audience: 'citizen',
    variables: { ...CASE_VARIABLES, unitName: 'Đơn vị xử lý / the unit' },
    sample: { ...CASE_SAMPLE, unitName: 'UBND phường Thành Sen' },
    texts: {
      vi: {
        subject: 'Phản ánh {{trackingCode}} đã được đơn vị tiếp nhận xử lý',
        body: `Kính gửi Ông/Bà,\n\n{{unitName}} đã tiếp nhận xử lý phản ánh {{trackingCode}}.\n\nTheo dõi tại: {{link}}${SIGN_VI}`,
        shortBody: 'Hà Tĩnh: {{unitName}} đã tiếp nhận xử lý phản ánh {{trackingCode}}. Theo dõi: {{link}}',
      },
      en: {
        subject: 'Report {{trackingCode}} accepted by {{unitName}}',
        body: `Dear citizen,\n\n{{unitName}} has accepted report {{trackingCode}}.\n\nFollow it at: {{link}}${SIGN_EN}`,
        shortBody: 'Ha Tinh: {{unitName}} accepted report {{trackingCode}}. Follow it: {{link}}',
      },
    },
  },
  reply_published: {
    audience: 'citizen',
    variables: {
      ...CASE_VARIABLES,
      unitName: 'Đơn vị xử lý / the unit',
      replyExcerpt: 'Trích nội dung trả lời / the reply, shortened',
      deadline: 'Hạn đánh giá / rate by',
    },
    sample: {
      ...CASE_SAMPLE,
      unitName: 'UBND phường Thành Sen',
      replyExcerpt: 'Kính gửi Ông/Bà, UBND phường đã thu gom rác và xử phạt.',
      deadline: '09:15 12/12/2026',
    },
    texts: {
      vi: {
        subject: 'Kết quả xử lý phản ánh {{trackingCode}}',
        body: `Kính gửi Ông/Bà,\n\n{{unitName}} đã trả lời phản ánh {{trackingCode}}:\n"{{replyExcerpt}}"\n\nXem đầy đủ và đánh giá kết quả (trước {{deadline}}) tại: {{link}}${SIGN_VI}`,
        shortBody: 'Hà Tĩnh: Phản ánh {{trackingCode}} đã có kết quả. Xem và đánh giá: {{link}}',
      },
      en: {
        subject: 'Result of report {{trackingCode}}',
        body: `Dear citizen,\n\n{{unitName}} has answered report {{trackingCode}}:\n"{{replyExcerpt}}"\n\nRead it in full and rate it (by {{deadline}}) at: {{link}}${SIGN_EN}`,
        shortBody: 'Ha Tinh: report {{trackingCode}} has been answered. Read and rate: {{link}}',
      },
    },
  },
  rating_reminder: {
    audience: 'citizen',
    variables: { ...CASE_VARIABLES, deadline: 'Hạn đánh giá / rate by' },
    sample: { ...CASE_SAMPLE, deadline: '09:15 12/12/2026' },
    texts: {
      vi: {
        subject: 'Mời đánh giá kết quả xử lý phản ánh {{trackingCode}}',
        body: `Kính gửi Ông/Bà,\n\nMời Ông/Bà đánh giá mức độ hài lòng với kết quả xử lý phản ánh {{trackingCode}} trước {{deadline}} tại: {{link}}${SIGN_VI}`,
        shortBody: 'Hà Tĩnh: Mời đánh giá kết quả xử lý phản ánh {{trackingCode}} trước {{deadline}}: {{link}}',
      },
      en: {
        subject: 'Please rate the result of report {{trackingCode}}',
        body: `Dear citizen,\n\nPlease tell us how satisfied you are with the result of report {{trackingCode}}, by {{deadline}}, at: {{link}}${SIGN_EN}`,
        shortBody: 'Ha Tinh: please rate the result of report {{trackingCode}} by {{deadline}}: {{link}}',
      },
    },
  },
  case_closed: {
    audience: 'citizen',
    variables: { ...CASE_VARIABLES, statusLabel: 'Kết quả / outcome', note: 'Ghi chú / note' },
    sample: { ...CASE_SAMPLE, statusLabel: 'Đã hoàn thành', note: '' },
    texts: {
      vi: {
        subject: 'Phản ánh {{trackingCode}}: {{statusLabel}}',
        body: `Kính gửi Ông/Bà,\n\nPhản ánh {{trackingCode}} đã kết thúc với kết quả: {{statusLabel}}. {{note}}\n\nChi tiết tại: {{link}}\n\nCảm ơn Ông/Bà đã đồng hành cùng chính quyền.${SIGN_VI}`,
        shortBody: 'Hà Tĩnh: Phản ánh {{trackingCode}}: {{statusLabel}}. Chi tiết: {{link}}',
      },
      en: {
        subject: 'Report {{trackingCode}}: {{statusLabel}}',
        body: `Dear citizen,\n\nReport {{trackingCode}} has ended: {{statusLabel}}. {{note}}\n\nDetails: {{link}}\n\nThank you for your report.${SIGN_EN}`,
        shortBody: 'Ha Tinh: report {{trackingCode}}: {{statusLabel}}. Details: {{link}}',
      },
    },
  },
  announcement_alert: {
    audience: 'citizen',
    variables: {
      title: 'Tiêu đề / title',
      body: 'Nội dung / text',
      kindLabel: 'Loại tin / kind',
      unitName: 'Đơn vị đăng tin / the publishing unit',
      validUntil: 'Hiệu lực đến / valid until',
      link: 'Trang thông báo / the announcements page',
      manageLink: 'Thay đổi nội dung nhận / manage what you receive',
      unsubscribeLink: 'Hủy đăng ký / one-click unsubscribe',
    },
    sample: {
      title: 'Cảnh báo lũ quét trên sông Ngàn Sâu',
      body: 'Mưa lớn kéo dài, nguy cơ lũ quét và sạt lở đất tại các xã ven sông. Người dân không qua ngầm tràn.',
      kindLabel: 'Thiên tai',
      unitName: 'Ban Chỉ huy PCTT và TKCN tỉnh',
      validUntil: '18:00 07/12/2026',
      link: SAMPLE_LINKS.announcements(),
      manageLink: SAMPLE_LINKS.manageSubscription('q7V2mX9kLpR4'),
      unsubscribeLink: SAMPLE_LINKS.unsubscribe('q7V2mX9kLpR4'),
    },
    texts: {
      vi: {
        subject: '[KHẨN] {{kindLabel}}: {{title}}',
        body: `{{title}}\n\n{{body}}\n\nHiệu lực đến: {{validUntil}}. Nguồn: {{unitName}}.\nXem các thông báo: {{link}}\n\nThay đổi nội dung nhận: {{manageLink}}\nNgừng nhận cảnh báo: {{unsubscribeLink}}`,
        shortBody: '[KHẨN] {{title}}. {{body}} Hủy nhận tin: {{unsubscribeLink}}',
      },
      en: {
        subject: '[URGENT] {{kindLabel}}: {{title}}',
        body: `{{title}}\n\n{{body}}\n\nValid until: {{validUntil}}. From: {{unitName}}.\nAll announcements: {{link}}\n\nChange what you receive: {{manageLink}}\nStop these alerts: {{unsubscribeLink}}`,
        shortBody: '[URGENT] {{title}}. {{body}} Stop: {{unsubscribeLink}}',
      },
    },
  },
  area_reports: {
    audience: 'citizen',
    variables: {
      summary: 'Tóm tắt (số phản ánh mới, đã giải quyết) / the counts',
      list: 'Danh sách phản ánh (mã, lĩnh vực, xã, liên kết) / the reports, one a line',
      link: 'Phản ánh (một) hoặc trang phản ánh công khai / the report, or the public feed',
      manageLink: 'Thay đổi nội dung nhận / manage what you receive',
      unsubscribeLink: 'Hủy đăng ký / one-click unsubscribe',
    },
    sample: {
      summary: '2 phản ánh mới, 1 phản ánh đã có kết quả',
      list:
        `• Mới: HT-2612-7K3Q, Giao thông, Phường Thành Sen: ${SAMPLE_LINKS.citizenCase('HT-2612-7K3Q')}\n` +
        `• Đã có kết quả: HT-2612-9P2M, Môi trường, Phường Thành Sen: ${SAMPLE_LINKS.citizenCase('HT-2612-9P2M')}`,
      link: SAMPLE_LINKS.feed(),
      manageLink: SAMPLE_LINKS.manageSubscription('q7V2mX9kLpR4'),
      unsubscribeLink: SAMPLE_LINKS.unsubscribe('q7V2mX9kLpR4'),
    },
    texts: {
      vi: {
        subject: 'Phản ánh trên địa bàn: {{summary}}',
        body: `Kính gửi Ông/Bà,\n\nTrên địa bàn Ông/Bà theo dõi có {{summary}}:\n\n{{list}}\n\nXem thêm: {{link}}\n\nThay đổi nội dung nhận: {{manageLink}}\nNgừng nhận: {{unsubscribeLink}}${SIGN_VI}`,
        shortBody: 'Hà Tĩnh: {{summary}} trên địa bàn theo dõi. Xem: {{link}}',
      },
      en: {
        subject: 'Reports in your area: {{summary}}',
        body: `Dear citizen,\n\nIn the area you follow: {{summary}}.\n\n{{list}}\n\nMore: {{link}}\n\nChange what you receive: {{manageLink}}\nStop these alerts: {{unsubscribeLink}}${SIGN_EN}`,
        shortBody: 'Ha Tinh: {{summary}} in the area you follow. See {{link}}',
      },
    },
  },
  citizen_sign_in_code: {
    audience: 'citizen',
    variables: {
      code: 'Mã đăng nhập một lần / the one-time code',
      minutes: 'Số phút còn hiệu lực / minutes it stays valid',
    },
    sample: { code: '482913', minutes: '5' },
    texts: {
      vi: {
        subject: 'Mã đăng nhập Phản ánh hiện trường',
        body: `Mã đăng nhập của Ông/Bà là {{code}}, có hiệu lực {{minutes}} phút. Không chia sẻ mã này với bất kỳ ai, kể cả cán bộ.${SIGN_VI}`,
        shortBody: 'Hà Tĩnh: Mã đăng nhập {{code}}, hiệu lực {{minutes}} phút. Không chia sẻ mã này với ai.',
      },
      en: {
        subject: 'Your Hà Tĩnh field reports sign-in code',
        body: `Your sign-in code is {{code}}, valid for {{minutes}} minutes. Do not share it with anyone, officials included.${SIGN_EN}`,
        shortBody: 'Ha Tinh: sign-in code {{code}}, valid {{minutes}} min. Do not share it.',
      },
    },
  },
  subscription_confirm: {
    audience: 'citizen',
    variables: {
      areaNames: 'Địa bàn đăng ký / the areas',
      topics: 'Nội dung đăng ký / what was chosen',
      confirmLink: 'Xác nhận đăng ký / confirm',
      manageLink: 'Thay đổi nội dung nhận / manage what you receive',
      unsubscribeLink: 'Hủy đăng ký / unsubscribe',
    },
    sample: {
      areaNames: 'Phường Thành Sen, Xã Cẩm Xuyên',
      topics: 'cảnh báo thiên tai khẩn cấp, phản ánh đã có kết quả',
      confirmLink: SAMPLE_LINKS.confirmSubscription('q7V2mX9kLpR4'),
      manageLink: SAMPLE_LINKS.manageSubscription('q7V2mX9kLpR4'),
      unsubscribeLink: SAMPLE_LINKS.unsubscribe('q7V2mX9kLpR4'),
    },
    texts: {
      vi: {
        subject: 'Xác nhận đăng ký nhận thông báo khu vực',
        body: `Kính gửi Ông/Bà,\n\nĐịa chỉ này vừa được đăng ký nhận thông báo ({{topics}}) cho: {{areaNames}}.\n\nXác nhận đăng ký: {{confirmLink}}\n\nThay đổi nội dung nhận: {{manageLink}}\nNếu không phải Ông/Bà đăng ký, hãy bỏ qua thư này hoặc hủy tại: {{unsubscribeLink}}${SIGN_VI}`,
        shortBody: 'Hà Tĩnh: Xác nhận nhận thông báo khu vực cho {{areaNames}}: {{confirmLink}}',
      },
      en: {
        subject: 'Confirm your subscription to area alerts',
        body: `Dear citizen,\n\nThis address was subscribed to alerts ({{topics}}) for: {{areaNames}}.\n\nConfirm: {{confirmLink}}\n\nChange what you receive: {{manageLink}}\nIf this was not you, ignore this message or unsubscribe: {{unsubscribeLink}}${SIGN_EN}`,
        shortBody: 'Ha Tinh: confirm area alerts for {{areaNames}}: {{confirmLink}}',
      },
    },
  },
  new_task: official(
    ['Nhiệm vụ mới: {{trackingCode}}', 'Phản ánh {{trackingCode}} chờ bước "{{step}}", hạn {{deadline}}.'],
    ['New task: {{trackingCode}}', 'Report {{trackingCode}} awaits the step "{{step}}", due {{deadline}}.'],
  ),
  task_assigned: official(
    ['Được giao xử lý {{trackingCode}}', 'Bạn được giao xử lý phản ánh {{trackingCode}}, hạn {{deadline}}.'],
    ['Assigned: {{trackingCode}}', 'You were assigned report {{trackingCode}}, due {{deadline}}.'],
  ),
  deadline_reminder: official(
    ['Sắp đến hạn: {{trackingCode}}', 'Bước "{{step}}" của phản ánh {{trackingCode}} đến hạn lúc {{deadline}}.'],
    ['Due soon: {{trackingCode}}', 'The step "{{step}}" of report {{trackingCode}} is due at {{deadline}}.'],
  ),
  overdue: official(
    ['Quá hạn: {{trackingCode}}', 'Bước "{{step}}" của phản ánh {{trackingCode}} đã quá hạn ({{deadline}}).'],
    ['Overdue: {{trackingCode}}', 'The step "{{step}}" of report {{trackingCode}} is overdue (due {{deadline}}).'],
  ),
  escalated: official(
    [
      'Chuyển cấp giám sát: {{trackingCode}}',
      'Phản ánh {{trackingCode}} quá hạn ở bước "{{step}}" và được báo cáo lên giám sát.',
    ],
    [
      'Escalated: {{trackingCode}}',
      'Report {{trackingCode}} is overdue at "{{step}}" and was escalated to supervisors.',
    ],
  ),
  extension_requested: official(
    ['Đề nghị gia hạn: {{trackingCode}}', 'Cán bộ xử lý đề nghị gia hạn phản ánh {{trackingCode}}.'],
    ['Extension requested: {{trackingCode}}', 'The official handling report {{trackingCode}} asks for more time.'],
  ),
  extension_decided: official(
    ['Kết quả đề nghị gia hạn: {{trackingCode}}', 'Đề nghị gia hạn phản ánh {{trackingCode}} đã được xem xét.'],
    ['Extension decided: {{trackingCode}}', 'The extension request for report {{trackingCode}} has been decided.'],
  ),
  case_returned: official(
    [
      'Phản ánh bị trả lại: {{trackingCode}}',
      'Đơn vị đã trả lại phản ánh {{trackingCode}} vì không thuộc thẩm quyền; cần chuyển lại.',
    ],
    [
      'Report returned: {{trackingCode}}',
      'A unit returned report {{trackingCode}} as outside its competence; route it again.',
    ],
  ),
  urgent_report: official(
    ['Phản ánh KHẨN: {{trackingCode}}', 'Có phản ánh khẩn {{trackingCode}} trên địa bàn của đơn vị.'],
    ['URGENT report: {{trackingCode}}', 'An urgent report, {{trackingCode}}, was made in your area.'],
  ),
};

export function isTemplateEvent(event: string): event is TemplateEvent {
  return Object.hasOwn(EVENTS, event);
}

/** The wording in force: the administrator's edit (its row) if there is one, else the default. */
export function templateInForce(event: TemplateEvent, locale: Locale, edited: TemplateText | null | undefined) {
  return edited
    ? { subject: edited.subject, body: edited.body, shortBody: edited.shortBody }
    : EVENTS[event].texts[locale];
}

/** The wording in force, read from its row now (the worker's activities cache the table instead). */
export async function templateFor(db: Pick<Db, 'notificationTemplate'>, event: TemplateEvent, locale: Locale) {
  const edited = await db.notificationTemplate.findUnique({ where: { id: `${event}.${locale}` } });
  return templateInForce(event, locale, edited);
}

/** A template rendered: subject and body for mail and in-app, shortBody for SMS and Zalo. */
export function renderTemplate(template: TemplateText, variables: Record<string, string | null | undefined>) {
  return {
    subject: render(template.subject, variables).replace(/\s+/g, ' ').trim(),
    body: render(template.body, variables),
    shortBody: render(template.shortBody, variables).replace(/\s+/g, ' ').trim(),
  };
}
