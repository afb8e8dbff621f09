// Date and time fields that follow Teams' locale, not the browser's: a native <input type=date>
// writes and reads dates the way the browser is set up, so a Swedish secretary in an English
// Windows got "12/11/2026". Fluent's DatePicker and TimePicker (the v9 compat packages) take the
// locale's month and day names, first day of the week, and a way to write and read text, all
// built here with Intl. Loaded only with the minutes editor (its lazy chunk).
//
// Values are what the minutes keep: a calendar date "YYYY-MM-DD" and a time of day "HH:MM", never
// a Date in the device's zone.

import { DatePicker, type CalendarStrings } from '@fluentui/react-datepicker-compat';
import { Field, type FieldProps } from '@fluentui/react-components';
import { TimePicker } from '@fluentui/react-timepicker-compat';
import { isValidElement, useId, useMemo, useState } from 'react';
import { useI18n, type Translator } from '../../i18n';
import { localDate } from './editing';

const DAY_OF_WEEK = { sunday: 0, monday: 1 } as const;

/** The locale's first day of the week: Intl's weekInfo where the browser has it, else Monday except in the US-style locales. */
function firstDayOfWeek(locale: string): 0 | 1 {
  try {
    const info = (new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } });
    const first = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    if (first !== undefined) return first === 7 ? DAY_OF_WEEK.sunday : DAY_OF_WEEK.monday;
  } catch {
    // An old browser: the rule of thumb below.
  }
  return /^en-(US|CA)$|^(ja|ko|zh|he|pt-BR)/.test(locale) ? DAY_OF_WEEK.sunday : DAY_OF_WEEK.monday;
}

/** The order of year, month and day in the locale's numeric dates ("2026-12-11", "12/11/2026", "11/12/2026"). */
function dateOrder(locale: string): ('year' | 'month' | 'day')[] {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' })
    .formatToParts(Date.UTC(2026, 11, 11))
    .flatMap((p) => (p.type === 'year' || p.type === 'month' || p.type === 'day' ? [p.type] : []));
}

export interface LocaleDates {
  strings: CalendarStrings;
  firstDayOfWeek: 0 | 1;
  formatDate(date?: Date): string;
  parseDate(text: string): Date | null;
  formatTime(date: Date): string;
  parseTime(text: string | undefined): Date | null;
  hourCycle: 'h12' | 'h23';
}

const ANCHOR = new Date(2000, 0, 1);

/** Everything the pickers need for one locale, from Intl and the page's translations. */
export function localeDates(locale: string, t: Translator['t']): LocaleDates {
  const names = (options: Intl.DateTimeFormatOptions, dates: number[]) => dates.map((d) => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(d));
  const months = Array.from({ length: 12 }, (_, i) => Date.UTC(2026, i, 1));
  // 4 January 2026 is a Sunday: the pickers count from Sunday.
  const days = Array.from({ length: 7 }, (_, i) => Date.UTC(2026, 0, 4 + i));
  const numeric = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric' });
  const order = dateOrder(locale);
  const hourCycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle === 'h12' ? 'h12' : 'h23';
  const clock = new Intl.DateTimeFormat(locale, { hour: hourCycle === 'h12' ? 'numeric' : '2-digit', minute: '2-digit', hourCycle });
  return {
    strings: {
      months: names({ month: 'long' }, months),
      shortMonths: names({ month: 'short' }, months),
      days: names({ weekday: 'long' }, days),
      shortDays: names({ weekday: 'narrow' }, days),
      goToToday: t('dates.goToToday'),
      prevMonthAriaLabel: t('dates.prevMonth'),
      nextMonthAriaLabel: t('dates.nextMonth'),
      prevYearAriaLabel: t('dates.prevYear'),
      nextYearAriaLabel: t('dates.nextYear'),
      prevYearRangeAriaLabel: t('dates.prevYears'),
      nextYearRangeAriaLabel: t('dates.nextYears'),
      closeButtonAriaLabel: t('dates.close'),
      selectedDateFormatString: t('dates.selected', { date: '{0}' }),
      todayDateFormatString: t('dates.today', { date: '{0}' }),
      monthPickerHeaderAriaLabel: t('dates.changeYear', { year: '{0}' }),
      yearPickerHeaderAriaLabel: t('dates.changeMonth', { year: '{0}' }),
      weekNumberFormatString: t('dates.week', { week: '{0}' }),
    },
    firstDayOfWeek: firstDayOfWeek(locale),
    formatDate: (date) => (date ? numeric.format(date) : ''),
    parseDate(text) {
      const parts = text.trim().split(/\D+/).filter(Boolean).map(Number);
      if (parts.length !== 3) return null;
      // A four-digit first part is ISO ("2026-12-11") in any locale; else the locale's order.
      const by = /^\s*\d{4}\D/.test(text) ? { year: parts[0]!, month: parts[1]!, day: parts[2]! } : Object.fromEntries(order.map((k, i) => [k, parts[i]!]));
      const { year, month, day } = by as { year: number; month: number; day: number };
      const date = new Date(year, month - 1, day);
      return year > 999 && date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null;
    },
    formatTime: (date) => clock.format(date),
    parseTime(text) {
      const match = /^\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|fm|em|f\.m\.|e\.m\.)?\s*$/i.exec(text ?? '');
      if (!match) return null;
      let hour = Number(match[1]);
      const minute = Number(match[2] ?? '0');
      const half = match[3]?.toLowerCase().replace(/\./g, '');
      if (half) {
        if (hour < 1 || hour > 12) return null;
        hour = (hour % 12) + (half === 'pm' || half === 'em' ? 12 : 0);
      }
      if (hour > 23 || minute > 59) return null;
      return new Date(ANCHOR.getFullYear(), ANCHOR.getMonth(), ANCHOR.getDate(), hour, minute);
    },
    hourCycle,
  };
}

function useLocaleDates(): LocaleDates {
  const { locale, t } = useI18n();
  return useMemo(() => localeDates(locale, t), [locale, t]);
}

type FieldLook = Pick<FieldProps, 'label' | 'hint' | 'validationState' | 'validationMessage' | 'className'>;

/** YYYY-MM-DD as a local Date (a calendar day, no zone), or null. */
function dateOf(value: string | undefined): Date | null {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

export interface DateFieldProps extends FieldLook {
  /** YYYY-MM-DD, or undefined. */
  value: string | undefined;
  onChange(value: string | undefined): void;
}

/** A calendar date in the host's locale: typed ("11/12/2026", "2026-12-11") or picked; a text it cannot read says so. */
export function DateField({ value, onChange, validationState, validationMessage, label, ...field }: DateFieldProps) {
  const { t } = useI18n();
  const dates = useLocaleDates();
  const [invalid, setInvalid] = useState(false);
  const example = dates.formatDate(new Date(2026, 11, 11));
  // The picker gives its input an id of its own, which Field's label would not point at: one id for both,
  // so that the label is the input's and a click on it goes to the field.
  const inputId = useId();
  const labelled = typeof label === 'string' || isValidElement(label) ? { children: label, htmlFor: inputId } : label;
  return (
    <Field {...field} label={labelled} validationState={invalid ? 'error' : validationState} validationMessage={invalid ? t('dates.invalidDate', { example }) : validationMessage}>
      <DatePicker
        id={inputId}
        allowTextInput
        value={dateOf(value)}
        formatDate={dates.formatDate}
        parseDateFromString={dates.parseDate}
        strings={dates.strings}
        firstDayOfWeek={dates.firstDayOfWeek}
        placeholder={example}
        onValidationResult={(r) => setInvalid(r.error === 'invalid-input')}
        onSelectDate={(d) => {
          const next = d ? localDate(d) : undefined;
          if (next !== value) onChange(next);
        }}
      />
    </Field>
  );
}

export interface TimeFieldProps extends FieldLook {
  /** HH:MM, or '' */
  value: string;
  onChange(value: string): void;
}

/** A time of day in the host's locale (24-hour in Swedish, "9:30 AM" in American English), typed or picked. */
export function TimeField({ value, onChange, validationState, validationMessage, ...field }: TimeFieldProps) {
  const { t } = useI18n();
  const dates = useLocaleDates();
  const [invalid, setInvalid] = useState(false);
  const selected = value ? dates.parseTime(value) : null;
  const example = dates.formatTime(new Date(2000, 0, 1, 9, 30));
  // The text in the box: what is typed, and the saved time in the locale's form when it changes.
  const [text, setText] = useState(() => (selected ? dates.formatTime(selected) : ''));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(selected ? dates.formatTime(selected) : '');
  }
  return (
    <Field {...field} validationState={invalid ? 'error' : validationState} validationMessage={invalid ? t('dates.invalidTime', { example }) : validationMessage}>
      <TimePicker
        freeform
        clearable
        increment={15}
        hourCycle={dates.hourCycle}
        dateAnchor={ANCHOR}
        selectedTime={selected}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={example}
        formatDateToTimeString={dates.formatTime}
        parseTimeStringToDate={(text) => {
          if (!text?.trim()) return { date: null };
          const date = dates.parseTime(text);
          return date ? { date } : { date: null, errorType: 'invalid-input' };
        }}
        onTimeChange={(_, data) => {
          setInvalid(data.errorType === 'invalid-input');
          if (data.errorType) return;
          const d = data.selectedTime;
          setText(d ? dates.formatTime(d) : '');
          const next = d ? `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}` : '';
          if (next !== value) onChange(next);
        }}
      />
    </Field>
  );
}
