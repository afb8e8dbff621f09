// The secretary's side of sign-off (issue 11), in the channel tab through the Teams simulator: the
// minutes are sent to the chair and the two adjusters the group names; each gets one mail with the
// summary, the link and the tag; the approvers' answers (written as each of them, the way the Outlook
// pane writes them) show in the open tab without a reload; an edit voids the round; a returned
// comment shows beside its item; answers that must not count are flagged with the reason.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { emulatorTokenProvider } from '../../src/auth/emulatorTokenProvider';
import { createGraphClient } from '../../src/graph/client';
import { Graph } from '../../src/graph/graph';
import { addressOfMinutesId, signOffStore } from '../../src/app/signOffStore';
import { answerContent, type AnswerContent } from '../../src/domain/signOff';
import { openInChannel, SignOffPanel } from './pages/minutes';
import { MinutesDocumentView } from './pages/minutesEditor';
import { EMULATOR, emulatorAdmin, TeamsHost, demoScenario } from './pages/teamsHost';
import { PEOPLE } from './pages/outlookHost';
import { PORTS } from '../../playwright.config';

const SERIES = 'Samordningsgrupp Nära vård';
const SARA = 'sara.lind@ekby.se';
const OLOF = 'olof.bergstrom@regionostmark.se';

test.beforeEach(async ({ request }) => emulatorAdmin.scenario(request, demoScenario()));
test.afterEach(async ({ page, request }) => {
  await emulatorAdmin.clearFaults(request);
  expect(await new TeamsHost(page).unhandledCalls()).toEqual([]);
});

type Sent = { subject: string; body: { content: string }; toRecipients: { emailAddress: { address: string } }[]; internetMessageHeaders: { name: string; value: string }[] };

async function sentMail(request: APIRequestContext): Promise<Sent[]> {
  return ((await (await request.get(`${EMULATOR}/_emulator/mail`)).json()) as { value: Sent[] }).value;
}

const header = (mail: Sent, name: string) => mail.internetMessageHeaders.find((h) => h.name.toLowerCase() === name)?.value;

/** The tag of the latest approval mail: the meeting's folder and the version. */
async function lastTag(request: APIRequestContext) {
  const mail = (await sentMail(request)).filter((m) => header(m, 'x-justera-version')).at(-1)!;
  return { address: addressOfMinutesId(header(mail, 'x-justera-minutes')!)!, version: header(mail, 'x-justera-version')! };
}

/** Sign-off's files as one person of the demo tenant sees them (the real Graph client, to the emulator). */
function storeAs(user: string, address: { driveId: string; folderId: string }) {
  const { client, version } = createGraphClient({ endpoint: { baseUrl: `${EMULATOR}/v1.0` }, tokens: emulatorTokenProvider(EMULATOR, user) });
  return signOffStore(new Graph(client, version), address);
}

let answers = 0;
/** An answer file, created as `user` exactly as the pane creates one. */
async function answerAs(request: APIRequestContext, user: string, content: Partial<AnswerContent> & Pick<AnswerContent, 'decision'>) {
  const tag = await lastTag(request);
  const snapshot = (await storeAs(user, tag.address).readVersion(tag.version).catch(() => undefined))?.snapshot;
  const meeting = content.meeting ?? snapshot?.meeting ?? '';
  const written = answerContent(meeting, content.version ?? tag.version, content.decision, content.comment, content.section);
  await storeAs(user, tag.address).writeAnswer(written, new Date(), `e2e${(answers += 1)}`);
}

async function openSecretary(page: import('@playwright/test').Page) {
  const { host, minutes } = await openInChannel(page, 'secretary', SERIES);
  return { host, minutes, signOff: new SignOffPanel(host.tab) };
}

test('the secretary sends to the chair and both adjusters: one mail each with the summary, the link and the tag', async ({ page, request }) => {
  const { signOff } = await openSecretary(page);
  await expect(signOff.region).toContainText('Protokollet har inte skickats för justering.');
  const dialog = await signOff.openSend();
  for (const line of ['Karin Ekström, ordförande', 'Sara Lind, justerare', 'Olof Bergström, justerare']) await expect(dialog.getByRole('listitem').filter({ hasText: line })).toHaveCount(1);
  // Sara Lind has a guest account: the secretary is told, with what to do.
  await expect(dialog).toContainText('Sara Lind har ett gästkonto och kan sakna rätt att skriva sitt svar i gruppens mapp.');
  await expect(dialog).toContainText('Lägg till dem i teamet eller utse en annan justerare.');
  await dialog.getByRole('button', { name: 'Skicka', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });

  await expect(signOff.region).toContainText(/Skickat för justering .+ till Karin Ekström, Sara Lind, Olof Bergström/);
  await expect(signOff.state()).toHaveText('Väntar på justering.');
  const { version, address } = await lastTag(request);
  await expect(signOff.version()).toHaveText(`Version ${version.slice(0, 8)}`);
  await expect(signOff.version()).toHaveAccessibleDescription(`Versionens fullständiga kontrollsumma: ${version}`);

  const mails = (await sentMail(request)).filter((m) => header(m, 'x-justera-version') === version);
  expect(mails.map((m) => m.toRecipients[0]!.emailAddress.address).sort()).toEqual([OLOF, PEOPLE.chair.address, SARA].sort());
  for (const mail of mails) {
    expect(mail.subject).toBe('Justering: Protokoll Samordningsgrupp Nära vård');
    expect(header(mail, 'x-justera-minutes')).toBe(`${address.driveId}/${address.folderId}`);
    expect(mail.body.content).toContain('ber dig justera protokollet');
    expect(mail.body.content).toContain('Inledning och föregående minnesanteckningar');
    expect(mail.body.content).toContain(`https://localhost:${PORTS.pane}/pane.html?minutes=${encodeURIComponent(`${address.driveId}/${address.folderId}`)}&amp;version=${version}`);
    expect(mail.body.content).toContain('https://teams.microsoft.com/l/entity/');
  }
  // The chair's copy landed in her mailbox with the tag.
  const stored = await storeAs(PEOPLE.chair.address, address).readVersion(version);
  expect(stored.snapshot.approvers.map((a) => a.displayName)).toEqual(['Karin Ekström', 'Sara Lind', 'Olof Bergström']);
});

test('answers show without a reload; with one adjuster still to answer it waits; when all approved it is locked, and "Justerat av" says who and when', async ({ page, request }, testInfo) => {
  // One answer arrives through the 20 s check of an open page, not a focus: room for it besides the rest.
  test.setTimeout(90_000);
  const { signOff, host, minutes } = await openSecretary(page);
  await signOff.send();
  await answerAs(request, PEOPLE.chair.address, { decision: 'approved' });
  await answerAs(request, SARA, { decision: 'approved' });
  await signOff.lookAgain(page);
  await expect(signOff.answers().filter({ hasText: /^Karin Ekström, ordförande: justerat \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/ })).toHaveCount(1);
  await expect(signOff.answers().filter({ hasText: /^Sara Lind, justerare: justerat / })).toHaveCount(1);
  await expect(signOff.answers().filter({ hasText: 'Olof Bergström, justerare: väntar' })).toHaveCount(1);
  await expect(signOff.state()).toHaveText('Väntar på justering.');

  // The last one answers while the secretary looks at the page: it arrives within the 20 s check.
  await answerAs(request, OLOF, { decision: 'approved' });
  await expect(signOff.state()).toHaveText('Justerat.', { timeout: 30_000 });
  await expect(signOff.region).toContainText(/Justerat av Karin Ekström \d{4}-\d{2}-\d{2} \d{2}:\d{2}, Sara Lind .+, Olof Bergström .+/);

  // Locked: nothing can be typed until "Ändra protokollet", which says what it means.
  const item = minutes.agendaItemTitled('Inledning och föregående minnesanteckningar');
  await expect(item.getByRole('button', { name: /^Lägg till beslut i / })).toBeDisabled();
  // What the minutes print from above the editor too: the chair and the attendance.
  await expect(minutes.chair('Ordförande')).toBeDisabled();
  await expect(minutes.statusOf('Närvaro för Olof Bergström')).toBeDisabled();
  // The preview prints who approved and when.
  const view = new MinutesDocumentView(page, host.tab);
  await view.previewButton().click();
  await expect(view.preview()).toContainText(/Karin Ekström, ordförande \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await view.previewButton().click();
  // So does the Word file.
  const { file } = await view.download(testInfo.outputPath('docx'));
  const { value: word } = await mammoth.extractRawText({ buffer: readFileSync(file) });
  expect(word).toMatch(/Sara Lind, justerare \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

  await signOff.region.getByRole('button', { name: 'Ändra protokollet' }).click();
  const confirm = host.tab.getByRole('dialog', { name: 'Ändra protokollet' });
  await expect(confirm).toContainText('protokollet blir en ny version som måste skickas för justering igen');
  await confirm.getByRole('button', { name: 'Ändra ändå' }).click();
  await expect(minutes.chair('Ordförande')).toBeEnabled();
  await item.getByRole('button', { name: /^Lägg till beslut i / }).click();
  await item.getByRole('textbox', { name: /Beslut 1/ }).fill('Dagordningen godkänns.');
  await expect(signOff.state()).toHaveText('Ändrat efter att det skickades: justeringen gäller inte längre. Skicka igen.');
});

test('an edit after sending voids the round at once', async ({ page }) => {
  const { signOff, minutes } = await openSecretary(page);
  await signOff.send();
  await expect(signOff.state()).toHaveText('Väntar på justering.');
  const item = minutes.agendaItemTitled('Ekonomisk uppföljning');
  await item.getByRole('button', { name: /^Lägg till beslut i / }).click();
  await item.getByRole('textbox', { name: /Beslut 1/ }).fill('Budgeten fastställs.');
  await expect(signOff.state()).toHaveText('Ändrat efter att det skickades: justeringen gäller inte längre. Skicka igen.');
});

test('a returned comment shows beside the item it names, with who returned it; one about the whole minutes at the top', async ({ page, request }) => {
  const { signOff, minutes } = await openSecretary(page);
  await signOff.send();
  const tag = await lastTag(request);
  const { snapshot } = await storeAs(PEOPLE.chair.address, tag.address).readVersion(tag.version);
  const budget = snapshot.minutes.agenda.find((i) => i.title === 'Ekonomisk uppföljning')!;
  await answerAs(request, PEOPLE.chair.address, { decision: 'returned', comment: 'Beslutet om <b>budgeten</b> saknas.', section: budget.id });
  await answerAs(request, SARA, { decision: 'returned', comment: 'Närvarolistan stämmer inte.' });
  await signOff.lookAgain(page);
  await expect(signOff.state()).toHaveText('Återsänt för ändring.');
  await expect(signOff.answers().filter({ hasText: /^Karin Ekström, ordförande: återsänt .+ med kommentar$/ })).toHaveCount(1);
  const item = minutes.agendaItemTitled('Ekonomisk uppföljning');
  await expect(item).toContainText('Återsänt av Karin Ekström: Beslutet om <b>budgeten</b> saknas.');
  await expect(signOff.region).toContainText('Återsänt av Sara Lind: Närvarolistan stämmer inte.');
  await expect(signOff.region).not.toContainText('Beslutet om');
});

test("answers that must not count are flagged with the reason: the secretary's own, and one naming an older version", async ({ page, request }) => {
  const { signOff, minutes } = await openSecretary(page);
  await signOff.send();
  const first = (await lastTag(request)).version;
  // The secretary writes a file claiming approval: Graph says she wrote it, and she is no approver.
  await answerAs(request, PEOPLE.secretary.address, { decision: 'approved' });
  await signOff.lookAgain(page);
  await expect(signOff.region).toContainText('Ett svar skrivet av Ahmed Yilmaz räknades inte: Ahmed Yilmaz är inte justerare för protokollet.');
  await expect(signOff.state()).toHaveText('Väntar på justering.');

  // A new version is sent; the chair's approval of the first one does not count for it.
  const item = minutes.agendaItemTitled('Ekonomisk uppföljning');
  await item.getByRole('button', { name: /^Lägg till beslut i / }).click();
  await item.getByRole('textbox', { name: /Beslut 1/ }).fill('Budgeten fastställs.');
  await expect(signOff.state()).toHaveText(/justeringen gäller inte längre/);
  await signOff.send();
  expect((await lastTag(request)).version).not.toBe(first);
  await answerAs(request, PEOPLE.chair.address, { decision: 'approved', version: first });
  await signOff.lookAgain(page);
  await expect(signOff.region).toContainText('Ett svar skrivet av Karin Ekström räknades inte: det gäller en tidigare version av protokollet.');
  await expect(signOff.answers().filter({ hasText: 'Karin Ekström, ordförande: väntar' })).toHaveCount(1);
});

test('a sending that stops at the mail says so, and trying again mails each approver once, with one round and one stored version', async ({ page, request }) => {
  const { signOff } = await openSecretary(page);
  await emulatorAdmin.faults(request, { clientError: { count: 1, status: 403, code: 'ErrorAccessDenied', message: 'Access is denied.' }, paths: '^/me/sendMail' });
  const dialog = await signOff.openSend();
  await dialog.getByRole('button', { name: 'Skicka', exact: true }).click();
  await expect(dialog.getByRole('alert').first()).toContainText('Utskicket avbröts efter 0 av 3 mejl. Försök igen');
  await dialog.getByRole('button', { name: 'Försök igen' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  const { version, address } = await lastTag(request);
  const mails = (await sentMail(request)).filter((m) => header(m, 'x-justera-version') === version);
  expect(mails).toHaveLength(3);
  expect((await storeAs(PEOPLE.secretary.address, address).listVersions()).map((v) => v.version)).toEqual([version]);
  await expect(signOff.region.getByText(/^Skickat för justering /)).toHaveCount(1);
  await expect(signOff.answers()).toHaveCount(3);
});

test('the sending dialog and the panel with answers, a comment and a flag have no WCAG A/AA violations, in the contrast theme too', async ({ page, request }) => {
  const violations = async () =>
    (await new AxeBuilder({ page }).include(['iframe', '#root']).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  const { host, minutes } = await openInChannel(page, 'secretary', SERIES, { theme: 'contrast' });
  const signOff = new SignOffPanel(host.tab);
  await signOff.openSend();
  expect(await violations()).toEqual([]);
  await host.tab.getByRole('dialog').getByRole('button', { name: 'Skicka', exact: true }).click();
  await expect(host.tab.getByRole('dialog')).toBeHidden({ timeout: 20_000 });
  await answerAs(request, PEOPLE.chair.address, { decision: 'returned', comment: 'Se över beslutet.' });
  await answerAs(request, PEOPLE.secretary.address, { decision: 'approved' });
  await signOff.lookAgain(page);
  await expect(signOff.region).toContainText('räknades inte');
  await expect(signOff.region).toContainText('Återsänt av Karin Ekström: Se över beslutet.');
  await expect(minutes.heading(SERIES)).toBeVisible();
  expect(await violations()).toEqual([]);
});
