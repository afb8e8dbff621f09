// The words of the year's exports (the appendix .docx, the registers .xlsx, the charts' text
// alternatives), from the same catalogues as the page but without React: the exports are loaded
// lazily, outside the component tree, in the language the caller names.

import type { FollowUpStatus } from '../../../../domain/followUpStatus';
import type { ActionRow, MeetingState, PeriodMeeting, YearRole } from '../../../../domain/year';
import { en } from '../../../i18n/en';
import { sv, type MessageKey } from '../../../i18n/sv';
import { exportEn, exportSv, type ExportMessageKey } from './exportMessages';

export type ExportLanguage = 'sv' | 'en';

type ExportKey = MessageKey | ExportMessageKey;
const catalogues: Record<ExportLanguage, Record<ExportKey, string>> = { sv: { ...sv, ...exportSv }, en: { ...en, ...exportEn } };

const PLACEHOLDER = /\{(\w+)\}/g;

export interface ExportWords {
  language: ExportLanguage;
  /** The document's language tag: "sv-SE" or "en-GB". */
  locale: 'sv-SE' | 'en-GB';
  t(key: ExportKey, params?: Record<string, string | number>): string;
  /** A calendar date (YYYY-MM-DD) as the minutes print it: "2026-03-06", "6 March 2026"; "" for none. */
  date(day: string | undefined): string;
  role(role: YearRole): string;
  meetingState(state: MeetingState | PeriodMeeting['state']): string;
  /** The action's status in words (Planner's, or how a later meeting followed it up). */
  actionStatus(row: Pick<ActionRow, 'status' | 'followedUp'>): string;
  /** On time, late, or "" when not completed (or without a due date). */
  completed(row: Pick<ActionRow, 'completed'>): string;
}

/** A calendar date as a Date at UTC midnight (what a spreadsheet's date cell holds); undefined if not a date. */
export function calendarDay(day: string | undefined): Date | undefined {
  const m = day === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function exportWords(language: ExportLanguage): ExportWords {
  const messages = catalogues[language] ?? sv;
  const locale = language === 'en' ? 'en-GB' : 'sv-SE';
  const t = (key: ExportKey, params?: Record<string, string | number>) => {
    const message = Object.hasOwn(messages, key) ? messages[key] : key;
    return params ? message.replace(PLACEHOLDER, (m, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : m)) : message;
  };
  const dateFormat = new Intl.DateTimeFormat(locale, language === 'sv' ? { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' } : { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const plannerStates: Record<FollowUpStatus['state'], ExportKey> = {
    'not-started': 'yearExport.status.not-started',
    'in-progress': 'yearExport.status.in-progress',
    done: 'yearExport.status.done',
    deleted: 'yearExport.status.deleted',
    unknown: 'yearExport.status.unknown',
  };
  return {
    language,
    locale,
    t,
    date(day) {
      if (!day) return '';
      const date = calendarDay(day);
      return date ? dateFormat.format(date) : day;
    },
    role: (role) => t(`yearExport.role.${role}`),
    meetingState: (state) => t(`yearExport.state.${state}`),
    actionStatus(row) {
      if (row.status !== 'never-published') return t(plannerStates[row.status]);
      return t(`yearExport.status.unpublished.${row.followedUp ?? 'open'}`);
    },
    completed: (row) => (row.completed ? t(`yearExport.completed.${row.completed}`) : ''),
  };
}
