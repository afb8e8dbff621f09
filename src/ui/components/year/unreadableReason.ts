// Why a meeting's file could not be read, in words: the app says it as a code (groupYear.ts FileRead's
// `unreadable`: a Problem's code or kind, or the restore step's reason), the page as a sentence.

import type { MessageKey } from '../../i18n/sv';

const REASONS: Record<string, MessageKey> = {
  'minutes-not-json': 'year.unreadable.minutes-not-json',
  'record-not-json': 'year.unreadable.minutes-not-json',
  'minutes-newer-schema': 'year.unreadable.newer',
  'newer-version': 'year.unreadable.newer',
  'not-a-record': 'year.unreadable.not-a-record',
  'not-found': 'year.unreadable.not-found',
  forbidden: 'year.unreadable.forbidden',
  'signed-out': 'year.unreadable.forbidden',
};

/** The sentence for a reason; one not known here says the file could not be read, with the code for support. */
export function unreadableReason(t: (key: MessageKey, values?: Record<string, string | number>) => string, reason: string | undefined): string {
  const key = reason === undefined ? undefined : REASONS[reason];
  return key ? t(key) : t('year.unreadable.other', { code: reason ?? '' });
}
