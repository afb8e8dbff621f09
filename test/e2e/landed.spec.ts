// The demo's "Kanalen och Planner" page: what the secretary published (a channel post with the minutes
// and a mention, Planner tasks in a bucket) shows as the emulator has it, a member's completion made
// from the page shows on the card, in Swedish and in English, hostile message bodies run nothing, and
// axe finds no WCAG A/AA violations.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { HOSTILE_VALUES } from './hostile';
import { createTask, demoTeam, LandedPage, postInChannel } from './pages/landed';
import { graphAs, PEOPLE } from './pages/outlookHost';
import { demoScenario, emulatorAdmin } from './pages/teamsHost';

const MINUTES_FILE = 'Protokoll 2026-11-24 Samordningsgrupp Nära vård.docx';
const ACTION = 'Ta fram underlag om mobila team';

/** What publishing leaves: one post with the minutes and a mention of the owner, one task in the meeting's bucket. */
async function publish(page: Page) {
  await postInChannel(page.request, {
    subject: 'Protokoll 24 november',
    html: '<p>Protokollet är justerat. <b>Uppdrag</b> till</p>',
    mentions: [{ name: PEOPLE.member.name, address: PEOPLE.member.address }],
    file: MINUTES_FILE,
  });
  return createTask(page.request, {
    bucket: 'Möte 2026-11-24',
    title: ACTION,
    owner: PEOPLE.member.address,
    due: '2026-12-18T16:00:00Z',
    description: 'Underlaget ska beskriva hur mobila team kan nå fler i länet.',
    link: { url: 'https://regionostmark.sharepoint.com/sites/Naravard/Protokoll.docx#punkt-3', alias: '§ 3 Mobila team' },
  });
}

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

test.beforeEach(async ({ request }) => emulatorAdmin.scenario(request, demoScenario()));
test.afterAll(async ({ request }) => emulatorAdmin.scenario(request, demoScenario()));

test('what was published shows in the channel and on the board, and a task marked done from the page shows who completed it', async ({ page }) => {
  const task = await publish(page);
  const { channelName } = await demoTeam(page.request);
  const landed = await LandedPage.fromStartPage(page);

  const message = landed.message(channelName, 'Protokoll 24 november');
  await expect(message).toContainText(PEOPLE.secretary.name);
  await expect(message).toContainText('Protokollet är justerat.');
  await expect(message.locator('mark')).toHaveText(PEOPLE.member.name);
  await expect(message.getByRole('link', { name: MINUTES_FILE })).toHaveAttribute('href', /sharepoint\.com/);

  const card = landed.bucket('Möte 2026-11-24').getByRole('article').filter({ hasText: ACTION });
  await expect(card).toContainText('Ej påbörjad');
  await expect(card).toContainText(`Tilldelad${PEOPLE.member.name}`);
  await expect(card).toContainText('18 dec. 2026');
  await expect(card).toContainText('Underlaget ska beskriva hur mobila team kan nå fler i länet.');
  await expect(card.getByRole('link', { name: '§ 3 Mobila team' })).toHaveAttribute('href', 'https://regionostmark.sharepoint.com/sites/Naravard/Protokoll.docx#punkt-3');

  await landed.markButton(ACTION, 'completed').click();
  await expect(landed.task(ACTION)).toContainText(`Klar av ${PEOPLE.member.name}`);
  await expect(landed.status).toHaveText(`${ACTION}: Klar.`);
  await expect(landed.page.getByRole('heading', { name: ACTION })).toBeFocused();
  // Planner has it as the owner's completion, as the next meeting's follow-up will read it.
  const inGraph = await (await graphAs(page.request, PEOPLE.secretary.address)).get<{ percentComplete: number; completedBy: { user: { id: string } } }>(`/planner/tasks/${task.id}`);
  expect(inGraph.percentComplete).toBe(100);

  await landed.markButton(ACTION, 'inProgress').click();
  await expect(landed.task(ACTION)).toContainText('Pågår');
  await expect(landed.task(ACTION)).not.toContainText('Klar av');
});

test('an empty channel and a group without a plan say what is missing; Uppdatera shows what came since', async ({ page, request }) => {
  const scenario = demoScenario();
  for (const team of scenario.teams ?? []) team.plans = [];
  await emulatorAdmin.scenario(request, scenario);
  const landed = await LandedPage.fromStartPage(page);
  const { channelName } = await demoTeam(request);
  await expect(landed.channel(channelName)).toContainText('Inget har publicerats i kanalen ännu.');
  await expect(page.getByText('Gruppen har ingen plan.')).toBeVisible();

  await postInChannel(request, { subject: 'Kallelse', html: '<p>Välkomna på fredag.</p>' });
  await expect(landed.message(channelName, 'Kallelse')).toHaveCount(0);
  await landed.refresh();
  await expect(landed.message(channelName, 'Kallelse')).toContainText('Välkomna på fredag.');
  await expect(landed.status).toHaveText('Vyn är uppdaterad: 1 inlägg och 0 uppgifter.');
});

test('in English, from the English section of the start page, with the keyboard', async ({ page }) => {
  await publish(page);
  const landed = await LandedPage.fromStartPage(page, 'en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(landed.task(ACTION)).toContainText('Not started');
  await expect(landed.task(ACTION)).toContainText(`The buttons change the task as ${PEOPLE.member.name} would in Planner.`);
  await landed.markButton(ACTION, 'completed').focus();
  await page.keyboard.press('Enter');
  await expect(landed.task(ACTION)).toContainText(`Completed by ${PEOPLE.member.name}`);
  await expect(landed.status).toHaveText(`${ACTION}: Completed.`);
});

test('a hostile message body and task title run nothing and show as text', async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  await postInChannel(page.request, {
    subject: 'Farligt innehåll',
    html:
      '<p>Läs detta.</p><script>window.__pwned=1</script><p>Före bilden <img src=x onerror="window.__pwned=1"> efter bilden.</p>' +
      '<p><a href="javascript:window.__pwned=1">Klicka här</a> <svg onload="window.__pwned=1"></svg></p>',
  });
  // Every script payload of the hostile data at once: unbalanced markup may swallow what follows it, but runs nothing.
  await postInChannel(page.request, { subject: 'Allt på en gång', html: HOSTILE_VALUES.filter((v) => v.includes('__pwned')).join('<br>') });
  const title = '<img src=x onerror="window.__pwned=1">';
  await createTask(page.request, { bucket: 'Möte 2026-11-24', title, description: '<script>window.__pwned=1</script>' });
  const landed = await LandedPage.fromStartPage(page);
  const { channelName } = await demoTeam(page.request);

  const message = landed.message(channelName, 'Farligt innehåll');
  for (const text of ['Läs detta.', 'Före bilden', 'efter bilden.', 'Klicka här']) await expect(message).toContainText(text);
  await expect(landed.message(channelName, 'Allt på en gång')).toBeVisible();
  await expect(landed.task(title)).toContainText('<script>window.__pwned=1</script>');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  // Nothing from the body became a script, a frame or a handler in the page.
  expect(await page.locator('#view').locator('script, iframe, object, embed, form, [onerror], [onload], [href^="javascript" i]').count()).toBe(0);
});

test('the page has no WCAG A/AA violations, light or dark, wide or narrow', async ({ page }) => {
  await publish(page);
  await createTask(page.request, { bucket: 'Utan ansvarig', title: 'Boka lokal' });
  const landed = await LandedPage.fromStartPage(page);
  await landed.markButton(ACTION, 'completed').click();
  await expect(landed.task(ACTION)).toContainText('Klar av');
  expect(await violations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await violations(page)).toEqual([]);
  // Narrow, nothing scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
