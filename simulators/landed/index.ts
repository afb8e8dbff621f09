// The demo's "Kanalen och Planner" page (landed.html on the host simulator's server): what the demo
// team's channels and plan hold in the Graph emulator, read through GET /_emulator/landed, with one
// way to change anything: a task's buttons, which act as a member would in Planner through
// POST /_emulator/planner/tasks/{id}/progress. Learns the emulator's URL from /sim-config.json.

import type { Landed, LandedPerson, LandedTask } from '../../emulator/src/landed';
import { loadScenario } from '../teams-host/scenario';
import { STRINGS, PERCENT, type Lang, type Status } from './strings';
import { counts, landedView, taskHeadingId } from './view';

const lang: Lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'sv';
const s = STRINGS[lang];

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const view = byId<HTMLDivElement>('view');
const status = byId<HTMLParagraphElement>('status');
const problem = byId<HTMLDivElement>('problem');
const refresh = byId<HTMLButtonElement>('refresh');

let emulatorUrl = '';
let teamId = '';
let timeZone = 'Europe/Stockholm';

function showProblem(lead: string, err: unknown): void {
  problem.replaceChildren(document.createTextNode(`${lead} ${err instanceof Error ? err.message : String(err)}`));
  problem.hidden = false;
}

async function errorText(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    return body.error?.message ?? `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
}

/** Reads the view again and shows it; announces `announce` (or the counts) in the live region. */
async function load(announce?: string): Promise<boolean> {
  view.setAttribute('aria-busy', 'true');
  refresh.disabled = true;
  try {
    const res = await fetch(new URL(`/_emulator/landed?team=${encodeURIComponent(teamId)}`, emulatorUrl), { cache: 'no-store' });
    if (!res.ok) throw new Error(await errorText(res));
    const landed = (await res.json()) as Landed;
    view.replaceChildren(landedView(landed, { strings: s, timeZone, onMark: mark }));
    problem.hidden = true;
    const n = counts(landed);
    status.textContent = announce ?? s.updated(n.posts, n.tasks);
    return true;
  } catch (err) {
    showProblem(s.readFailed, err);
    return false;
  } finally {
    view.removeAttribute('aria-busy');
    refresh.disabled = false;
  }
}

async function mark(task: LandedTask, to: Status, as: LandedPerson): Promise<void> {
  for (const b of view.querySelectorAll('button')) b.disabled = true;
  try {
    const res = await fetch(new URL(`/_emulator/planner/tasks/${encodeURIComponent(task.id)}/progress`, emulatorUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: as.id, percentComplete: PERCENT[to] }),
    });
    if (!res.ok) throw new Error(await errorText(res));
  } catch (err) {
    showProblem(s.changeFailed, err);
    for (const b of view.querySelectorAll('button')) b.disabled = false;
    return;
  }
  // The buttons pressed are gone with the old view: focus goes to the task's heading.
  if (await load(s.changed(task.title, s.status[to]))) document.getElementById(taskHeadingId(task.id))?.focus();
}

async function start(): Promise<void> {
  document.documentElement.lang = lang;
  document.title = s.pageTitle;
  byId('title').textContent = s.title;
  byId('lead').textContent = s.lead;
  byId<HTMLAnchorElement>('back').textContent = s.back;
  const other = byId<HTMLAnchorElement>('other-language');
  other.textContent = s.otherLanguage.label;
  other.lang = s.otherLanguage.lang;
  other.href = s.otherLanguage.lang === 'en' ? '?lang=en' : location.pathname;
  refresh.textContent = s.refresh;
  refresh.addEventListener('click', () => void load());
  status.textContent = s.loading;
  try {
    const res = await fetch('/sim-config.json', { cache: 'no-store' });
    if (!res.ok) throw new Error(`GET /sim-config.json: HTTP ${res.status}`);
    emulatorUrl = ((await res.json()) as { emulatorUrl?: string }).emulatorUrl ?? '';
    const scenario = await loadScenario(emulatorUrl);
    if (!scenario.team) throw new Error(s.noTeam);
    teamId = scenario.team.groupId;
    timeZone = scenario.timeZone ?? timeZone;
  } catch (err) {
    showProblem(s.readFailed, err);
    status.textContent = '';
    return;
  }
  await load();
}

void start();
