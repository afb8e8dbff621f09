// The page's content built from GET /_emulator/landed: each channel with its messages, and each plan
// as a board with a column per bucket and a card per task. Text from the tenant is set as text (h()
// never parses HTML); message bodies go through messageBody(). The only action is a task's buttons.

import type { Landed, LandedBucket, LandedChannel, LandedMessage, LandedPerson, LandedPlan, LandedTask } from '../../emulator/src/landed';
import { h } from '../teams-host/dom';
import { messageBody } from './messageBody';
import { isolate, statusOf, type Status, type Strings } from './strings';

export interface ViewOptions {
  strings: Strings;
  /** IANA zone the scenario's people live in: times are shown in it. */
  timeZone: string;
  /** A member changes a task's status as in Planner. */
  onMark(task: LandedTask, status: Status, as: LandedPerson): void;
}

const STATUSES: Status[] = ['completed', 'inProgress', 'notStarted'];

/** An element id made of an id from outside (channel ids hold ':' and '@'). */
const domId = (prefix: string, raw: string): string => `${prefix}-${raw.replace(/[^\w-]/g, '_')}`;

/** The element id of a task's card heading, where focus returns after its status changed. */
export const taskHeadingId = (taskId: string): string => domId('task', taskId);

function nameOf(p: LandedPerson): string {
  return p.displayName ?? p.id;
}

function when(iso: string, o: ViewOptions, withTime = true): HTMLTimeElement {
  const format = new Intl.DateTimeFormat(o.strings.locale, { dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: o.timeZone });
  return h('time', { datetime: iso }, format.format(new Date(iso)));
}

function message(m: LandedMessage, o: ViewOptions): HTMLElement {
  const s = o.strings;
  const files = m.attachments.filter((a) => a.contentUrl);
  return h(
    'li',
    {},
    h(
      'article',
      { class: 'message' },
      h('h4', {}, m.subject ?? s.post),
      h('p', { class: 'meta' }, h('bdi', { class: 'who' }, nameOf(m.from)), ' · ', when(m.createdDateTime, o)),
      h('div', { class: 'body' }, messageBody(m.body)),
      m.mentions.length > 0 &&
        h('p', { class: 'meta' }, `${s.mentioned}: `, ...m.mentions.flatMap((x, i) => [i > 0 ? ', ' : '', h('bdi', {}, x.user.displayName ?? x.mentionText)])),
      files.length > 0 &&
        h(
          'div',
          { class: 'files' },
          h('p', { class: 'label' }, s.attachedFiles),
          h('ul', {}, ...files.map((a) => h('li', {}, h('a', { href: a.contentUrl ?? '', rel: 'noopener noreferrer' }, a.name ?? a.contentUrl ?? '')))),
        ),
    ),
  );
}

function channel(c: LandedChannel, o: ViewOptions): HTMLElement {
  return h(
    'section',
    { class: 'channel', 'aria-labelledby': domId('channel', c.id) },
    h('h3', { id: domId('channel', c.id) }, c.displayName),
    c.messages.length === 0 ? h('p', { class: 'empty' }, o.strings.noMessages) : h('ol', { class: 'messages' }, ...c.messages.map((m) => message(m, o))),
  );
}

function field(label: string, ...value: (Node | string)[]): HTMLElement[] {
  return [h('dt', {}, label), h('dd', {}, ...value)];
}

function names(people: LandedPerson[]): (Node | string)[] {
  return people.flatMap((p, i) => [i > 0 ? ', ' : '', h('bdi', {}, nameOf(p))]);
}

function task(t: LandedTask, members: LandedPerson[], o: ViewOptions): HTMLElement {
  const s = o.strings;
  const status = statusOf(t.percentComplete);
  // As Planner would for the first assignee; an unassigned task, for the group's first member.
  const actor = t.assignees[0] ?? members[0];
  const refs = t.details.references;
  return h(
    'li',
    {},
    h(
      'article',
      { class: `task ${status}` },
      h('h5', { id: taskHeadingId(t.id), tabindex: '-1' }, t.title),
      h('p', { class: `status ${status}` }, s.status[status]),
      t.completedBy && t.completedDateTime && h('p', { class: 'completed-by' }, `${s.completedBy} `, h('bdi', {}, nameOf(t.completedBy)), ' ', when(t.completedDateTime, o)),
      h(
        'dl',
        {},
        ...field(s.assignedTo, ...(t.assignees.length > 0 ? names(t.assignees) : [s.unassigned])),
        ...(t.dueDateTime ? field(s.due, when(t.dueDateTime, o, false)) : []),
        ...field(s.createdBy, h('bdi', {}, nameOf(t.createdBy))),
      ),
      t.details.description !== '' && h('p', { class: 'description' }, t.details.description),
      refs.length > 0 &&
        h(
          'div',
          { class: 'links' },
          h('p', { class: 'label' }, s.links),
          h('ul', {}, ...refs.map((r) => h('li', {}, h('a', { href: /^https?:/i.test(r.url) ? r.url : '#', rel: 'noopener noreferrer' }, r.alias || r.url)))),
        ),
      actor &&
        h(
          'div',
          { class: 'actions' },
          ...STATUSES.filter((x) => x !== status).map((x) => {
            const button = h('button', { type: 'button', 'aria-label': `${s.mark[x]}: ${isolate(t.title)}` }, s.mark[x]);
            button.addEventListener('click', () => o.onMark(t, x, actor));
            return button;
          }),
          h('p', { class: 'acting' }, s.actingAs[0], h('bdi', {}, nameOf(actor)), s.actingAs[1]),
        ),
    ),
  );
}

function bucket(name: string, tasks: LandedTask[], members: LandedPerson[], o: ViewOptions, key: string): HTMLElement {
  const id = domId('bucket', key);
  return h(
    'section',
    { class: 'bucket', 'aria-labelledby': id },
    h('h4', { id }, name),
    tasks.length === 0 ? h('p', { class: 'empty' }, o.strings.noTasks) : h('ul', { class: 'tasks' }, ...tasks.map((t) => task(t, members, o))),
  );
}

function plan(p: LandedPlan, members: LandedPerson[], o: ViewOptions): HTMLElement {
  const columns = p.buckets.map((b: LandedBucket) => bucket(b.name, b.tasks, members, o, b.id));
  if (p.unbucketed.length > 0) columns.push(bucket(o.strings.unbucketed, p.unbucketed, members, o, `${p.id}-none`));
  const id = domId('plan', p.id);
  return h('section', { class: 'plan', 'aria-labelledby': id }, h('h3', { id }, p.title), h('div', { class: 'board' }, ...columns));
}

export function landedView(l: Landed, o: ViewOptions): DocumentFragment {
  const s = o.strings;
  const fragment = document.createDocumentFragment();
  fragment.append(
    h('section', { 'aria-labelledby': 'channels-title' }, h('h2', { id: 'channels-title' }, s.channels(isolate(l.team.displayName))), ...l.channels.map((c) => channel(c, o))),
    h(
      'section',
      { 'aria-labelledby': 'planner-title' },
      h('h2', { id: 'planner-title' }, s.planner),
      ...(l.plans.length === 0 ? [h('p', { class: 'empty' }, s.noPlan)] : l.plans.map((p) => plan(p, l.members, o))),
    ),
  );
  return fragment;
}

/** How many posts and tasks the view shows, for the live region. */
export function counts(l: Landed): { posts: number; tasks: number } {
  return {
    posts: l.channels.reduce((n, c) => n + c.messages.length, 0),
    tasks: l.plans.reduce((n, p) => n + p.unbucketed.length + p.buckets.reduce((m, b) => m + b.tasks.length, 0), 0),
  };
}
