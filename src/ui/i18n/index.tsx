// Translation: the host's locale picks Swedish or English (Swedish unless the host says English),
// and dates and times go through Intl in the meeting's own time zone.
//
// Text from outside (names, subjects, places, organisations) is data, not markup and not direction:
// `tx` puts each value into the sentence inside its own <bdi>, so a right-to-left override in a name
// cannot reverse our words around it; `isolate` does the same with Unicode isolates where only a
// string can go (an <option>, a title). Formatting never throws: a zone or date Intl rejects
// degrades that one value, never the page.

import { createContext, Fragment, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { en } from './en';
import { sv, type MessageKey, type Messages } from './sv';

export type Language = 'sv' | 'en';

export function languageFor(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'sv';
}

const catalogues = new Map<Language, Messages>([
  ['sv', sv],
  ['en', en],
]);

/** First strong isolate ... pop directional isolate: a value's direction stays inside it. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

type Params = Record<string, string | number>;
type RichParams = Record<string, ReactNode>;

const PLACEHOLDER = /\{(\w+)\}/g;

export interface Translator {
  language: Language;
  /** The host's locale ("en-US", "sv-SE"), for how dates are written and read in date fields. */
  locale: string;
  /** A plain string (for attributes such as aria-label): values are inserted as they are. */
  t(key: MessageKey, params?: Params): string;
  /** A sentence for the page: each value sits in its own <bdi>, isolated from our words. */
  tx(key: MessageKey, params: RichParams): ReactNode;
  /** "fredag 20 november 2026" */
  date(iso: string, timeZone: string): string;
  /** "08:00–09:00 CET" */
  timeRange(startIso: string, endIso: string, timeZone: string): string;
  /** "08:02" */
  time(iso: string, timeZone: string): string;
  /** "fre 20 nov", for lists. */
  day(iso: string, timeZone: string): string;
}

/**
 * Formats with Intl, and never throws: a zone Intl rejects falls back to UTC (the page notes an
 * unknown zone where it shows one), an unreadable date shows as "?".
 */
function safeFormat(locale: string, options: Intl.DateTimeFormatOptions, iso: string, format: (f: Intl.DateTimeFormat, d: Date) => string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '?';
  try {
    return format(new Intl.DateTimeFormat(locale, options), date);
  } catch {
    return format(new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }), date);
  }
}

/** The host's locale when Intl knows it and it is in the page's language; else the language's own. */
function hostLocale(language: Language, given: string | undefined): string {
  try {
    const [canonical] = given ? Intl.getCanonicalLocales(given) : [];
    if (canonical && languageFor(canonical) === language) return canonical;
  } catch {
    // Not a locale (RangeError): the language's own below.
  }
  return language === 'sv' ? 'sv-SE' : 'en-GB';
}

export function translator(language: Language, hostLocaleName?: string): Translator {
  const messages = catalogues.get(language) ?? sv;
  const locale = language === 'sv' ? 'sv-SE' : 'en-GB';
  const text = (key: MessageKey) => (Object.hasOwn(messages, key) ? messages[key] : key);
  return {
    language,
    locale: hostLocale(language, hostLocaleName),
    t(key, params) {
      const message = text(key);
      return params ? message.replace(PLACEHOLDER, (m, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : m)) : message;
    },
    tx(key, params) {
      const parts = text(key).split(PLACEHOLDER);
      // split() with a capture group alternates text and placeholder names.
      return parts.map((part, i) =>
        i % 2 === 0 ? part : Object.hasOwn(params, part) ? <bdi key={i}>{params[part]}</bdi> : <Fragment key={i}>{`{${part}}`}</Fragment>,
      );
    },
    date: (iso, timeZone) => safeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }, iso, (f, d) => f.format(d)),
    timeRange(startIso, endIso, timeZone) {
      const time = (iso: string) => safeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }, iso, (f, d) => f.format(d));
      const zone = safeFormat(locale, { timeZoneName: 'short', timeZone }, startIso, (f, d) => f.formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? '');
      return `${time(startIso)}–${time(endIso)}${zone && zone !== '?' ? ` ${zone}` : ''}`;
    },
    time: (iso, timeZone) => safeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }, iso, (f, d) => f.format(d)),
    day: (iso, timeZone) => safeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone }, iso, (f, d) => f.format(d)),
  };
}

const I18nContext = createContext<Translator>(translator('sv'));

export function I18nProvider({ language, locale, children }: { language: Language; locale?: string; children: ReactNode }) {
  const value = useMemo(() => translator(language, locale), [language, locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
