// Publishing from end to end (issue 12): the secretary sends the minutes, every approver approves,
// and one action publishes them: the Word file of the approved version beside the minutes, one
// message in the channel with it attached, and a task per action in Planner. The tab shows progress,
// then what was created and whose task could not be assigned; publishing is offered only once the
// minutes are approved. The demo's "Kanalen och Planner" shows what landed; a member completes a task
// there, and the next meeting's follow-up shows it done, from Planner.

import { expect, test } from '@playwright/test';
import mammoth from 'mammoth';
import { MeetingMinutes, MyMeetings, openInChannel, SignOffPanel } from './pages/minutes';
import { graphAs, PEOPLE } from './pages/outlookHost';
import { LandedPage } from './pages/landed';
import { SignOffFolder } from './pages/signOffRound';
import { demoScenario, EMULATOR, emulatorAdmin, TeamsHost, type HostOptions } from './pages/teamsHost';

const SERIES = 'Samordningsgrupp Nära vård';
const SARA = 'sara.lind@ekby.se';
/** Typed into an action: it must stay text in the tab, the channel message and the Word file. */
const XSS = '<img src=x onerror="window.__pwned=1">';

test.use({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
test.beforeEach(async ({ request }) => emulatorAdmin.scenario(request, demoScenario()));

test('approved minutes are published in one action: the Word file, the channel message and the Planner tasks; a member completes a task, and the next meeting follows it up', async ({ page, request }) => {
  test.setTimeout(90_000);
  const { host, minutes } = await openInChannel(page, 'secretary', SERIES);
  const title = 'Inledning och föregående minnesanteckningar';
  const item = minutes.agendaItemTitled(title);
  for (const [n, what, owner] of [
    [1, 'Skicka underlaget till kommunerna', 'Olof'],
    [2, `Ta fram lokalförslag ${XSS}`, 'Nils'],
  ] as const) {
    await item.getByRole('button', { name: /^Lägg till uppdrag i / }).click();
    const row = item.getByRole('group', { name: new RegExp(`^Uppdrag ${n}, `) });
    await row.getByRole('textbox', { name: 'Vad ska göras' }).fill(what);
    const field = row.getByRole('combobox', { name: 'Ansvarig' });
    await field.click();
    await field.pressSequentially(owner);
    await host.tab.getByRole('listbox').getByRole('option', { name: new RegExp(`^${owner}`) }).first().click();
  }

  const signOff = new SignOffPanel(host.tab);
  const publishing = host.tab.getByRole('region', { name: 'Publicera i kanalen och Planner' });
  await signOff.send();
  await expect(publishing).toHaveCount(0);

  const folder = await SignOffFolder.ofMinutes(request);
  await folder.approveAs(PEOPLE.chair.address, SARA, PEOPLE.member.address);
  await signOff.lookAgain(page);
  await expect(signOff.state()).toHaveText('Justerat.');

  await expect(publishing).toContainText('gör uppdragen');
  await publishing.getByRole('button', { name: 'Publicera' }).click();
  await expect(publishing.getByRole('status')).toContainText(/^Publicerat \d{4}-\d{2}-\d{2} \d{2}:\d{2} av Ahmed Yilmaz/, { timeout: 30_000 });
  const created = publishing.getByRole('list', { name: 'Det som publicerades' });
  await expect(created.getByRole('link', { name: 'Inlägget i kanalen' })).toBeVisible();
  await expect(created.getByRole('link', { name: /^Word-filen .*\.docx$/ })).toBeVisible();
  await expect(created).toContainText('Skicka underlaget till kommunerna');
  // Nils is in the directory but not in the group: his task is unassigned, and the secretary is told.
  await expect(created).toContainText(`Ta fram lokalförslag ${XSS} – inte medlem i gruppen`);
  await expect(publishing).toContainText(`Ta fram lokalförslag ${XSS}: Nils Ahl (inte medlem i gruppen)`);

  // The channel has exactly one message from the secretary with the Word file attached.
  const secretary = await graphAs(request, PEOPLE.secretary.address);
  const { teamId, channelId } = (await (await request.get(`${EMULATOR}/_emulator/scenario`)).json()).resolved.teamsContext;
  const messages = (await secretary.get<{ value: { subject?: string; body: { content: string }; attachments: { name: string }[] }[] }>(`/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/messages`)).value;
  const ours = messages.filter((m) => m.body.content.includes('Justera · version'));
  expect(ours).toHaveLength(1);
  expect(ours[0]!.attachments.map((a) => a.name)).toEqual([expect.stringMatching(/\.docx$/)]);
  // What was typed is text in the message, never markup.
  expect(ours[0]!.body.content).not.toMatch(/<(img|script|svg)\b|<[^>]*\bonerror=/i);
  expect(ours[0]!.body.content).toContain('Ta fram lokalförslag &lt;img');

  // The Word file beside the minutes is the approved version: who approved it, and the typed text as text.
  const docx = await secretary.get<{ value: { id: string; name: string }[] }>(`${await folder.childrenPath()}`);
  const word = docx.value.find((f) => f.name.endsWith('.docx'))!;
  const buffer = await secretary.bytes(`/drives/${folder.driveId}/items/${word.id}/content`);
  const { value: text } = await mammoth.extractRawText({ buffer });
  expect(text).toMatch(/Justeras: Karin Ekström \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  expect(text).toContain(`Ta fram lokalförslag ${XSS}`);
  const { value: html } = await mammoth.convertToHtml({ buffer });
  expect(html).not.toMatch(/<(script|img|svg|iframe)\b/i);
  expect(await host.tab.locator('body').evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // What landed, as a new user sees it on the demo's start page: the post, and the tasks on the board.
  const landedPage = await page.context().newPage();
  const landed = await LandedPage.fromStartPage(landedPage);
  const post = landed.message('Samordningsgrupp', ours[0]!.subject ?? '');
  await expect(post).toContainText('Skicka underlaget till kommunerna');
  await expect(post).toContainText(`Ta fram lokalförslag ${XSS}`);
  await expect(post.getByRole('link', { name: /\.docx$/ })).toBeVisible();
  const task = landed.task('Skicka underlaget till kommunerna');
  await expect(task).toContainText('Olof Bergström');
  await expect(landed.task(`Ta fram lokalförslag ${XSS}`)).toContainText('Ansvarig: Nils Ahl');

  // Olof completes his task in Planner (the landed view's button acts as its assignee would).
  await landed.markButton('Skicka underlaget till kommunerna', 'completed').click();
  await expect(landed.task('Skicka underlaget till kommunerna')).toContainText(/Klar av Olof Bergström/);

  // The next meeting: its follow-up brings the published action, with its status from Planner.
  await page.reload();
  const next = new TeamsHost(page);
  await next.open({ persona: 'secretary', tab: 'channel' } as HostOptions);
  await new MyMeetings(next.tab).meetings('Kommande', SERIES).first().click();
  const nextMinutes = new MeetingMinutes(next.tab);
  await expect(nextMinutes.heading(SERIES)).toBeVisible();
  await expect(nextMinutes.followUp('Uppföljning av uppdrag', 'Skicka underlaget till kommunerna')).toContainText(/I Planner: Klar – \u2068?Olof Bergström\u2069? \d{4}-\d{2}-\d{2}/);
  await expect(nextMinutes.followUp('Uppföljning av uppdrag', 'Ta fram lokalförslag')).toContainText('I Planner: Ej påbörjad');
});
