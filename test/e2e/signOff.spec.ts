// Sign-off from end to end (issue 11), each person on their own surface and as themselves in the
// emulator: the secretary sends from the channel tab; the chair opens the mail Justera sent her in the
// Outlook simulator and approves; an adjuster on a phone or a Mac follows the mail's link in a browser
// and approves after signing in; the other adjuster approves in the Teams tab. The secretary's open
// tab follows each answer, then the approved minutes are locked, and an edit voids the approval.
// Then a round the chair sends back from Outlook, with her comment beside the item it is about.

import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { BrowserPane } from './pages/browserPane';
import { openInChannel, SignOffPanel } from './pages/minutes';
import { messageIn, OutlookHost, PEOPLE } from './pages/outlookHost';
import { approvalView } from './pages/signOffRound';
import { demoScenario, EMULATOR, emulatorAdmin } from './pages/teamsHost';

const SERIES = 'Samordningsgrupp Nära vård';
const SUBJECT = 'Justering: Protokoll Samordningsgrupp Nära vård';
const SARA = { address: 'sara.lind@ekby.se' };

// The Outlook simulator and the pane are https://localhost with a certificate made at start.
test.use({ ignoreHTTPSErrors: true, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
test.beforeEach(async ({ request }) => emulatorAdmin.scenario(request, demoScenario()));

type Sent = { toRecipients: { emailAddress: { address: string } }[]; body: { content: string } };

/** The link in the approval mail Justera sent to this person, as their mail client opens it. */
async function linkInMailTo(request: APIRequestContext, address: string): Promise<string> {
  const sent = ((await (await request.get(`${EMULATOR}/_emulator/mail`)).json()) as { value: Sent[] }).value;
  const mail = sent.filter((m) => m.toRecipients.some((r) => r.emailAddress.address === address)).at(-1);
  const href = mail && /href="(https:\/\/localhost:\d+\/pane\.html\?[^"]+)"/.exec(mail.body.content)?.[1];
  expect(href, `the approval mail to ${address} links to the pane's page`).toBeTruthy();
  return href!.replace(/&amp;/g, '&');
}

/** The chair in the Outlook simulator, on the approval mail Justera sent her. */
async function chairInOutlook(browser: Browser, request: APIRequestContext) {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const outlook = await new OutlookHost(await context.newPage()).open({ persona: 'chair', item: `message:${await messageIn(request, PEOPLE.chair.address, SUBJECT)}` });
  return { outlook, approval: approvalView(outlook.pane), close: () => context.close() };
}

test('sent from the tab; approved by the chair in Outlook, by one adjuster from the link in a browser and by the other in Teams; the secretary sees each answer, then an edit voids the approval', async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  const { host, minutes } = await openInChannel(page, 'secretary', SERIES);
  const signOff = new SignOffPanel(host.tab);
  await signOff.send();
  await expect(signOff.state()).toHaveText('Väntar på justering.');
  const version = ((await signOff.version().textContent()) ?? '').replace('Version ', '');

  // The chair, in Outlook, reads the version sent and approves it.
  const chair = await chairInOutlook(browser, request);
  await expect(chair.approval.getByText('Du är ordförande och justerar protokollet.')).toBeVisible();
  await expect(chair.approval.getByText(`Version ${version}`, { exact: true })).toBeVisible();
  await expect(chair.approval.getByRole('article').getByText('Inledning och föregående minnesanteckningar')).toBeVisible();
  await chair.approval.getByRole('button', { name: 'Justera' }).click();
  await expect(chair.approval.getByRole('status')).toContainText(`Du justerade version ${version}`);
  expect(await chair.outlook.unhandledCalls()).toEqual([]);
  await chair.close();

  // Sara, on a phone: the mail's link in the browser, signed in.
  const phone = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'sv-SE' });
  const sara = await new BrowserPane(await phone.newPage()).open(await linkInMailTo(request, SARA.address));
  await sara.signInWithAddress(SARA.address);
  const saraView = approvalView(sara.page);
  await expect(saraView.getByText('Du är justerare av protokollet.')).toBeVisible();
  await saraView.getByRole('button', { name: 'Justera' }).click();
  await expect(saraView.getByRole('status')).toContainText(`Du justerade version ${version}`);
  await phone.close();

  // The secretary's open tab: two approved, Olof still to answer.
  await signOff.lookAgain(page);
  await expect(signOff.answers().filter({ hasText: /^Karin Ekström, ordförande: justerat / })).toHaveCount(1);
  await expect(signOff.answers().filter({ hasText: /^Sara Lind, justerare: justerat / })).toHaveCount(1);
  await expect(signOff.answers().filter({ hasText: 'Olof Bergström, justerare: väntar' })).toHaveCount(1);
  await expect(signOff.state()).toHaveText('Väntar på justering.');

  // Olof, in the Teams tab.
  const teams = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const olof = await openInChannel(await teams.newPage(), 'member', SERIES);
  const olofView = approvalView(olof.host.tab);
  await expect(olofView.getByText('Du är justerare av protokollet.')).toBeVisible();
  await olofView.getByRole('button', { name: 'Justera' }).click();
  await expect(olofView.getByRole('status')).toContainText(`Du justerade version ${version}`);
  await teams.close();

  await signOff.lookAgain(page);
  await expect(signOff.state()).toHaveText('Justerat.');
  await expect(signOff.region).toContainText(/Justerat av Karin Ekström \d{4}-\d{2}-\d{2} \d{2}:\d{2}, Sara Lind .+, Olof Bergström .+/);

  // The chair is the organiser: her tab reads the attendance report, the secretary's the replies, so
  // their documents differ; the minutes are the same, and so is what she sees of the approval.
  const chairsTeams = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const chairsTab = await openInChannel(await chairsTeams.newPage(), 'chair', SERIES);
  const chairsPanel = new SignOffPanel(chairsTab.host.tab);
  await expect(chairsPanel.state()).toHaveText('Justerat.');
  await expect(chairsPanel.region.getByRole('button', { name: /^Skicka för justering/ })).toHaveCount(0);
  await chairsTeams.close();

  // Approved minutes are locked; changing them starts a new version, and the approval is void at once.
  const item = minutes.agendaItemTitled('Inledning och föregående minnesanteckningar');
  await expect(item.getByRole('button', { name: /^Lägg till beslut i / })).toBeDisabled();
  await signOff.region.getByRole('button', { name: 'Ändra protokollet' }).click();
  await host.tab.getByRole('dialog', { name: 'Ändra protokollet' }).getByRole('button', { name: 'Ändra ändå' }).click();
  await item.getByRole('button', { name: /^Lägg till beslut i / }).click();
  await item.getByRole('textbox', { name: /Beslut 1/ }).fill('Dagordningen godkänns.');
  await expect(signOff.state()).toHaveText('Ändrat efter att det skickades: justeringen gäller inte längre. Skicka igen.');
});

test('the chair sends the minutes back from Outlook with a comment on one item; the secretary sees it beside that item', async ({ page, browser, request }) => {
  const { host, minutes } = await openInChannel(page, 'secretary', SERIES);
  const signOff = new SignOffPanel(host.tab);
  await signOff.send();

  const chair = await chairInOutlook(browser, request);
  await chair.approval.getByRole('button', { name: 'Skicka tillbaka' }).click();
  const form = chair.approval.getByRole('form', { name: 'Skicka tillbaka till sekreteraren' });
  await form.getByRole('textbox', { name: 'Vad ska ändras?' }).fill('Beslutet om föregående minnesanteckningar saknas.');
  // The items by their § in the year's numbering and title, as the chair reads them.
  const section = form.getByRole('combobox', { name: 'Gäller' });
  const label = await section.locator('option', { hasText: 'Inledning och föregående minnesanteckningar' }).textContent();
  expect(label).toMatch(/^§ \d+ Inledning och föregående minnesanteckningar$/);
  await section.selectOption({ label: label! });
  await form.getByRole('button', { name: 'Skicka tillbaka' }).click();
  await expect(chair.approval.getByRole('status')).toContainText('Du skickade tillbaka version');
  expect(await chair.outlook.unhandledCalls()).toEqual([]);
  await chair.close();

  await signOff.lookAgain(page);
  await expect(signOff.state()).toHaveText('Återsänt för ändring.');
  await expect(minutes.agendaItemTitled('Inledning och föregående minnesanteckningar')).toContainText('Återsänt av Karin Ekström: Beslutet om föregående minnesanteckningar saknas.');
});
