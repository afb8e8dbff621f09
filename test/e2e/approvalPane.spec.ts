// The chair approves in the Outlook pane (issue 11): the secretary's round is set up through Graph as
// the secretary (the version file and the tagged mail, test/e2e/pages/signOffRound.ts), and the chair
// opens the mail in the Outlook simulator, which answers the real office.js, tokens included. Every
// test also fails on any office.js call the simulator did not answer.

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ChannelFiles, PEOPLE as CHANNEL_PEOPLE } from './pages/channelFiles';
import { openInChannel } from './pages/minutes';
import { chairsMeetings, OutlookHost, PEOPLE } from './pages/outlookHost';
import { approvalView, chairId, minutesDocument, SignOffFolder } from './pages/signOffRound';
import { demoScenario, emulatorAdmin, TeamsHost } from './pages/teamsHost';
import { meetingKey } from '../../src/domain/meetingFolder';

test.use({ ignoreHTTPSErrors: true, timezoneId: 'Europe/Stockholm' });

// testId starts with the file's hash: its end tells the tests apart.
const id = () => `${test.info().testId.slice(-8)}-${test.info().retry}`;
const agenda = [
  { id: 'item-budget', title: 'Budget 2027', decisions: ['Budgeten fastställs.'] },
  { id: 'item-lokaler', title: 'Lokaler', decisions: [] },
];

test.describe('the approval pane in Outlook', () => {
  let outlook: OutlookHost;
  test.beforeEach(({ page }) => {
    outlook = new OutlookHost(page);
  });
  test.afterEach(async () => {
    expect(await outlook.unhandledCalls()).toEqual([]);
  });

  const approvalOf = () => approvalView(outlook.pane);

  test('the chair opens the approval mail, reads the exact version sent and approves it; the answer is a file Graph says the chair created', async ({ request }) => {
    const folder = await SignOffFolder.create(request, `Styrelsemöte ${id()}`);
    const { version, mailId } = await folder.send(minutesDocument('Styrelsen, protokoll 2026-11-24', agenda), { subject: `Protokoll för justering ${id()}` });

    await outlook.open({ persona: 'chair', item: `message:${mailId}` });

    const approval = approvalOf();
    await expect(approval.getByText('Du är ordförande och justerar protokollet.')).toBeVisible();
    await expect(approval.getByText(`Version ${version.slice(0, 8)}`, { exact: true })).toBeVisible();
    await approval.getByRole('button', { name: 'Hela versionsnumret' }).click();
    await expect(approval.getByText(version, { exact: true })).toBeVisible();
    const document = approval.getByRole('article');
    await expect(document.getByRole('heading', { name: 'Styrelsen, protokoll 2026-11-24' })).toBeVisible();
    await expect(document.getByText('§ 1 Budget 2027')).toBeVisible();
    await expect(document.getByText('Budgeten fastställs.')).toBeVisible();
    await expect(approval.getByRole('region', { name: 'Svar' }).getByText(/Karin Ekström.*ordförande: Har inte svarat/)).toBeVisible();

    await approval.getByRole('button', { name: 'Justera' }).click();

    await expect(approval.getByRole('status')).toContainText(`Du justerade version ${version.slice(0, 8)}`);
    await expect(approval.getByRole('button', { name: 'Justera' })).toHaveCount(0);
    await expect(approval.getByRole('region', { name: 'Svar' }).getByText(/ordförande: Justerade /)).toBeVisible();
    const answers = await folder.answers();
    expect(answers).toEqual([expect.objectContaining({ createdBy: await chairId(request), content: expect.objectContaining({ version, decision: 'approved', meeting: folder.meeting }) })]);

    // A slip of the hand: she changes her answer, and the latest counts.
    await approval.getByRole('button', { name: 'Ändra mitt svar' }).click();
    await approval.getByRole('button', { name: 'Skicka tillbaka' }).click();
    const form = approval.getByRole('form', { name: 'Skicka tillbaka till sekreteraren' });
    await form.getByRole('textbox', { name: 'Vad ska ändras?' }).fill('Jag tryckte fel: budgetbeslutet saknar belopp.');
    await form.getByRole('button', { name: 'Skicka tillbaka' }).click();
    await expect(approval.getByRole('status')).toContainText(`Du skickade tillbaka version ${version.slice(0, 8)}`);
    await expect(approval.getByRole('region', { name: 'Svar' }).getByText(/ordförande: Skickade tillbaka /)).toBeVisible();
    expect((await folder.answers()).map((a) => a.content.decision).sort()).toEqual(['approved', 'returned']);
  });

  test('the chair sends it back with a comment about one item; HTML and script in the comment stay text', async ({ page, request }) => {
    const folder = await SignOffFolder.create(request, `Styrelsemöte ${id()}`);
    const { version, mailId } = await folder.send(minutesDocument('Styrelsen, protokoll 2026-11-25', agenda), { subject: `Protokoll för justering ${id()}` });
    const comment = 'Beslutet saknar belopp <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

    await outlook.open({ persona: 'chair', item: `message:${mailId}` });
    const approval = approvalOf();
    await approval.getByRole('button', { name: 'Skicka tillbaka' }).click();
    const form = approval.getByRole('form', { name: 'Skicka tillbaka till sekreteraren' });
    // A return needs a comment: sending without one says so and writes nothing.
    await form.getByRole('button', { name: 'Skicka tillbaka' }).click();
    await expect(form.getByText('Skriv vad sekreteraren ska ändra.')).toBeVisible();
    expect(await folder.answers()).toEqual([]);

    await form.getByRole('textbox', { name: 'Vad ska ändras?' }).fill(comment);
    await form.getByRole('combobox', { name: 'Gäller' }).selectOption({ label: '§ 1 Budget 2027' });
    await form.getByRole('button', { name: 'Skicka tillbaka' }).click();

    await expect(approval.getByRole('status')).toContainText(`Du skickade tillbaka version ${version.slice(0, 8)}`);
    const answered = approval.getByRole('region', { name: 'Svar' });
    await expect(answered.getByText(/ordförande: Skickade tillbaka /)).toBeVisible();
    await expect(answered.getByText('Gäller § 1 Budget 2027')).toBeVisible();
    await expect(answered.getByText(comment)).toBeVisible();
    await expect(outlook.pane.locator('img[src="x"]')).toHaveCount(0);
    expect(await outlook.pane.locator('body').evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await folder.answers()).toEqual([expect.objectContaining({ createdBy: await chairId(request), content: expect.objectContaining({ decision: 'returned', comment, section: 'item-budget' }) })]);
  });

  test('a second version shows what changed since the version the chair answered', async ({ request }) => {
    const folder = await SignOffFolder.create(request, `Styrelsemöte ${id()}`);
    const first = await folder.send(minutesDocument('Styrelsen, protokoll 2026-11-26', agenda), { subject: `Protokoll för justering ${id()} v1` });
    await outlook.open({ persona: 'chair', item: `message:${first.mailId}` });
    await approvalOf().getByRole('button', { name: 'Skicka tillbaka' }).click();
    await approvalOf().getByRole('textbox', { name: 'Vad ska ändras?' }).fill('Beloppet saknas');
    await approvalOf().getByRole('form').getByRole('button', { name: 'Skicka tillbaka' }).click();
    await expect(approvalOf().getByRole('status')).toContainText('Du skickade tillbaka version');

    const changed = [{ ...agenda[0]!, decisions: ['Budgeten fastställs till 4,2 miljoner kronor.'] }, agenda[1]!, { id: 'item-ovrigt', title: 'Övrigt' }];
    const second = await folder.send(minutesDocument('Styrelsen, protokoll 2026-11-26', changed), { subject: `Protokoll för justering ${id()} v2` });
    await outlook.open({ persona: 'chair', item: `message:${second.mailId}` });

    const changes = approvalOf().getByRole('region', { name: /^Ändringar sedan versionen du såg / });
    await expect(changes.getByRole('listitem')).toHaveText(['Ändrad punkt: § 1 Budget 2027', 'Ny punkt: § 3 Övrigt']);
    await expect(approvalOf().getByText(`Version ${second.version.slice(0, 8)}`, { exact: true })).toBeVisible();
    await expect(approvalOf().getByRole('button', { name: 'Justera' })).toBeVisible();
  });

  test('a tag naming a version that is not stored, or a version file that does not hash to it, is refused with nothing to approve', async ({ request }) => {
    const folder = await SignOffFolder.create(request, `Styrelsemöte ${id()}`);
    const notStored = await folder.send(minutesDocument('Styrelsen, protokoll 2026-11-27', agenda), {
      subject: `Protokoll för justering ${id()} a`,
      tag: (minutes, version) => ({ minutes, version: `${version.slice(0, 63)}${version.endsWith('0') ? '1' : '0'}` }),
    });
    await outlook.open({ persona: 'chair', item: `message:${notStored.mailId}` });
    await expect(outlook.pane.getByText('Versionen som mejlet pekar på finns inte i mötets mapp. Be sekreteraren skicka protokollet igen.')).toBeVisible();
    await expect(outlook.pane.getByRole('button', { name: 'Justera' })).toHaveCount(0);
    await expect(outlook.pane.getByRole('article')).toHaveCount(0);

    // A version file whose document was changed after its name (its hash) was set.
    const tampered = await folder.send(minutesDocument('Styrelsen, protokoll 2026-11-27', agenda), {
      subject: `Protokoll för justering ${id()} b`,
      tamper: (snapshot) => {
        snapshot.document = minutesDocument('Styrelsen, protokoll 2026-11-27', [{ ...agenda[0]!, decisions: ['Budgeten avslås.'] }]);
      },
    });
    await outlook.open({ persona: 'chair', item: `message:${tampered.mailId}` });
    await expect(outlook.pane.getByText('Versionen i mötets mapp stämmer inte med versionen i mejlet. Be sekreteraren skicka protokollet igen.')).toBeVisible();
    await expect(outlook.pane.getByRole('button', { name: 'Justera' })).toHaveCount(0);
    await expect(outlook.pane.getByText('Budgeten avslås.')).toHaveCount(0);
  });

  test("a mail with a true tag from someone other than the version's sender is refused", async ({ request }) => {
    const folder = await SignOffFolder.create(request, `Styrelsemöte ${id()}`);
    const { mailId } = await folder.send(minutesDocument('Styrelsen, protokoll 2026-11-28', agenda), { subject: `Protokoll för justering ${id()}`, from: PEOPLE.member.address });
    await outlook.open({ persona: 'chair', item: `message:${mailId}` });
    await expect(outlook.pane.getByText('Mejlet kommer inte från den som skickade versionen för justering. Justera visar inget att justera från det.')).toBeVisible();
    await expect(outlook.pane.getByRole('button', { name: 'Justera' })).toHaveCount(0);
  });

  test('a mail from outside the organisation is refused, whatever it names', async ({ request }) => {
    const folder = await SignOffFolder.create(request, `Styrelsemöte ${id()}`);
    // Exchange stamps X-MS-Exchange-Organization-AuthAs: Anonymous on mail from outside, whatever
    // sender it names; the spoofed mail here names the secretary and carries a true tag.
    const { mailId } = await folder.send(minutesDocument('Styrelsen, protokoll 2026-11-28', agenda), {
      subject: `Protokoll för justering ${id()}`,
      fromOutside: true,
    });
    await outlook.open({ persona: 'chair', item: `message:${mailId}` });
    await expect(outlook.pane.getByText('Mejlet kommer från en avsändare utanför organisationen. Justera visar inget att justera från det.')).toBeVisible();
    await expect(outlook.pane.getByRole('button', { name: 'Justera' })).toHaveCount(0);
  });

  test('a meeting in the calendar shows the minutes sent for approval for it, and another meeting says there are none yet', async ({ request }) => {
    const [meeting, other] = await chairsMeetings(request);
    const folder = await SignOffFolder.create(request, `Möte i kalendern ${id()}`, meetingKey(meeting!.iCalUId));
    const { version } = await folder.send(minutesDocument('Styrelsen, protokoll från kalendern', agenda), { subject: `Protokoll för justering ${id()}` });

    await outlook.open({ persona: 'chair', item: `event:${meeting!.id}` });
    await expect(approvalOf().getByText(`Version ${version.slice(0, 8)}`, { exact: true })).toBeVisible();
    await expect(approvalOf().getByRole('article').getByRole('heading', { name: 'Styrelsen, protokoll från kalendern' })).toBeVisible();

    await outlook.open({ persona: 'chair', item: `event:${other!.id}` });
    await expect(outlook.item('Mötet').getByText('Det finns inget protokoll för justering för det här mötet än.')).toBeVisible();
  });

  test('in English, 320 px wide and by keyboard alone: nothing scrolls sideways, axe finds nothing, and the chair approves', async ({ page, request }) => {
    const folder = await SignOffFolder.create(request, `Board ${id()}`);
    const { version, mailId } = await folder.send(minutesDocument('Styrelsen, protokoll 2026-11-29', agenda), { subject: `Minutes for approval ${id()}` });
    await outlook.open({ persona: 'chair', item: `message:${mailId}`, locale: 'en-US' });
    const approval = approvalView(outlook.pane, 'en');
    await expect(approval.getByText('You are the chair and approve the minutes.')).toBeVisible();
    const sideways = await outlook.narrow(320);
    await expect.poll(sideways).toBeLessThanOrEqual(0);
    const axe = await new AxeBuilder({ page }).include(['iframe[title="Justera"]', '#root']).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    // From the first control of the view (the full version number), Tab to "Approve" and press Enter.
    // (office.js moves focus on Tab itself in the pane, through its own list of tabbable elements.)
    await approval.getByRole('button', { name: 'The full version number' }).focus();
    const approve = approval.getByRole('button', { name: 'Approve' });
    for (let i = 0; i < 10 && !(await approve.evaluate((b) => b === document.activeElement)); i += 1) await page.keyboard.press('Tab');
    await expect(approve).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(approval.getByRole('status')).toContainText(`You approved version ${version.slice(0, 8)}`);
    await expect.poll(sideways).toBeLessThanOrEqual(0);
  });

  test("an approver who cannot write in the group's folder is told so and what to do", async ({ request }) => {
    const folder = await SignOffFolder.create(request, `Styrelsemöte ${id()}`);
    const { mailId } = await folder.send(minutesDocument('Styrelsen, protokoll 2026-11-30', agenda), { subject: `Protokoll för justering ${id()}` });
    await outlook.open({ persona: 'chair', item: `message:${mailId}` });
    await expect(approvalOf().getByRole('button', { name: 'Justera' })).toBeVisible();
    // SharePoint answers 403 to someone who may read the folder but not write in it (a guest, a former member).
    await emulatorAdmin.faults(request, { clientError: { count: 5, status: 403, code: 'accessDenied' }, paths: 'svar-' });
    try {
      await approvalOf().getByRole('button', { name: 'Justera' }).click();
      await expect(approvalOf().getByText('Du kan inte skriva i gruppens mapp i Teams, så ditt svar kan inte sparas. Be sekreteraren lägga till dig i teamet, eller svara sekreteraren direkt.')).toBeVisible();
    } finally {
      await emulatorAdmin.clearFaults(request);
    }
    expect(await folder.answers()).toEqual([]);
  });
});

test.describe('the approval view in the Teams tab', () => {
  // From the demo tenant without minutes files: the tab makes the meeting's folder.
  test.beforeEach(async ({ request }) => emulatorAdmin.scenario(request, demoScenario({ configured: false })));
  test.afterEach(async ({ page }) => {
    expect(await new TeamsHost(page).unhandledCalls()).toEqual([]);
  });

  // Minutes.signOff (the rounds sent) is read and kept by the secretary's side of issue 11 (TAB's
  // restoreMinutes): until that is merged, a round written into minutes.json is dropped when read.

  test('the chair opens the minutes in the channel tab and approves the round sent to her there; the secretary, not named as an approver, sees none', async ({ page, request }) => {
    const series = 'Samordningsgrupp Nära vård';
    await openInChannel(page, 'secretary', series);
    const files = await ChannelFiles.as(request, CHANNEL_PEOPLE.secretary);
    await expect.poll(async () => (await files.read().catch(() => undefined))?.eTag).toBeTruthy();
    const folder = await SignOffFolder.ofMinutes(request);
    const round = await folder.storeVersion(minutesDocument('Samordningsgrupp Nära vård, protokoll', agenda));
    await files.change((m) => {
      m.signOff = { rounds: [round] };
    });

    // The secretary sent the round and is not one of its approvers: no approval view for her.
    const secretary = await openInChannel(page, 'secretary', series);
    await expect(secretary.host.tab.getByText('Du är ordförande och justerar protokollet.')).toHaveCount(0);
    await expect(approvalView(secretary.host.tab)).toHaveCount(0);

    const chair = await openInChannel(page, 'chair', series);
    const approval = approvalView(chair.host.tab);
    await expect(approval.getByText('Du är ordförande och justerar protokollet.')).toBeVisible();
    await expect(approval.getByText(`Version ${round.version.slice(0, 8)}`, { exact: true })).toBeVisible();
    await approval.getByRole('button', { name: 'Justera' }).click();
    await expect(approval.getByRole('status')).toContainText(`Du justerade version ${round.version.slice(0, 8)}`);
    expect(await folder.answers()).toEqual([expect.objectContaining({ createdBy: await chairId(request), content: expect.objectContaining({ version: round.version, decision: 'approved' }) })]);
  });
});
