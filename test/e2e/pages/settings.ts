// Page model of the configuration page (the group's settings), on role locators, and of Teams' own
// Save in the simulated dialog around it.

import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { TeamsHost, type HostOptions } from './teamsHost';

/** Unicode isolates around names in <option>s, which a person does not see. */
const shown = (text: string) => text.replace(/[\u2066-\u2069]/g, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class GroupSettingsPage {
  constructor(
    private readonly tab: FrameLocator,
    private readonly page: Page,
  ) {}

  heading(name: string | RegExp) {
    return this.tab.getByRole('heading', { level: 1, name });
  }
  section(name: string | RegExp) {
    return this.tab.getByRole('region', { name });
  }
  field(label: string | RegExp): Locator {
    return this.tab.getByRole('textbox', { name: label });
  }
  select(label: string | RegExp): Locator {
    return this.tab.getByRole('combobox', { name: label });
  }
  /** Picks an option of a native select by what it shows (names are isolated in options). */
  async choose(label: string | RegExp, text: string) {
    const options = await this.select(label)
      .locator('option')
      .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const option = options.find((o) => shown(o.text) === text || shown(o.text).startsWith(`${text} (`));
    if (!option) throw new Error(`no option "${text}" among ${options.map((o) => shown(o.text)).join(' | ')}`);
    await this.select(label).selectOption(option.value);
  }
  /** What a native select shows as chosen. */
  async chosen(label: string | RegExp): Promise<string> {
    return shown((await this.select(label).locator('option:checked').textContent()) ?? '');
  }
  /** Picks people in a multi-select dropdown (the adjusters: Fluent offers them as a menu of checkable items), then closes it. */
  async pickMany(label: string | RegExp, names: string[]) {
    await this.select(label).click();
    for (const name of names) await this.tab.getByRole('menu').getByRole('menuitemcheckbox', { name, exact: true }).click();
    await this.page.keyboard.press('Escape');
  }
  /** The section names the template preview lists. */
  templateSections(template: string): Locator {
    return this.tab.getByRole('list', { name: new RegExp(`^(Avsnitt i|Sections of) ${escape(template)}$`) }).getByRole('listitem');
  }
  /** The roster table. */
  roster(): Locator {
    return this.tab.getByRole('table', { name: /Deltagarlista|Roster/ });
  }
  /** One person's row in the roster, by its row header (the name). */
  row(name: string): Locator {
    return this.roster().getByRole('row').filter({ has: this.tab.getByRole('rowheader', { name: new RegExp(`^${escape(name)}`) }) });
  }
  organisation(name: string) {
    return this.tab.getByRole('textbox', { name: new RegExp(`^(Organisation för|Organisation of) ${escape(name)}$`) });
  }
  county(name: string) {
    return this.tab.getByRole('textbox', { name: new RegExp(`^(Län för|County of) ${escape(name)}$`) });
  }
  role(name: string) {
    return this.tab.getByRole('combobox', { name: new RegExp(`^(Roll för|Role of) ${escape(name)}$`) });
  }
  /** Adds someone found in the directory by what is typed. */
  async addPerson(search: string, name: string) {
    await this.tab.getByRole('searchbox', { name: /Lägg till en person|Add a person/ }).fill(search);
    await this.tab.getByRole('button', { name: new RegExp(`^(Lägg till|Add) ${escape(name)}`) }).click();
  }
  /** The status line at the foot of the form: saved, saving, unsaved. */
  status(): Locator {
    return this.tab.getByRole('status').filter({ hasText: /Sparat|Sparar|Inte sparat|ändringar|Saved|Saving|Not saved|changes/ });
  }
  /** The page's own save button (Teams' Save is outside the tab). */
  saveButton() {
    return this.tab.getByRole('button', { name: /^(Spara inställningar|Save settings)$/ });
  }

  /** Teams' Save in the dialog around the page; available once the page says its settings can be saved. */
  teamsSave() {
    return this.page.getByRole('dialog').getByRole('button', { name: /^(Spara|Save)$/ });
  }
  /** What Teams' dialog says after Save: "Saved: <url>" or why the page refused. */
  teamsNote() {
    return this.page.getByRole('dialog').getByRole('status');
  }
  async savedTabConfig(): Promise<unknown> {
    return this.page.evaluate(() => (window as unknown as { __teamsSimulator: { savedConfig: unknown } }).__teamsSimulator.savedConfig);
  }

  /** The group's name for a header field or section of its template, by the template's own name for it. */
  labelName(builtIn: string): Locator {
    return this.tab.getByRole('group', { name: builtIn, exact: true }).getByRole('textbox', { name: /^(Namn|Name)$/ });
  }
  /** Whether the minutes show that field or section ("Visas"). */
  labelShown(builtIn: string): Locator {
    return this.tab.getByRole('group', { name: builtIn, exact: true }).getByRole('checkbox', { name: /^(Visas|Shown)$/ });
  }

  /** Opens the configuration page in the simulator's settings frame and waits for the form. */
  async open(options: HostOptions = {}) {
    await new TeamsHost(this.page).open({ frame: 'settings', ...options });
    return this.loaded();
  }

  /** Waits until the settings are loaded (the form and its roster are there). */
  async loaded() {
    await expect(this.roster()).toBeVisible();
    return this;
  }
}
