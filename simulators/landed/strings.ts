// The words of the demo's "Kanalen och Planner" page, Swedish first; `?lang=en` picks English.
// Text from the tenant (names, titles) is passed in and never part of these strings; where it must
// sit inside an attribute, isolate() keeps its direction from running into ours.

export type Lang = 'sv' | 'en';
export type Status = 'notStarted' | 'inProgress' | 'completed';

export interface Strings {
  locale: string;
  pageTitle: string;
  title: string;
  lead: string;
  back: string;
  otherLanguage: { label: string; lang: Lang };
  refresh: string;
  loading: string;
  channels: (team: string) => string;
  noMessages: string;
  post: string;
  attachedFiles: string;
  mentioned: string;
  planner: string;
  noPlan: string;
  noTasks: string;
  unbucketed: string;
  assignedTo: string;
  unassigned: string;
  due: string;
  createdBy: string;
  links: string;
  status: Record<Status, string>;
  /** "Klar av" before the name; the time follows. */
  completedBy: string;
  mark: Record<Status, string>;
  /** Around the name of the person the buttons act as. */
  actingAs: [before: string, after: string];
  updated: (posts: number, tasks: number) => string;
  changed: (title: string, status: string) => string;
  readFailed: string;
  changeFailed: string;
  noTeam: string;
}

export const STRINGS: Record<Lang, Strings> = {
  sv: {
    locale: 'sv-SE',
    pageTitle: 'Kanalen och Planner – Justera-demo',
    title: 'Kanalen och Planner',
    lead:
      'Det som finns i gruppens kanaler och plan just nu, så som den låtsade Microsoft 365-organisationen har det: ' +
      'inlägget och uppgifterna som publiceringen skapade, och allt annat som lagts dit. Sidan ändrar ingenting, utom ' +
      'när du markerar en uppgift som en medlem skulle göra i Planner.',
    back: 'Till startsidan',
    otherLanguage: { label: 'In English', lang: 'en' },
    refresh: 'Uppdatera',
    loading: 'Läser från Graph-emulatorn…',
    channels: (team) => `Kanalerna i ${team}`,
    noMessages: 'Inget har publicerats i kanalen ännu.',
    post: 'Inlägg',
    attachedFiles: 'Bifogade filer',
    mentioned: 'Nämnda',
    planner: 'Planner',
    noPlan: 'Gruppen har ingen plan.',
    noTasks: 'Inga uppgifter.',
    unbucketed: 'Utan bucket',
    assignedTo: 'Tilldelad',
    unassigned: 'Ingen tilldelad',
    due: 'Förfaller',
    createdBy: 'Skapad av',
    links: 'Länkar',
    status: { notStarted: 'Ej påbörjad', inProgress: 'Pågår', completed: 'Klar' },
    completedBy: 'Klar av',
    mark: { notStarted: 'Markera som ej påbörjad', inProgress: 'Markera som pågående', completed: 'Markera som klar' },
    actingAs: ['Knapparna ändrar uppgiften så som ', ' skulle göra i Planner.'],
    updated: (posts, tasks) => `Vyn är uppdaterad: ${posts} inlägg och ${tasks} ${tasks === 1 ? 'uppgift' : 'uppgifter'}.`,
    changed: (title, status) => `${title}: ${status}.`,
    readFailed: 'Kunde inte läsa från Graph-emulatorn:',
    changeFailed: 'Uppgiften kunde inte ändras:',
    noTeam: 'Scenariot har inget team att visa.',
  },
  en: {
    locale: 'en-GB',
    pageTitle: 'The channel and Planner – Justera demo',
    title: 'The channel and Planner',
    lead:
      "What the group's channels and plan hold right now, as the pretend Microsoft 365 organisation has them: the post " +
      'and the tasks publishing created, and anything else put there. The page changes nothing, except when you mark a ' +
      'task as a member would in Planner.',
    back: 'Back to the start page',
    otherLanguage: { label: 'På svenska', lang: 'sv' },
    refresh: 'Refresh',
    loading: 'Reading from the Graph emulator…',
    channels: (team) => `The channels of ${team}`,
    noMessages: 'Nothing has been posted in the channel yet.',
    post: 'Post',
    attachedFiles: 'Attached files',
    mentioned: 'Mentioned',
    planner: 'Planner',
    noPlan: 'The group has no plan.',
    noTasks: 'No tasks.',
    unbucketed: 'In no bucket',
    assignedTo: 'Assigned to',
    unassigned: 'Not assigned',
    due: 'Due',
    createdBy: 'Created by',
    links: 'Links',
    status: { notStarted: 'Not started', inProgress: 'In progress', completed: 'Completed' },
    completedBy: 'Completed by',
    mark: { notStarted: 'Mark as not started', inProgress: 'Mark as in progress', completed: 'Mark as completed' },
    actingAs: ['The buttons change the task as ', ' would in Planner.'],
    updated: (posts, tasks) => `Updated: ${posts} ${posts === 1 ? 'post' : 'posts'} and ${tasks} ${tasks === 1 ? 'task' : 'tasks'}.`,
    changed: (title, status) => `${title}: ${status}.`,
    readFailed: 'Could not read from the Graph emulator:',
    changeFailed: 'The task could not be changed:',
    noTeam: 'The scenario has no team to show.',
  },
};

/** First strong isolate … pop directional isolate: outside text inside our own sentence, where only a string fits. */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

export function statusOf(percentComplete: number): Status {
  return percentComplete >= 100 ? 'completed' : percentComplete > 0 ? 'inProgress' : 'notStarted';
}

/** What the emulator's progress endpoint takes for each status (0, 50, 100). */
export const PERCENT: Record<Status, number> = { notStarted: 0, inProgress: 50, completed: 100 };
