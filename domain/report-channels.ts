/**
 * How a report reached the platform, as `Case.channel` records it, and the words for each. One
 * list for the back office (filters, dashboard), the exports and the intake, so a channel added
 * in one place is named in all: the portal and apps on its API (`api`, `app`, `web`), what an IOC
 * operator records on a citizen's behalf, and Open311 partners (`open311:<partner>`, named apart).
 */
export const INTAKE_CHANNELS = ['hotline', 'walk_in', 'letter', 'email'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

export const REPORT_CHANNELS = ['api', 'app', 'web', ...INTAKE_CHANNELS] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

export const REPORT_CHANNEL_WORDS: Record<ReportChannel, { vi: string; en: string }> = {
  api: { vi: 'Cổng/ứng dụng', en: 'Portal/app' },
  app: { vi: 'Ứng dụng di động', en: 'Mobile app' },
  web: { vi: 'Cổng thông tin', en: 'Web portal' },
  hotline: { vi: 'Đường dây nóng', en: 'Hotline' },
  walk_in: { vi: 'Đến trực tiếp', en: 'Walk-in' },
  letter: { vi: 'Thư', en: 'Letter' },
  email: { vi: 'Email', en: 'Email' },
};

const OPEN311 = 'open311:';

/** `open311:<partner>` reads "Open311 (<partner>)"; an unknown channel as itself. */
export function reportChannelName(channel: string, language: 'vi' | 'en'): string {
  if (channel.startsWith(OPEN311)) return `Open311 (${channel.slice(OPEN311.length)})`;
  return (REPORT_CHANNEL_WORDS as Record<string, { vi: string; en: string }>)[channel]?.[language] ?? channel;
}
