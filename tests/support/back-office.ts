/**
 * Signing a demo official in to the back office (/admin) in a browser test; resolves on the home
 * page: the task inbox, or the statistics dashboard for supervisors and leaders.
 */
import type { Page } from 'playwright-core';

export async function signInToBackOffice(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}/admin/`);
  await page.locator('input[name="username"]').waitFor({ timeout: 30_000 });
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page
    .locator('[data-testid="task-inbox"], [data-testid="statistics-dashboard"]')
    .first()
    .waitFor({ timeout: 30_000 });
}
