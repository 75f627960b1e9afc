/**
 * Synthetic cases, written by PostgreSQL itself (generate_series) so that a million take minutes,
 * not hours: spread over the seeded communes, units, categories and 3 years, with the statuses a
 * province's history holds (most closed, the last month's still open), and for each case its
 * timeline, a task, notifications and an audit row, as the workflow would have written them.
 * Case g is the same case in every run (ids from g, random() seeded per batch).
 */
import type pg from 'pg';

const PROBLEMS = [
  'Đường bị sụt lún, nhiều ổ gà gây nguy hiểm cho người đi xe máy',
  'Đèn chiếu sáng công cộng không hoạt động nhiều ngày',
  'Rác thải sinh hoạt tồn đọng lâu ngày, bốc mùi hôi thối',
  'Cống thoát nước bị tắc, ngập úng mỗi khi trời mưa',
  'Cây xanh bị gãy đổ chắn ngang lối đi',
  'Lấn chiếm vỉa hè để buôn bán, người đi bộ phải xuống lòng đường',
  'Tiếng ồn hát karaoke sau 22 giờ ảnh hưởng khu dân cư',
  'Nước sinh hoạt bị đục, có mùi lạ',
  'Cơ sở chăn nuôi xả thải ra sông gây ô nhiễm',
  'Biển báo giao thông bị mất, cột đèn tín hiệu nghiêng',
  'Cầu dân sinh xuống cấp, lan can bị gãy',
  'Đất đá sạt lở xuống đường sau mưa lớn',
];
const PLACES = [
  'gần trường tiểu học',
  'trước cổng chợ',
  'đoạn qua khu dân cư',
  'cạnh nhà văn hóa thôn',
  'gần ngã tư',
  'trước trạm y tế xã',
  'ven bờ kênh',
  'đầu cầu',
];
const STREETS = [
  'Trần Phú',
  'Phan Đình Phùng',
  'Hà Huy Tập',
  'Nguyễn Du',
  'Lê Duẩn',
  'Xô Viết Nghệ Tĩnh',
  'Hàm Nghi',
  'Nguyễn Huy Tự',
  'Đặng Dung',
  'Vũ Quang',
  'Mai Thúc Loan',
  'Lý Tự Trọng',
];

const literal = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

/** Lookup tables of the seeded configuration, numbered so a random index picks a row. */
const PREPARE = `
CREATE TEMP TABLE IF NOT EXISTS bench_commune AS
  SELECT row_number() OVER (ORDER BY c.code)::int AS i, c.code, c.name, u.id AS unit_id
  FROM "Commune" c LEFT JOIN "Unit" u ON u.code = c.code;
CREATE TEMP TABLE IF NOT EXISTS bench_department AS
  SELECT row_number() OVER (ORDER BY id)::int AS i, id FROM "Unit" WHERE kind IN ('department', 'other');
CREATE TEMP TABLE IF NOT EXISTS bench_category AS
  SELECT row_number() OVER (ORDER BY code)::int AS i, code FROM "Category" WHERE active;
CREATE TEMP TABLE IF NOT EXISTS bench_official AS
  SELECT row_number() OVER (ORDER BY id)::int AS i, id FROM "User";
`;

const FINAL = `('closed','rejected','duplicate','withdrawn')`;

/** Cases first..last (1-based) with their rows, in one statement. */
const FILL = `
WITH raw AS (
  SELECT g,
    power(random(), 1.2) * 1095 AS age_days,
    random() AS rs, random() AS ru, random() AS rp, random() AS rx, random() AS ry,
    1 + floor(random() * (SELECT count(*) FROM bench_commune))::int AS ci,
    1 + floor(random() * (SELECT count(*) FROM bench_department))::int AS di,
    1 + floor(random() * (SELECT count(*) FROM bench_category))::int AS ki,
    1 + floor(random() * (SELECT count(*) FROM bench_official))::int AS oi
  FROM generate_series($1::int, $2::int) AS g
), shaped AS (
  SELECT raw.*, now() - age_days * interval '1 day' AS created,
    CASE WHEN age_days > 30 THEN
      CASE WHEN rs < 0.80 THEN 'closed' WHEN rs < 0.87 THEN 'rejected' WHEN rs < 0.92 THEN 'duplicate'
           WHEN rs < 0.95 THEN 'withdrawn' ELSE 'responded' END
    ELSE (ARRAY['received','verifying','info_requested','routing','awaiting_acceptance','processing','processing',
                'processing','awaiting_approval','responded','closed','closed'])[1 + floor(rs * 12)::int]
    END AS status
  FROM raw
), placed AS (
  SELECT s.*, com.code AS commune_code, com.name AS commune_name, cat.code AS category_code, off.id AS official_id,
    CASE WHEN s.status IN ('received','verifying','info_requested','routing','rejected','duplicate') THEN NULL
         WHEN s.ru < 0.65 AND com.unit_id IS NOT NULL THEN com.unit_id ELSE dep.id END AS unit_id
  FROM shaped s
  JOIN bench_commune com ON com.i = s.ci
  JOIN bench_department dep ON dep.i = s.di
  JOIN bench_category cat ON cat.i = s.ki
  JOIN bench_official off ON off.i = s.oi
), cases AS (
  INSERT INTO "Case" (id, "trackingCode", "requestFingerprint", channel, "categoryCode", description, lat, lng, address,
    "communeCode", level, confidential, status, step, "unitId", deadline, "resolutionDeadline", overdue,
    "receivedAt", "acceptedAt", "publishedAt", "closedAt", "createdAt", "updatedAt")
  SELECT md5('bench-case-' || g)::uuid, 'B-' || g, md5('bench-request-' || g),
    (ARRAY['app','web','hotline','open311:zalo-bot'])[1 + g % 4], category_code,
    (${literal(PROBLEMS)})[1 + floor(rx * ${PROBLEMS.length})::int] || ' ' ||
      (${literal(PLACES)})[1 + floor(ry * ${PLACES.length})::int] || ', thôn ' || (1 + g % 17) || '.',
    17.9 + (ci % 9) * 0.1 + ry * 0.08, 105.3 + (ci / 9) * 0.12 + rx * 0.1,
    'Số ' || (1 + g % 300) || ' đường ' || (${literal(STREETS)})[1 + g % ${STREETS.length}] || ', ' || commune_name,
    commune_code,
    (CASE WHEN rp < 0.1 THEN 'urgent' WHEN rp < 0.15 THEN 'complex' ELSE 'normal' END)::"CaseLevel",
    true, status::"CaseStatus",
    (CASE status WHEN 'received' THEN 'receive' WHEN 'verifying' THEN 'verify' WHEN 'info_requested' THEN 'verify'
      WHEN 'routing' THEN 'route' WHEN 'awaiting_acceptance' THEN 'accept' WHEN 'processing' THEN 'process'
      WHEN 'awaiting_approval' THEN 'approve' WHEN 'responded' THEN 'rate' ELSE 'close' END)::"CaseStep",
    unit_id,
    created + (2 + floor(rp * 14)) * interval '1 day',
    CASE WHEN unit_id IS NOT NULL THEN created + interval '15 days' END,
    status NOT IN ${FINAL} AND status <> 'responded' AND created + (2 + floor(rp * 14)) * interval '1 day' < now(),
    created,
    CASE WHEN unit_id IS NOT NULL THEN created + interval '1 day' END,
    CASE WHEN status IN ('responded','closed') AND rp < 0.9 THEN least(now(), created + (1 + rp * 20) * interval '1 day') END,
    CASE WHEN status IN ${FINAL} THEN least(now(), created + (2 + rp * 25) * interval '1 day') END,
    created, created
  FROM placed
  RETURNING id, status, step, level, "unitId", deadline, "publishedAt", "closedAt", "createdAt"
), timeline AS (
  INSERT INTO "CaseTimelineEntry" (id, "caseId", seq, kind, visibility, status, step, note, at)
  SELECT gen_random_uuid(), c.id, e.seq, e.kind, e.visibility::"TimelineVisibility", e.status::"CaseStatus", NULL, e.note, e.at
  FROM cases c CROSS JOIN LATERAL (VALUES
    (1, 'received', 'reporter', 'received', NULL, c."createdAt", true),
    (2, 'verified', 'public', 'routing', NULL, c."createdAt" + interval '2 hours',
       c.status::text NOT IN ('received','verifying','info_requested','rejected','duplicate')),
    (3, 'routed', 'internal', 'awaiting_acceptance', NULL, c."createdAt" + interval '3 hours', c."unitId" IS NOT NULL),
    (4, 'reply_published', 'public', 'responded', 'Đơn vị đã kiểm tra và xử lý xong phản ánh.', c."publishedAt",
       c."publishedAt" IS NOT NULL),
    (5, 'closed', 'public', c.status::text, NULL, c."closedAt", c."closedAt" IS NOT NULL)
  ) AS e(seq, kind, visibility, status, note, at, present)
  WHERE e.present
  RETURNING 1
), tasks AS (
  INSERT INTO "Task" (id, "caseId", seq, step, state, "unitId", role, "allowedOutcomes", due, urgent, "completedAt", "createdAt", "updatedAt")
  SELECT gen_random_uuid(), c.id, 1, c.step,
    (CASE WHEN c.status::text IN ${FINAL} OR c.status = 'responded' THEN 'done' ELSE 'open' END)::"TaskState",
    c."unitId", (CASE WHEN c."unitId" IS NULL THEN 'operator' ELSE 'officer' END)::"Role",
    ARRAY['done'], c.deadline, c.level = 'urgent',
    CASE WHEN c.status::text IN ${FINAL} OR c.status = 'responded' THEN coalesce(c."closedAt", c."publishedAt") END,
    c."createdAt", c."createdAt"
  FROM cases c
  RETURNING 1
), notifications AS (
  INSERT INTO "Notification" (id, "dedupeKey", "caseId", event, channel, recipient, "recipientKind", body, state,
    attempts, "sentAt", "readAt", "createdAt", "updatedAt")
  SELECT gen_random_uuid(), c.id || ':bench:' || n.channel, c.id, n.event, n.channel::"NotificationChannel",
    n.recipient, n.kind::"ActorKind", 'Phản ánh ' || c.id || ' cần được xử lý.', 'sent', 1, c."createdAt",
    CASE WHEN p.rp < 0.7 THEN c."createdAt" + interval '1 day' END, c."createdAt", c."createdAt"
  FROM cases c JOIN placed p ON md5('bench-case-' || p.g)::uuid = c.id
  CROSS JOIN LATERAL (VALUES
    ('in_app', 'task_assigned', p.official_id::text, 'official', true),
    ('email', 'case_received', 'nguoidan' || p.g || '@example.vn', 'citizen', p.g % 2 = 0)
  ) AS n(channel, event, recipient, kind, present)
  WHERE n.present
  RETURNING 1
), audit AS (
  INSERT INTO "AuditLog" (at, "actorKind", "actorId", action, "subjectType", "subjectId", "caseId")
  SELECT p.created + interval '1 hour', 'official', p.official_id::text, 'case.read_personal_data', 'Case',
    md5('bench-case-' || p.g), md5('bench-case-' || p.g)::uuid
  FROM placed p
  RETURNING 1
)
SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM timeline) AS timeline,
  (SELECT count(*) FROM tasks) AS tasks, (SELECT count(*) FROM notifications) AS notifications,
  (SELECT count(*) FROM audit) AS audit
`;

const BATCH = 100_000;

/** Adds cases from+1..to (and their rows), then refreshes the planner's statistics. */
export async function fillCases(client: pg.Client, from: number, to: number, log: (line: string) => void) {
  await client.query(PREPARE);
  for (let first = from + 1; first <= to; first += BATCH) {
    const last = Math.min(to, first + BATCH - 1);
    await client.query('SELECT setseed($1)', [(first % 997) / 997]);
    const { rows } = await client.query(FILL, [first, last]);
    log(`  cases ${first}-${last}: ${JSON.stringify(rows[0])}`);
  }
  // As autovacuum would after a bulk load: fresh statistics and a visibility map (index-only scans).
  await client.query('VACUUM ANALYZE');
}
