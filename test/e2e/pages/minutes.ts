// Page models of the tab's views, on role locators: what a person (or a screen reader) finds.

import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { TeamsHost, type HostOptions } from './teamsHost';

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
  /** One follow-up of the list, by what it is about. */
  followUp(heading: string, what: string): Locator {
    return this.followUps(heading).filter({ hasText: what });
  }
  text(text: string | RegExp): Locator {
    return this.tab.getByText(text);
  }
  /** One agenda item of the minutes, by its title: its notes, decisions, actions and conflicts. */
  agendaItem(title: string): Locator {
    return this.tab.getByRole('listitem').filter({ has: this.tab.getByRole('heading', { name: title, exact: true }) });
  }
  /** One agenda item by its title, whatever its number ("§ 47 Ekonomisk uppföljning" in formal minutes). */
  agendaItemTitled(title: string): Locator {
    const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.tab.getByRole('listitem').filter({ has: this.tab.getByRole('heading', { level: 3, name: new RegExp(`^(§ \\d+ )?${escaped}$`) }) });
  }
  /** Where the minutes are safe, in words ("Sparat", "Sparar…", why a write waits). */
  saveStatus(): Locator {
    return this.tab.getByTestId('save-status').getByRole('status');
  }
  /** A native select by its label (the minutes' template and language). */
  select(label: string | RegExp): Locator {
    return this.tab.getByRole('combobox', { name: label });
  }
  /** Picks an option of a native select by what it shows (names from outside are isolated in options). */
  async choose(label: string | RegExp, shown: string) {
    const options = await this.select(label).locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const option = options.find((o) => o.text.replace(/[\u2066-\u2069]/g, '') === shown);
    if (!option) throw new Error(`no option "${shown}" among ${options.map((o) => o.text).join(' | ')}`);
    await this.select(label).selectOption(option.value);
  }
  /** What a native select shows as chosen. */
  async chosen(label: string | RegExp): Promise<string> {
    return ((await this.select(label).locator('option:checked').textContent()) ?? '').replace(/[\u2066-\u2069]/g, '');
  }
  /** The next meeting's fields: the day and times are date and time pickers (comboboxes). */
  nextMeeting() {
    const section = this.tab.getByRole('region', { name: /^(Nästa möte|Nästa sammanträde|Next meeting)$/ });
    return {
      section,
      date: section.getByRole('combobox', { name: /^(Datum|Date)$/ }),
      start: section.getByRole('combobox', { name: /^(Börjar|Starts)$/ }),
      end: section.getByRole('combobox', { name: /^(Slutar|Ends)$/ }),
      place: section.getByRole('textbox', { name: /^(Plats|Place)$/ }),
      note: section.getByRole('textbox', { name: /^(Övrigt|Other details)$/ }),
    };
  }
  /** Types a time into a time picker and leaves it, as a person does. */
  async setTime(picker: Locator, time: string) {
    await picker.fill(time);
    await picker.press('Tab');
  }
}

/** Decisions and their conflicts in one agenda item, as the minutes editor shows them. */
export class AgendaItemModel {
  constructor(readonly item: Locator) {}
  decision(n: number): Locator {
    return this.item.getByRole('textbox', { name: new RegExp(`^Beslut ${n}$`) });
  }
  /** Adds a decision and writes it (the new one is the next "Beslut N"). */
  async addDecision(n: number, text: string) {
    await this.item.getByRole('button', { name: /^Lägg till beslut i / }).click();
    await this.decision(n).fill(text);
  }
  /** The side-by-side choice shown where two people changed the same decision at once. */
  conflict(n: number): Locator {
    return this.item.getByRole('group', { name: new RegExp(`^Två versioner av Beslut ${n},`) });
  }
  /** Keeps the version of a conflict that reads `text` ("Behåll denna" beside it). */
  async keep(n: number, text: string) {
    await this.conflict(n).locator('div:has(> button)').filter({ hasText: text }).getByRole('button', { name: /^Behåll denna/ }).click();
  }
}

/** Opens a recent meeting of the channel tab as a persona, with its minutes open (the agenda shown). */
export async function openInChannel(page: Page, persona: HostOptions['persona'], subject: string, options: HostOptions = {}) {
  const { host, minutes } = await openChannelMeeting(page, subject, { ...options, persona });
  await expect(host.tab.getByRole('heading', { name: /^(Dagordning|Agenda|Ärenden|Items)/ })).toBeVisible();
  return { host, minutes };
}

/** A name as screen readers get it: outside text sits between Unicode isolates, which a person does not hear. */
export const named = (before: string, name: string) => new RegExp(`^${before}\u2068?${name}\u2069?$`);

/** A meeting of a series opened from "Tidigare" in the channel tab (as the secretary unless the options say otherwise). */
export async function openChannelMeeting(page: Page, series: string, options: HostOptions = {}) {
  const host = await new TeamsHost(page).open({ persona: 'secretary', ...options, tab: 'channel' } as HostOptions);
  await new MyMeetings(host.tab).meetings(/Tidigare|Recent/, series).first().click();
  const minutes = new MeetingMinutes(host.tab);
  await expect(minutes.heading(series)).toBeVisible();
  return { host, tab: host.tab, minutes };
}

/**
 * "Justering" in the secretary's minutes: sending for approval and where the round stands. The
 * approvers' answers are written here as the approvers themselves would (the Outlook pane's
 * signOffStore.writeAnswer, through the real Graph client to the emulator as that person).
 */
export class SignOffPanel {
  readonly region: Locator;
  constructor(private readonly tab: FrameLocator) {
    this.region = tab.getByRole('region', { name: /^(Justering|Approval)$/ });
  }
  /** The dialog "Skicka för justering" opened, as it lists the approvers and any warning. */
  async openSend(): Promise<Locator> {
    await this.region.getByRole('button', { name: /^Skicka för justering( igen)?$/ }).click();
    const dialog = this.tab.getByRole('dialog', { name: 'Skicka för justering' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('Kontrollerar att justerarna kan svara…')).toHaveCount(0);
    return dialog;
  }
  /** Sends for approval and waits until the dialog closed (every mail sent). */
  async send() {
    const dialog = await this.openSend();
    await dialog.getByRole('button', { name: 'Skicka', exact: true }).click();
    await expect(dialog).toBeHidden({ timeout: 20_000 });
  }
  /** Where the round stands, in words ("Väntar på justering.", "Justerat.", ...). */
  state(): Locator {
    return this.region.getByRole('status');
  }
  /** Each approver's answer, one line each ("Karin Ekström, ordförande: väntar"). */
  answers(): Locator {
    return this.region.getByRole('list', { name: 'Svar' }).getByRole('listitem');
  }
  /** The version sent, short ("Version 1a2b3c4d"). */
  version(): Locator {
    return this.region.getByText(/^Version [0-9a-f]{8}$/);
  }
  /** As when the secretary comes back to the tab: the answers are read at once (window focus). */
  async lookAgain(page: Page) {
    for (const frame of page.frames()) if (frame !== page.mainFrame()) await frame.evaluate(() => window.dispatchEvent(new Event('focus')));
  }
}
