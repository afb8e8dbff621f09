// Picks a person (an action's owner, a breakout group's scribe) from the meeting's attendees and the
// group's roster, and from the directory when what is typed matches no one there. The person named
// now stays shown even when they are in neither list, and is marked when the directory no longer
// has them (someone who has left the organisation: directoryStatus.ts), until another is picked.
// Names are outside text: isolated in the options, wrapped in the list.

import { Caption1, Combobox, Field, makeStyles, Option } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PersonRef } from '../../../domain/minutes';
import { normaliseName } from '../../../domain/people';
import { isolate, useI18n } from '../../i18n';
import { OutsideText } from '../OutsideText';
import { useGoneFromDirectory } from './directoryStatus';

/** Directory search starts after this many characters and this pause in the typing. */
const SEARCH_FROM = 2;
const SEARCH_PAUSE_MS = 300;
const MAX_OPTIONS = 50;

const useStyles = makeStyles({
  field: { minWidth: 0 },
  combobox: { width: '100%', minWidth: 0 },
  option: { display: 'flex', flexDirection: 'column', minWidth: 0 },
});

export interface PersonPickerProps {
  label: string;
  value?: PersonRef;
  people: readonly PersonRef[];
  searchPeople?: (text: string) => Promise<PersonRef[]>;
  onChange(person: PersonRef | undefined): void;
}

function matches(p: PersonRef, query: string): boolean {
  const q = normaliseName(query);
  if (!q) return true;
  return (normaliseName(p.displayName) ?? '').includes(q) || (p.email ?? '').toLowerCase().includes(q) || (normaliseName(p.organisation) ?? '').includes(q);
}

export function PersonPicker({ label, value, people, searchPeople, onChange }: PersonPickerProps) {
  const styles = useStyles();
  const { t, tx } = useI18n();
  const gone = useGoneFromDirectory(value?.key);
  // What is typed, while typing; undefined shows the chosen person's name.
  const [query, setQuery] = useState<string | undefined>();
  const [found, setFound] = useState<PersonRef[]>([]);
  const [search, setSearch] = useState<'idle' | 'searching' | 'failed' | 'none'>('idle');
  const latest = useRef(0);

  useEffect(() => {
    const text = query?.trim() ?? '';
    if (!searchPeople || text.length < SEARCH_FROM) {
      setFound([]);
      setSearch('idle');
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      setSearch('searching');
      searchPeople(text).then(
        (result) => {
          if (ticket !== latest.current) return;
          setFound(result);
          setSearch(result.length ? 'idle' : 'none');
        },
        (e: unknown) => {
          if (ticket !== latest.current) return;
          console.warn('Justera: directory search failed', e);
          setFound([]);
          setSearch('failed');
        },
      );
    }, SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, searchPeople]);

  const options = useMemo(() => {
    const seen = new Set<string>();
    const all: PersonRef[] = [];
    for (const p of [...(value ? [value] : []), ...people.filter((p) => query === undefined || matches(p, query)), ...found]) {
      if (seen.has(p.key)) continue;
      seen.add(p.key);
      all.push(p);
    }
    return all.slice(0, MAX_OPTIONS);
  }, [people, found, query, value]);

  const hint =
    search === 'searching' ? t('minutes.person.searching') : search === 'failed' ? t('minutes.person.searchFailed') : search === 'none' ? t('minutes.person.noMatch') : undefined;

  return (
    <Field
      className={styles.field}
      label={label}
      hint={hint ? { children: hint, 'aria-live': 'polite' } : undefined}
      validationState={gone ? 'warning' : 'none'}
      validationMessage={gone && value ? { children: tx('minutes.person.gone', { name: value.displayName }) } : undefined}
    >
      <Combobox
        className={styles.combobox}
        placeholder={t('minutes.person.placeholder')}
        value={query ?? value?.displayName ?? ''}
        selectedOptions={value ? [value.key] : []}
        clearable
        onChange={(e) => setQuery(e.target.value)}
        onOptionSelect={(e, data) => {
          if (data.optionValue === undefined) {
            // Typing over the name clears Fluent's selection; only the clear button unassigns.
            if (e.type === 'change' || e.type === 'input') return;
            setQuery(undefined);
            onChange(undefined);
          } else {
            setQuery(undefined);
            const person = options.find((p) => p.key === data.optionValue);
            if (person) onChange(person);
          }
        }}
        onOpenChange={(_, data) => {
          if (!data.open) setQuery(undefined);
        }}
      >
        {options.map((p) => (
          <Option key={p.key} value={p.key} text={isolate(p.displayName)}>
            <span className={styles.option}>
              <OutsideText text={p.displayName} lines={2} />
              {(p.organisation || p.email) && (
                <Caption1>
                  <OutsideText text={p.organisation ?? p.email ?? ''} lines={1} />
                </Caption1>
              )}
            </span>
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
