// Page models of the tab's views, on role locators: what a person (or a screen reader) finds.

import type { FrameLocator, Locator } from '@playwright/test';

export class MyMeetings {
  constructor(private readonly tab: FrameLocator) {}
  heading(name: string | RegExp) {
    return this.tab.getByRole('heading', { level: 1, name });
  }
  section(name: string | RegExp): Locator {
    return this.tab.getByRole('region', { name });
  }
  /** The meeting buttons in a section, by their accessible name ("Öppna <subject>, <when>"). */
  meetings(section: string | RegExp, subject: string | RegExp): Locator {
    return this.section(section).getByRole('button', { name: subject });
  }
}

export class MeetingMinutes {
  constructor(private readonly tab: FrameLocator) {}
  heading(name: string | RegExp) {
    return this.tab.getByRole('heading', { level: 1, name });
  }
  /** The value of a header field ("Tid", "Plats", ...), read from the definition list. */
  headerValue(term: string): Locator {
    return this.tab.locator('dl dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
  }
  chair(label: string | RegExp): Locator {
    return this.tab.getByRole('combobox', { name: label });
  }
  /**
   * Picks a chair by what the option shows. Options wrap each name in Unicode isolates (U+2068 ...
   * U+2069), which a person does not see; they are left out when comparing.
   */
  async chooseChair(label: string | RegExp, shown: string) {
    const options = await this.chair(label).locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const option = options.find((o) => o.text.replace(/[\u2066-\u2069]/g, '') === shown);
    if (!option) throw new Error(`no chair option "${shown}" among ${options.map((o) => o.text).join(' | ')}`);
    await this.chair(label).selectOption(option.value);
  }
  /** The chosen chair as a person reads it. */
  async chosenChair(label: string | RegExp): Promise<string> {
    return ((await this.chair(label).locator('option:checked').textContent()) ?? '').replace(/[\u2066-\u2069]/g, '');
  }
  /** The names listed under an attendance heading ("Närvarande", "Ej närvarande", ...). */
  people(group: string | RegExp): Locator {
    return this.tab.getByRole('list', { name: group, exact: true }).getByRole('listitem');
  }
  /**
   * The people listed under an attendance heading, by the accessible names of their status
   * selects ("Närvaro för Anna Berg" / "Attendance of Anna Berg"), as a screen reader hears them.
   */
  async names(group: string | RegExp): Promise<string[]> {
    const selects = await this.tab.getByRole('list', { name: group, exact: true }).getByRole('combobox').all();
    const labels = await Promise.all(selects.map((s) => s.getAttribute('aria-label')));
    return labels.map((l) => (l ?? '').replace(/^(Närvaro för|Attendance of) /, '')).sort((a, b) => a.localeCompare(b, 'sv'));
  }
  /** One person's row, wherever they are listed, found by the name their status select carries. */
  row(name: string): Locator {
    return this.tab.getByRole('listitem').filter({ has: this.tab.getByRole('combobox', { name: new RegExp(`(för|of) ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
  }
  statusOf(label: string | RegExp): Locator {
    return this.tab.getByRole('combobox', { name: label });
  }
  button(name: string | RegExp): Locator {
    return this.tab.getByRole('button', { name });
  }
  alert(): Locator {
    return this.tab.getByRole('alert');
  }
  /** An agenda item's heading ("§ 45 Ekonomisk uppföljning" in formal minutes). */
  item(name: string | RegExp): Locator {
    return this.tab.getByRole('heading', { level: 3, name });
  }
  /** The earlier actions followed up, under the template's heading for them ("Uppföljning av uppdrag"). */
  followUps(heading: string): Locator {
    return this.tab.getByRole('list', { name: heading, exact: true }).getByRole('listitem');
  }
  text(text: string | RegExp): Locator {
    return this.tab.getByText(text);
  }
}

/** A name as screen readers get it: outside text sits between Unicode isolates, which a person does not hear. */
export const named = (before: string, name: string) => new RegExp(`^${before}\u2068?${name}\u2069?$`);
