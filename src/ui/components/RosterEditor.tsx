// The group's roster as a table a person edits in place: name, organisation, county, kind of
// organisation and role per member, a row removed with its own button, and people added through a
// search of the directory. Every control is named by its person ("Roll för Olof Bergström"), the
// table has real column and row headers, and what changed is announced in a status line.

import { Button, Caption1, Field, Input, makeStyles, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { Delete20Regular, PersonAdd20Regular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import { ORGANISATION_KINDS, ROSTER_ROLES, rosterEntryOf, type OrganisationKind, type RosterEntry, type RosterRole } from '../../domain/settings';
import { useI18n } from '../i18n';
import { OutsideText } from './OutsideText';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto', maxWidth: '100%' },
  table: { width: '100%', minWidth: '36rem', borderCollapse: 'collapse', tableLayout: 'fixed' },
  head: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, verticalAlign: 'middle', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  nameCell: { textAlign: 'start', fontWeight: tokens.fontWeightRegular, minWidth: 0 },
  colName: { width: '26%' },
  colOrganisation: { width: '22%' },
  colCounty: { width: '16%' },
  colKind: { width: '14%' },
  colRole: { width: '15%' },
  colRemove: { width: '2.75rem' },
  control: { width: '100%', minWidth: 0, maxWidth: '100%' },
  email: { display: 'block', color: tokens.colorNeutralForeground3 },
  add: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM, maxWidth: '28rem' },
  results: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  result: { justifyContent: 'flex-start', textAlign: 'start', maxWidth: '100%' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export interface RosterEditorProps {
  roster: readonly RosterEntry[];
  /** Changes one entry's organisation, county, kind or role. */
  onEntryChange(key: string, change: Partial<Omit<RosterEntry, 'person'>>): void;
  onRemove(key: string): void;
  onAdd(entry: RosterEntry): void;
  /** People in the directory by what someone typed. */
  findPeople(text: string): Promise<RosterEntry[]>;
  /** The id of the heading that names the table. */
  labelledBy: string;
}

function Row({ entry, onEntryChange, onRemove }: { entry: RosterEntry } & Pick<RosterEditorProps, 'onEntryChange' | 'onRemove'>) {
  const styles = useStyles();
  const { t } = useI18n();
  const name = entry.person.displayName;
  const key = entry.person.key;
  return (
    <tr>
      <th scope="row" className={`${styles.cell} ${styles.nameCell}`}>
        <OutsideText text={name} lines={2} />
        {entry.person.email && (
          <Caption1 className={styles.email}>
            <OutsideText text={entry.person.email} lines={1} />
          </Caption1>
        )}
      </th>
      <td className={styles.cell}>
        <Input
          size="small"
          className={styles.control}
          value={entry.organisation ?? ''}
          aria-label={t('settings.roster.organisationOf', { name })}
          onChange={(_, data) => onEntryChange(key, { organisation: data.value })}
        />
      </td>
      <td className={styles.cell}>
        <Input size="small" className={styles.control} value={entry.county ?? ''} aria-label={t('settings.roster.countyOf', { name })} onChange={(_, data) => onEntryChange(key, { county: data.value })} />
      </td>
      <td className={styles.cell}>
        <Select
          size="small"
          className={styles.control}
          value={entry.kind ?? ''}
          aria-label={t('settings.roster.kindOf', { name })}
          onChange={(_, data) => onEntryChange(key, { kind: (data.value || undefined) as OrganisationKind | undefined })}
        >
          <option value="">{t('settings.roster.kindNone')}</option>
          {ORGANISATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`settings.roster.kind.${k}`)}
            </option>
          ))}
        </Select>
      </td>
      <td className={styles.cell}>
        <Select size="small" className={styles.control} value={entry.role} aria-label={t('settings.roster.roleOf', { name })} onChange={(_, data) => onEntryChange(key, { role: data.value as RosterRole })}>
          {ROSTER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`settings.roster.role.${r}`)}
            </option>
          ))}
        </Select>
      </td>
      <td className={styles.cell}>
        <Button size="small" appearance="subtle" icon={<Delete20Regular />} aria-label={t('settings.roster.remove', { name })} title={t('settings.roster.remove', { name })} onClick={() => onRemove(key)} />
      </td>
    </tr>
  );
}

type Search = { phase: 'idle' } | { phase: 'searching' } | { phase: 'done'; results: RosterEntry[] } | { phase: 'failed' };

/** Debounced directory search, with "add" buttons for people not yet on the roster. */
function AddPerson({ roster, onAdd, findPeople, announce }: Pick<RosterEditorProps, 'roster' | 'onAdd' | 'findPeople'> & { announce(text: string): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [search, setSearch] = useState<Search>({ phase: 'idle' });
  const resultsId = useId();
  const latest = useRef(0);

  useEffect(() => {
    const query = text.trim();
    if (query.length < 2) {
      setSearch({ phase: 'idle' });
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      setSearch({ phase: 'searching' });
      findPeople(query).then(
        (results) => ticket === latest.current && setSearch({ phase: 'done', results }),
        () => ticket === latest.current && setSearch({ phase: 'failed' }),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [text, findPeople]);

  return (
    <div className={styles.add}>
      <Field label={t('settings.roster.add')} hint={t('settings.roster.addHint')}>
        <Input type="search" value={text} contentBefore={<PersonAdd20Regular />} onChange={(_, data) => setText(data.value)} aria-controls={resultsId} autoComplete="off" />
      </Field>
      <div role="status" aria-live="polite">
        {search.phase === 'searching' && <Spinner size="tiny" label={t('settings.roster.searching')} />}
        {search.phase === 'failed' && <Text>{t('settings.roster.searchFailed')}</Text>}
        {search.phase === 'done' && search.results.length === 0 && <Text>{t('settings.roster.noMatch')}</Text>}
      </div>
      <ul id={resultsId} className={styles.results} aria-label={t('settings.roster.results')}>
        {search.phase === 'done' &&
          search.results.map((entry) => {
            const name = entry.person.displayName;
            const already = rosterEntryOf(roster, entry.person) !== undefined;
            const label = [name, entry.organisation].filter(Boolean).join(', ');
            return (
              <li key={entry.person.key}>
                <Button
                  className={styles.result}
                  appearance="subtle"
                  icon={<PersonAdd20Regular />}
                  disabled={already}
                  aria-label={already ? t('settings.roster.alreadyIn', { name }) : t('settings.roster.addPerson', { name: label })}
                  onClick={() => {
                    onAdd(entry);
                    announce(t('settings.roster.added', { name }));
                    setText('');
                  }}
                >
                  <OutsideText text={label} lines={1} />
                </Button>
              </li>
            );
          })}
      </ul>
    </div>
  );
}

export function RosterEditor({ roster, onEntryChange, onRemove, onAdd, findPeople, labelledBy }: RosterEditorProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  return (
    <>
      {roster.length === 0 ? (
        <Text block>{t('settings.roster.empty')}</Text>
      ) : (
        <div className={styles.scroller}>
          <table className={styles.table} aria-labelledby={labelledBy}>
            <colgroup>
              <col className={styles.colName} />
              <col className={styles.colOrganisation} />
              <col className={styles.colCounty} />
              <col className={styles.colKind} />
              <col className={styles.colRole} />
              <col className={styles.colRemove} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col" className={styles.head}>
                  {t('settings.roster.name')}
                </th>
                <th scope="col" className={styles.head}>
                  {t('settings.roster.organisation')}
                </th>
                <th scope="col" className={styles.head}>
                  {t('settings.roster.county')}
                </th>
                <th scope="col" className={styles.head}>
                  {t('settings.roster.kind')}
                </th>
                <th scope="col" className={styles.head}>
                  {t('settings.roster.role')}
                </th>
                <th scope="col" className={styles.head}>
                  <span className={styles.hidden}>{t('settings.roster.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {roster.map((entry) => (
                <Row
                  key={entry.person.key}
                  entry={entry}
                  onEntryChange={onEntryChange}
                  onRemove={(key) => {
                    onRemove(key);
                    setAnnouncement(t('settings.roster.removed', { name: entry.person.displayName }));
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div role="status" aria-live="polite" className={styles.hidden}>
        {announcement}
      </div>
      <AddPerson roster={roster} onAdd={onAdd} findPeople={findPeople} announce={setAnnouncement} />
    </>
  );
}
