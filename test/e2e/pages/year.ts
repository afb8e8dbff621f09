// Page model of the "Året" view (issue 13): the start page's "Året" button, the period, the sections
// and their tables, the attendance-only form and the exports.

import path from 'node:path';
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

export class YearView {
  constructor(
    readonly page: Page,
    readonly tab: FrameLocator,
  ) {}

  /** Opens "Året" from the start page and waits until the period is read. */
  async open(): Promise<this> {
    await this.tab.getByRole('button', { name: /^(Året|The year)$/ }).click();
    await this.read();
    return this;
  }

  /** Waits for the reading to end (the progress line goes). */
  async read() {
    await expect(this.tab.getByRole('heading', { name: /^(Året|The year) – / })).toBeVisible();
    await expect(this.tab.getByText(/^(Läser|Reading) /)).toHaveCount(0, { timeout: 20_000 });
  }

  heading(name: string | RegExp): Locator {
    return this.tab.getByRole('heading', { name, exact: typeof name === 'string' });
  }

  /** A section of the page by its heading (Möten, Beslut, Uppdrag, Närvaro, Export). */
  section(name: string): Locator {
    return this.tab.getByRole('region', { name, exact: true }).filter({ has: this.tab.getByRole('heading', { name, exact: true }) });
  }

  /** The rows of the table in a scrolling region named by its heading, as cell texts. */
  async rows(region: string): Promise<string[][]> {
    const table = this.tab.getByRole('region', { name: region, exact: true }).last().getByRole('table');
    return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())));
  }

  async previousYear() {
    await this.tab.getByRole('button', { name: /^(Föregående år|Previous year)$/ }).click();
    await this.read();
  }

  /** Saves a download started by a button into `dir`; returns the file's path and the name offered. */
  async download(button: RegExp, dir: string, as: string): Promise<{ file: string; name: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 30_000 }), this.tab.getByRole('button', { name: button }).click()]);
    const file = path.join(dir, as);
    await download.saveAs(file);
    return { file, name: download.suggestedFilename() };
  }
}
