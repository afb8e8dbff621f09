// URL parameters of the Outlook host simulator page (outlook.html). Every parameter is optional; a
// bad value falls back to the default and is reported as a warning (as in the Teams simulator).

import { PERSONAS, type Persona } from '../teams-host/params';

export { PERSONAS, type Persona };

export const LOCALES = ['sv-SE', 'en-US'] as const;

/** The mailbox item the pane is opened on: a message in read mode, or an event as an appointment in read mode. */
export interface ItemRef {
  kind: 'message' | 'event';
  /** The Graph id in the persona's mailbox. */
  id: string;
}

export interface OutlookSimParams {
  persona: Persona;
  /** Undefined: the persona's newest message, else their next (or last) event. */
  item: ItemRef | undefined;
  /** Outlook's UI locale (office.js displayLanguage). */
  locale: string;
  /** Pane URL override (else sim-config.json paneUrl). */
  app: string | undefined;
}

export const DEFAULT_PARAMS: OutlookSimParams = { persona: 'chair', item: undefined, locale: 'sv-SE', app: undefined };

const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;

/** `message:<id>` or `event:<id>`; the id is kept as it is (Graph ids hold `=`, `-`, `_`). */
export function parseItem(raw: string, warnings: string[]): ItemRef | undefined {
  const m = /^(message|event):(.+)$/.exec(raw);
  if (!m) {
    warnings.push(`Ignoring item=${raw}: expected message:<id> or event:<id>.`);
    return undefined;
  }
  return { kind: m[1] as ItemRef['kind'], id: m[2]! };
}

export function itemParam(item: ItemRef): string {
  return `${item.kind}:${item.id}`;
}

export function parseParams(search: string): { params: OutlookSimParams; warnings: string[] } {
  const q = new URLSearchParams(search);
  const warnings: string[] = [];
  const personaRaw = q.get('persona');
  const persona = PERSONAS.find((p) => p === personaRaw);
  if (personaRaw && !persona) warnings.push(`Unknown persona=${personaRaw}; expected one of ${PERSONAS.join(', ')}.`);
  let locale = q.get('locale') ?? '';
  if (locale !== '' && !LOCALE_PATTERN.test(locale)) {
    warnings.push(`Ignoring locale=${locale}.`);
    locale = '';
  }
  const itemRaw = q.get('item');
  let app: string | undefined;
  const appRaw = q.get('app');
  if (appRaw) {
    try {
      const url = new URL(appRaw);
      if (url.protocol === 'https:') app = url.href;
      else warnings.push(`Ignoring app=${appRaw}: office.js accepts a host only over https.`);
    } catch {
      warnings.push(`Ignoring app=${appRaw}: not a URL.`);
    }
  }
  return {
    params: {
      persona: persona ?? DEFAULT_PARAMS.persona,
      item: itemRaw ? parseItem(itemRaw, warnings) : undefined,
      locale: locale || DEFAULT_PARAMS.locale,
      app,
    },
    warnings,
  };
}

/** The query string for `p`, leaving out defaults. */
export function toSearch(p: OutlookSimParams): string {
  const q = new URLSearchParams();
  if (p.persona !== DEFAULT_PARAMS.persona) q.set('persona', p.persona);
  if (p.item) q.set('item', itemParam(p.item));
  if (p.locale !== DEFAULT_PARAMS.locale) q.set('locale', p.locale);
  if (p.app !== undefined) q.set('app', p.app);
  const s = q.toString();
  return s ? `?${s}` : '';
}
