// The simulated Teams web chrome around the tab frame: personal and channel tab headers, the
// meeting details tab, the meeting side panel (320 px, beside the meeting) and stage, and the
// configuration dialog. Its words follow the locale; the simulator's own toolbar is English.

import { h, initials } from './dom';
import type { SimParams } from './params';
import type { SimMeeting, SimScenario } from './scenario';

interface Words {
  myMeetings: string;
  about: string;
  posts: string;
  files: string;
  chat: string;
  details: string;
  configure: string;
  save: string;
  cancel: string;
  saveNote: string;
  noMeeting: string;
}

function chromeText(locale: string): Words {
  const sv = locale.toLowerCase().startsWith('sv');
  return sv
    ? {
        myMeetings: 'Mina möten',
        about: 'Om',
        posts: 'Inlägg',
        files: 'Filer',
        chat: 'Chatt',
        details: 'Information',
        configure: 'Lägg till en flik: Justera',
        save: 'Spara',
        cancel: 'Avbryt',
        saveNote: 'Spara blir aktivt när fliken säger att inställningarna är giltiga.',
        noMeeting: 'Inget möte i scenariot',
      }
    : {
        myMeetings: 'My meetings',
        about: 'About',
        posts: 'Posts',
        files: 'Files',
        chat: 'Chat',
        details: 'Details',
        configure: 'Add a tab: Justera',
        save: 'Save',
        cancel: 'Cancel',
        saveNote: 'Save becomes available when the tab says its settings are valid.',
        noMeeting: 'No meeting in the scenario',
      };
}

export function formatTime(meeting: SimMeeting, locale: string, timeZone: string | undefined): string {
  if (!meeting.start) return '';
  try {
    const start = new Date(meeting.start);
    const end = new Date(meeting.end);
    // The scenario's zone, so the demo reads the same on any machine.
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(start);
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
    return `${date} ${time.format(start)}–${time.format(end)}`;
  } catch {
    return `${meeting.start} – ${meeting.end}`;
  }
}

export function newIframe(title: string): HTMLIFrameElement {
  return h('iframe', {
    class: 'tab-frame',
    title,
    // What Teams web gives a tab frame (minus what a local demo cannot use).
    sandbox:
      'allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-pointer-lock allow-scripts allow-same-origin allow-downloads allow-top-navigation-by-user-activation',
    allow: 'clipboard-read; clipboard-write; fullscreen',
  });
}

function tabs(names: string[], current: string): HTMLUListElement {
  return h('ul', { class: 'teams-tabs', 'aria-label': 'Tabs' }, ...names.map((n) => h('li', { 'aria-current': n === current ? 'page' : undefined }, n)));
}

function meetingHeader(meeting: SimMeeting | undefined, words: Words, locale: string, timeZone: string | undefined): HTMLElement {
  return h(
    'div',
    { class: 'meeting-bar' },
    h('span', { class: 'title' }, meeting?.title ?? words.noMeeting),
    meeting ? h('span', { class: 'time' }, formatTime(meeting, locale, timeZone)) : null,
  );
}

function participantTiles(s: SimScenario): HTMLElement {
  const people = [s.personas.chair, s.personas.secretary, s.personas.member, ...s.users]
    .filter((u, i, all): u is NonNullable<typeof u> => !!u && all.findIndex((x) => x?.id === u.id) === i)
    .slice(0, 6);
  return h(
    'div',
    { class: 'tiles', 'aria-hidden': 'true' },
    ...people.map((u) => h('div', { class: 'tile' }, h('span', { class: 'avatar' }, initials(u.displayName)), u.displayName)),
  );
}

export interface StageInput {
  params: SimParams;
  scenario: SimScenario;
  meeting: SimMeeting | undefined;
  /** settings frame: Save pressed; resolves with the saved content URL. */
  onSave(): Promise<string>;
  onCancel(): void;
}

/** Put `frame` (the tab) into `stage`, inside chrome like Teams web shows around that kind of tab. */
export function renderStage(stage: HTMLElement, frame: HTMLIFrameElement, input: StageInput): void {
  const { params: p, scenario: s, meeting } = input;
  const words = chromeText(p.locale);
  const tz = s.timeZone;
  let content: Node;
  if (p.frame === 'settings') {
    const saveButton = h('button', { type: 'button', id: 'sim-save', class: 'sim-button primary', disabled: true }, words.save);
    const cancel = h('button', { type: 'button', class: 'sim-button' }, words.cancel);
    const note = h('span', { class: 'note', role: 'status' }, words.saveNote);
    saveButton.addEventListener('click', () => {
      note.textContent = '…';
      input.onSave().then(
        (url) => {
          note.textContent = `Saved: ${url}`;
        },
        (err: unknown) => {
          note.textContent = err instanceof Error ? err.message : String(err);
        },
      );
    });
    cancel.addEventListener('click', () => input.onCancel());
    content = h(
      'div',
      { class: 'dialog-backdrop' },
      h(
        'div',
        { class: 'dialog', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'sim-dialog-title' },
        h('h2', { id: 'sim-dialog-title' }, words.configure),
        frame,
        h('footer', {}, note, cancel, saveButton),
      ),
    );
  } else if (p.frame === 'sidePanel') {
    content = h(
      'div',
      { class: 'meeting' },
      h('div', { class: 'meeting-main' }, meetingHeader(meeting, words, p.locale, tz), participantTiles(s)),
      h('aside', { class: 'side-panel', 'aria-label': 'Side panel' }, h('header', {}, 'Justera', h('span', { 'aria-hidden': 'true' }, '✕')), frame),
    );
  } else if (p.frame === 'meetingStage') {
    content = h('div', { class: 'meeting stage-only' }, meetingHeader(meeting, words, p.locale, tz), frame);
  } else if (p.tab === 'meeting') {
    content = h(
      'div',
      { style: 'display:contents' },
      h(
        'div',
        { class: 'teams-header' },
        h('span', { class: 'title' }, meeting?.title ?? words.noMeeting),
        meeting ? h('span', { class: 'subtitle' }, formatTime(meeting, p.locale, tz)) : null,
        tabs([words.chat, words.details, 'Justera'], 'Justera'),
      ),
      frame,
    );
  } else if (p.tab === 'channel') {
    content = h(
      'div',
      { style: 'display:contents' },
      h(
        'div',
        { class: 'teams-header' },
        h('span', { class: 'title' }, s.channel?.displayName ?? 'Channel'),
        h('span', { class: 'subtitle' }, s.team?.displayName ?? ''),
        tabs([words.posts, words.files, 'Justera'], 'Justera'),
      ),
      frame,
    );
  } else {
    content = h(
      'div',
      { style: 'display:contents' },
      h('div', { class: 'teams-header' }, h('span', { class: 'title' }, 'Justera'), tabs([words.myMeetings, words.about], words.myMeetings)),
      frame,
    );
  }
  stage.replaceChildren(content);
}

