/**
 * The back office over HTTP as the demo officials use it: a session per username (one log-in),
 * JSON calls with its cookie, the open tasks of a case, a proof photo's upload.
 */
import sharp from 'sharp';

export interface Official {
  id: string;
  cookie: string;
}

export class BackOffice {
  private readonly sessions = new Map<string, Promise<Official>>();
  private proofPhoto: Promise<Buffer> | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly password = process.env.DEMO_PASSWORD ?? 'demo1234',
  ) {}

  as(username: string): Promise<Official> {
    let session = this.sessions.get(username);
    if (!session) {
      session = this.logIn(username);
      this.sessions.set(username, session);
    }
    return session;
  }

  private async logIn(username: string): Promise<Official> {
    const response = await fetch(`${this.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: this.password }),
    });
    if (response.status !== 200) throw new Error(`log-in of ${username}: ${response.status} ${await response.text()}`);
    const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
    const me = (await (await fetch(`${this.baseUrl}/api/auth/me`, { headers: { cookie } })).json()) as { id: string };
    return { id: me.id, cookie };
  }

  /** A JSON call as `username`; anything but 2xx is an error with the answer's body. */
  async call<T>(username: string, method: string, url: string, body?: unknown): Promise<T> {
    const { cookie } = await this.as(username);
    const response = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: { cookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url} as ${username}: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  /** The case's open tasks as `username` sees them in the inbox. */
  openTasks(username: string, caseId: string): Promise<Task[]> {
    const filter = encodeURIComponent(JSON.stringify({ caseId, state: 'open' }));
    return this.call<Task[]>(username, 'GET', `/api/admin/tasks?filter=${filter}`);
  }

  /** Completes a task; the answer names the case's next open tasks. */
  complete(username: string, taskId: string, outcome: string, data: Record<string, unknown> = {}) {
    return this.call<{ nextTasks: Task[] }>(username, 'POST', `/api/admin/tasks/${taskId}/complete`, {
      outcome,
      ...data,
    });
  }

  /** Uploads a small proof photo (640 × 480 JPEG) to the case, as the officer does before replying. */
  async uploadProof(username: string, caseId: string): Promise<string> {
    this.proofPhoto ??= sharp({
      create: { width: 640, height: 480, channels: 3, background: { r: 40, g: 120, b: 60 } },
    })
      .jpeg({ quality: 80 })
      .toBuffer();
    const form = new FormData();
    form.append('file', new Blob([await this.proofPhoto], { type: 'image/jpeg' }), 'proof.jpg');
    const { cookie } = await this.as(username);
    const response = await fetch(`${this.baseUrl}/api/admin/cases/${caseId}/media`, {
      method: 'POST',
      headers: { cookie },
      body: form,
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`proof upload: ${response.status} ${text.slice(0, 300)}`);
    return (JSON.parse(text) as { id: string }).id;
  }
}

export interface Task {
  id: string;
  caseId: string;
  step: string;
  state: string;
}
