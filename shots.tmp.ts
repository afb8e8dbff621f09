import { chromium } from '@playwright/test';
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 }, ignoreHTTPSErrors: true });
  const page = await ctx.newPage();
  await page.route('https://res.cdn.office.net/**', (r) => r.fulfill({ json: { validOrigins: ['teams.microsoft.com'] } }));
  await page.goto('http://127.0.0.1:4002/teams.html?tab=channel');
  const tab = page.frameLocator('iframe');
  await tab.getByRole('region', { name: /Tidigare/ }).getByRole('button').first().click();
  await tab.getByRole('heading', { name: /^Dagordning/ }).waitFor({ timeout: 30000 });
  await page.waitForTimeout(3000);
  const frame = page.frames().find((f) => f.url().includes('tab.html'))!;
  const h = await frame.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1200, height: Math.min(h + 120, 12000) });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '/tmp/shots/channel-minutes.png', fullPage: true });
  await page.setViewportSize({ width: 1200, height: 900 });
  // Settings page
  await page.goto('http://127.0.0.1:4002/teams.html?tab=channel&frame=settings');
  await tab.getByRole('heading').first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(4000);
  const f2 = page.frames().find((f) => f.url().includes('tab.html'))!;
  const h2 = await f2.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1200, height: Math.min(h2 + 150, 12000) });
  await page.waitForTimeout(800);
  await page.screenshot({ path: '/tmp/shots/settings.png', fullPage: true });
  await page.setViewportSize({ width: 1200, height: 900 });
  // Outlook simulator
  await page.goto('https://localhost:4003/outlook.html?persona=chair');
  await page.waitForTimeout(6000);
  await page.screenshot({ path: '/tmp/shots/outlook.png' });
  // start page
  await page.goto('http://127.0.0.1:4002/');
  await page.screenshot({ path: '/tmp/shots/start.png', fullPage: true });
  await browser.close();
})();
