// Translation: the host's locale picks Swedish or English (Swedish unless the host says English),
// and dates and times go through Intl in the meeting's own time zone.

import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { en } from './en';
import { sv, type MessageKey, type Messages } from './sv';

export type Language = 'sv' | 'en';

export function languageFor(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'sv';
}

const catalogues: Record<Language, Messages> = { sv, en };

export interface Translator {
  language: Language;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** "fredag 20 november 2026" */
  date(iso: string, timeZone: string): string;
  /** "08:00–09:00 CET" */
  timeRange(startIso: string, endIso: string, timeZone: string): string;
  /** "08:02" */
  time(iso: string, timeZone: string): string;
  /** "fre 20 nov", for lists. */
  day(iso: string, timeZone: string): string;
}

export function translator(language: Language): Translator {
  const messages = catalogues[language];
  const locale = language === 'sv' ? 'sv-SE' : 'en-GB';
  return {
    language,
    t(key, params) {
      const text = messages[key];
      return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
    },
    date: (iso, timeZone) =>
      new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(new Date(iso)),
    timeRange(startIso, endIso, timeZone) {
      const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
      const zone = new Intl.DateTimeFormat(locale, { timeZoneName: 'short', timeZone }).formatToParts(new Date(startIso)).find((p) => p.type === 'timeZoneName')?.value;
      return `${time.format(new Date(startIso))}–${time.format(new Date(endIso))}${zone ? ` ${zone}` : ''}`;
    },
    time: (iso, timeZone) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso)),
    day: (iso, timeZone) => new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(new Date(iso)),
  };
}

const I18nContext = createContext<Translator>(translator('sv'));

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => translator(language), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
