// The agenda as a list the secretary can change during the meeting: add an item, remove one (with
// "Ångra"), move one up or down (buttons named for the item, or Alt+Arrow keys, with the focus kept
// and the new place announced), and change its time, title, presenter and sub-points. Each item's
// content is AgendaItemEditor; one item that cannot be shown costs that item only (ItemBoundary).

import { Button, Caption1, Field, Input, makeStyles, Subtitle1, Textarea, tokens } from '@fluentui/react-components';
import { Add20Regular, ArrowDown20Regular, ArrowUp20Regular, Delete20Regular, Edit20Regular } from '@fluentui/react-icons';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { AgendaItem } from '../../../domain/minutes';
import {
  addAgendaItem,
  fieldPath,
  keepVersion,
  moveAgendaItemDown,
  moveAgendaItemUp,
  removeAgendaItem,
  restoreAgendaItem,
  setAgendaItemEndTime,
  setAgendaItemPresenter,
  setAgendaItemSubPoints,
  setAgendaItemTime,
  setAgendaItemTitle,
} from '../../../domain/minutesEdits';
import { isolate, useI18n } from '../../i18n';
import { ItemBoundary } from '../Boundaries';
import { Clamped, OutsideText } from '../OutsideText';
import { AgendaItemEditor } from './AgendaItemEditor';
import { ConflictChoice } from './ConflictChoice';
import { conflictAt, type MinutesEditing } from './editing';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0, overflowWrap: 'anywhere', ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  subPoints: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, overflowWrap: 'anywhere' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  times: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  time: { flexBasis: '7rem', flexGrow: 1, minWidth: 0 },
  wide: { width: '100%' },
  add: { alignSelf: 'flex-start' },
  empty: { margin: 0 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export interface AgendaEditorProps {
  agenda: readonly AgendaItem[];
  /** The section heading's id: the list is named by it. */
  headingId: string;
  /** "§ 47" per item, when the template numbers paragraphs. */
  paragraphs?: ReadonlyMap<string, number>;
  /** The template's words for decisions and actions; undefined when it hides them. */
  decisionsLabel?: string;
  actionsLabel?: string;
  edit: MinutesEditing;
}

/** Sub-points one per line: the box keeps what is typed (a new empty line too); the minutes keep the lines. */
function SubPointsField({ item, edit }: { item: AgendaItem; edit: MinutesEditing }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [text, setText] = useState(() => item.subPoints.join('\n'));
  const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
  useEffect(() => {
    setText((current) => (lines(current).join('\n') === item.subPoints.join('\n') ? current : item.subPoints.join('\n')));
  }, [item.subPoints]);
  return (
    <Field label={t('minutes.agenda.subPoints')} hint={t('minutes.agenda.subPointsHint')}>
      <Textarea
        className={styles.wide}
        resize="vertical"
        value={text}
        onChange={(_, d) => {
          setText(d.value);
          edit.update((m) => setAgendaItemSubPoints(m, item.id, lines(d.value)));
        }}
      />
    </Field>
  );
}

interface RowProps {
  item: AgendaItem;
  index: number;
  count: number;
  paragraph?: number;
  decisionsLabel?: string;
  actionsLabel?: string;
  edit: MinutesEditing;
  isNew: boolean;
  onMove(itemId: string, by: -1 | 1): void;
  onRemove(itemId: string): void;
}

const AgendaItemRow = memo(function AgendaItemRow({ item, index, count, paragraph, decisionsLabel, actionsLabel, edit, isNew, onMove, onRemove }: RowProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [open, setOpen] = useState(isNew);
  const title = item.title.trim() ? item.title : t('minutes.agenda.untitled');
  const number = paragraph !== undefined ? t('minutes.agenda.paragraph', { n: paragraph }) : undefined;
  // The item as labels name it; its title is outside text, isolated inside our words.
  const name = number ? `${number} ${isolate(title)}` : isolate(title);
  const headingId = `item-${item.id}`;
  const times = item.time ? (item.endTime ? `${item.time}–${item.endTime}` : item.time) : undefined;
  const fieldConflicts = (['title', 'time', 'endTime', 'presenter', 'subPoints'] as const).flatMap((field) => {
    const c = conflictAt(edit.conflicts, fieldPath(item.id, field));
    return c ? [{ field, c }] : [];
  });
  const fieldName = { title: t('minutes.agenda.title'), time: t('minutes.agenda.time'), endTime: t('minutes.agenda.endTime'), presenter: t('minutes.agenda.presenter'), subPoints: t('minutes.agenda.subPoints') };
  const subPointsText = (json: string) => {
    try {
      const v: unknown = JSON.parse(json);
      return Array.isArray(v) ? v.map(String).join('\n') : json;
    } catch {
      return json;
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    onMove(item.id, e.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <li className={styles.item} data-item-id={item.id}>
      <div className={styles.header} onKeyDown={onKeyDown}>
        <Subtitle1 as="h3" id={headingId} className={styles.heading} tabIndex={-1}>
          <Clamped lines={3} title={title}>
            {number && <>{number} </>}
            <OutsideText text={title} />
          </Clamped>
        </Subtitle1>
        {(times || item.presenter) && (
          <Caption1>
            {times}
            {times && item.presenter && ' · '}
            {item.presenter && (
              <>
                {t('minutes.agenda.presenter')}: <OutsideText text={item.presenter} lines={1} />
              </>
            )}
          </Caption1>
        )}
        {item.subPoints.length > 0 && !open && (
          <ul className={styles.subPoints} aria-label={t('minutes.agenda.subPointsOf', { name })}>
            {item.subPoints.map((s, i) => (
              <li key={i}>
                <OutsideText text={s} lines={2} />
              </li>
            ))}
          </ul>
        )}
        <div className={styles.buttons}>
          <Button size="small" icon={<Edit20Regular />} aria-expanded={open} aria-label={t('minutes.agenda.editNamed', { name })} onClick={() => setOpen((v) => !v)}>
            {t('minutes.agenda.edit')}
          </Button>
          <Button
            size="small"
            icon={<ArrowUp20Regular />}
            data-move="up"
            aria-label={t('minutes.agenda.moveUpNamed', { name })}
            title={t('minutes.agenda.moveUpHint')}
            disabledFocusable={index === 0}
            onClick={() => onMove(item.id, -1)}
          />
          <Button
            size="small"
            icon={<ArrowDown20Regular />}
            data-move="down"
            aria-label={t('minutes.agenda.moveDownNamed', { name })}
            title={t('minutes.agenda.moveDownHint')}
            disabledFocusable={index === count - 1}
            onClick={() => onMove(item.id, 1)}
          />
          <Button size="small" icon={<Delete20Regular />} aria-label={t('minutes.agenda.removeNamed', { name })} onClick={() => onRemove(item.id)}>
            {t('minutes.remove')}
          </Button>
        </div>
        {open && (
          <div className={styles.fields} role="group" aria-label={t('minutes.agenda.editNamed', { name })}>
            <div className={styles.times}>
              <Field className={styles.time} label={t('minutes.agenda.time')}>
                <Input type="time" value={item.time ?? ''} onChange={(_, d) => edit.update((m) => setAgendaItemTime(m, item.id, d.value))} />
              </Field>
              <Field className={styles.time} label={t('minutes.agenda.endTime')}>
                <Input type="time" value={item.endTime ?? ''} onChange={(_, d) => edit.update((m) => setAgendaItemEndTime(m, item.id, d.value))} />
              </Field>
            </div>
            <Field label={t('minutes.agenda.title')}>
              <Input className={styles.wide} value={item.title} autoFocus={isNew} onChange={(_, d) => edit.update((m) => setAgendaItemTitle(m, item.id, d.value))} />
            </Field>
            <Field label={t('minutes.agenda.presenter')}>
              <Input className={styles.wide} value={item.presenter ?? ''} onChange={(_, d) => edit.update((m) => setAgendaItemPresenter(m, item.id, d.value))} />
            </Field>
            <SubPointsField item={item} edit={edit} />
            <Button className={styles.add} size="small" appearance="primary" onClick={() => setOpen(false)}>
              {t('minutes.agenda.editDone')}
            </Button>
          </div>
        )}
        {fieldConflicts.map(({ field, c }) => (
          <ConflictChoice
            key={field}
            field={fieldName[field]}
            ours={field === 'subPoints' ? subPointsText(c.ours) : c.ours}
            theirs={field === 'subPoints' ? subPointsText(c.theirs) : c.theirs}
            onKeep={(side) => edit.update((m) => keepVersion(m, c.path, side))}
          />
        ))}
      </div>
      <AgendaItemEditor item={item} name={name} decisionsLabel={decisionsLabel} actionsLabel={actionsLabel} edit={edit} />
    </li>
  );
});

export function AgendaEditor({ agenda, headingId, paragraphs, decisionsLabel, actionsLabel, edit }: AgendaEditorProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  const [newItem, setNewItem] = useState<string | undefined>();
  const list = useRef<HTMLOListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  // After a move the element that had the focus gets it back (moving a node in the DOM drops it);
  // after a removal the focus goes to the item now in its place.
  const refocus = useRef<HTMLElement | null>(null);
  const focusIndex = useRef<number | undefined>(undefined);
  const latest = useRef({ agenda, edit, t });
  latest.current = { agenda, edit, t };

  useLayoutEffect(() => {
    const el = refocus.current;
    refocus.current = null;
    if (el && el.isConnected && document.activeElement !== el) el.focus();
    const at = focusIndex.current;
    focusIndex.current = undefined;
    if (at !== undefined) {
      const items = list.current?.querySelectorAll<HTMLElement>(':scope > li h3');
      const target = items?.[Math.min(at, items.length - 1)];
      (target ?? addButton.current)?.focus();
    }
  });

  const onMove = useCallback((itemId: string, by: -1 | 1) => {
    const { agenda: items, edit: e, t: tr } = latest.current;
    const from = items.findIndex((i) => i.id === itemId);
    const to = from + by;
    if (from < 0 || to < 0 || to >= items.length) return;
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    refocus.current = active;
    // A caret left in a notes editor would pull the focus there when the items' DOM moves (the
    // editor restores its selection): the focus stays on what the person was using.
    if (!active?.isContentEditable) window.getSelection()?.removeAllRanges();
    e.update((m) => (by < 0 ? moveAgendaItemUp(m, itemId) : moveAgendaItemDown(m, itemId)));
    const item = items[from]!;
    const title = item.title.trim() ? item.title : tr('minutes.agenda.untitled');
    setAnnouncement(tr('minutes.agenda.moved', { title: isolate(title), position: to + 1, count: items.length }));
  }, []);

  const onRemove = useCallback((itemId: string) => {
    const { agenda: items, edit: e, t: tr } = latest.current;
    const index = items.findIndex((i) => i.id === itemId);
    const item = items[index];
    if (!item) return;
    const title = item.title.trim() ? item.title : tr('minutes.agenda.untitled');
    e.update((m) => removeAgendaItem(m, itemId));
    e.offerUndo(tr('minutes.agenda.removed', { title: isolate(title) }), (m) => restoreAgendaItem(m, item, index));
    focusIndex.current = index;
  }, []);

  return (
    <>
      <Caption1 block>{t('minutes.agenda.keyboardHint')}</Caption1>
      {agenda.length === 0 ? (
        <p className={styles.empty}>{t('minutes.agenda.empty')}</p>
      ) : (
        <ol className={styles.list} aria-labelledby={headingId} ref={list}>
          {agenda.map((item, index) => (
            <ItemBoundary key={item.id}>
              <AgendaItemRow
                item={item}
                index={index}
                count={agenda.length}
                paragraph={paragraphs?.get(item.id)}
                decisionsLabel={decisionsLabel}
                actionsLabel={actionsLabel}
                edit={edit}
                isNew={item.id === newItem}
                onMove={onMove}
                onRemove={onRemove}
              />
            </ItemBoundary>
          ))}
        </ol>
      )}
      <Button
        ref={addButton}
        className={styles.add}
        icon={<Add20Regular />}
        onClick={() => {
          const id = edit.newId();
          edit.update((m) => addAgendaItem(m, () => id));
          setNewItem(id);
        }}
      >
        {t('minutes.agenda.add')}
      </Button>
      <div className={styles.hidden} role="status" aria-live="polite">
        {announcement}
      </div>
    </>
  );
}
