// One agenda item's content: its notes (rich text), breakout groups (each with its own notes and
// scribe, "Antecknat av"), decisions ("Beslut") and actions ("Fram till kommande möte": what, who,
// by when). Every change is one edit from domain/minutesEdits; a conflict sits beside its field.

import { Button, Field, Input, makeStyles, Subtitle2, Text, Textarea, tokens } from '@fluentui/react-components';
import { Add20Regular, Delete20Regular, Warning16Regular } from '@fluentui/react-icons';
import { memo, useRef, useState } from 'react';
import type { Action, AgendaItem, Conflict, Decision, NoteBlock } from '../../../domain/minutes';
import {
  addAction,
  addDecision,
  addNoteBlock,
  fieldPath,
  isPastDue,
  keepVersion,
  keepVersionUnder,
  removeAction,
  removeDecision,
  removeNoteBlock,
  restoreAction,
  restoreDecision,
  restoreNoteBlock,
  setActionDue,
  setActionOwner,
  setActionWhat,
  setDecisionText,
  setNoteGroup,
  setNoteHtml,
  setNoteScribe,
} from '../../../domain/minutesEdits';
import { isolate, useI18n } from '../../i18n';
import { ItemBoundary } from '../Boundaries';
import { ConflictChoice } from './ConflictChoice';
import { conflictAt, conflictsUnder, type MinutesEditing } from './editing';
import { DateField } from './LocaleDateTime';
import { NotesEditor } from './NotesEditor';
import { PersonPicker } from './PersonPicker';
import { ReturnedComments } from '../signoff/ReturnedComments';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  textarea: { width: '100%' },
  removeRow: { display: 'flex', justifyContent: 'flex-end' },
  add: { alignSelf: 'flex-start' },
  heading: { margin: 0 },
  pastDue: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorPaletteDarkOrangeForeground1 },
  pastDueIcon: { flexShrink: 0 },
});

export interface AgendaItemEditorProps {
  item: AgendaItem;
  /** The item as labels name it ("§ 47 Ekonomisk uppföljning"): outside text, isolated by the caller. */
  name: string;
  /** The template's words for decisions and actions; undefined when it hides them. */
  decisionsLabel?: string;
  actionsLabel?: string;
  edit: MinutesEditing;
}

/** Two versions of a person (owner, scribe): the name (and e-mail, when that differs) on each side. */
function personVersions(conflicts: Conflict[], current: string): { ours: string; theirs: string } {
  const part = (side: 'ours' | 'theirs') => {
    const name = conflicts.find((c) => c.path.endsWith('/displayName'))?.[side] ?? current;
    const email = conflicts.find((c) => c.path.endsWith('/email'))?.[side];
    return email ? `${name} (${email})` : name;
  };
  return { ours: part('ours'), theirs: part('theirs') };
}

function NotesBlockEditor({ itemId, note, label, edit }: { itemId: string; note: NoteBlock; label: string; edit: MinutesEditing }) {
  const conflict = conflictAt(edit.conflicts, fieldPath(itemId, 'notes', note.id, 'html'));
  return (
    <>
      <NotesEditor html={note.html} label={label} onChange={(html, seen) => edit.update((m) => setNoteHtml(m, itemId, note.id, html, seen))} />
      {conflict && <ConflictChoice field={label} ours={conflict.ours} theirs={conflict.theirs} html onKeep={(side) => edit.update((m) => keepVersion(m, conflict.path, side))} />}
    </>
  );
}

function MainNotes({ item, name, edit }: { item: AgendaItem; name: string; edit: MinutesEditing }) {
  const { t } = useI18n();
  const main = item.notes.find((n) => n.group === undefined);
  // The item's own notes get a block the first time something is typed; its id is kept, so a second
  // change before the first has come back lands in the same block.
  const newId = useRef<string | undefined>(undefined);
  const label = t('minutes.notes.for', { name });
  if (main) return <NotesBlockEditor itemId={item.id} note={main} label={label} edit={edit} />;
  return (
    <NotesEditor
      html=""
      label={label}
      onChange={(html) => {
        const id = (newId.current ??= edit.newId());
        edit.update((m) => setNoteHtml(addNoteBlock(m, item.id, () => id), item.id, id, html));
      }}
    />
  );
}

function BreakoutGroup({ item, note, index, edit }: { item: AgendaItem; note: NoteBlock; index: number; edit: MinutesEditing }) {
  const styles = useStyles();
  const { t } = useI18n();
  const group = note.group?.trim() ? note.group : t('minutes.group.default', { n: index + 1 });
  const groupConflict = conflictAt(edit.conflicts, fieldPath(item.id, 'notes', note.id, 'group'));
  const scribeConflicts = conflictsUnder(edit.conflicts, fieldPath(item.id, 'notes', note.id, 'scribe'));
  const headingId = `group-${note.id}`;
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <Subtitle2 as="h5" className={styles.heading} id={headingId}>
        <bdi>{group}</bdi>
      </Subtitle2>
      <Field label={t('minutes.group.name')}>
        <Input value={note.group ?? ''} onChange={(_, d) => edit.update((m) => setNoteGroup(m, item.id, note.id, d.value))} />
      </Field>
      {groupConflict && (
        <ConflictChoice field={t('minutes.group.name')} ours={groupConflict.ours} theirs={groupConflict.theirs} onKeep={(side) => edit.update((m) => keepVersion(m, groupConflict.path, side))} />
      )}
      <PersonPicker
        label={t('minutes.group.scribe')}
        value={note.scribe}
        people={edit.people}
        searchPeople={edit.searchPeople}
        onChange={(p) => edit.update((m) => setNoteScribe(m, item.id, note.id, p))}
      />
      {scribeConflicts.length > 0 && (
        <ConflictChoice
          field={t('minutes.group.scribe')}
          {...personVersions(scribeConflicts, note.scribe?.displayName ?? '')}
          onKeep={(side) => edit.update((m) => keepVersionUnder(m, fieldPath(item.id, 'notes', note.id, 'scribe'), side))}
        />
      )}
      <NotesBlockEditor itemId={item.id} note={note} label={t('minutes.group.notes', { group: isolate(group) })} edit={edit} />
      <div className={styles.removeRow}>
        <Button
          size="small"
          icon={<Delete20Regular />}
          aria-label={t('minutes.group.removeNamed', { group: isolate(group) })}
          onClick={() => {
            const at = item.notes.findIndex((n) => n.id === note.id);
            edit.update((m) => removeNoteBlock(m, item.id, note.id));
            edit.offerUndo(t('minutes.group.removed', { group: isolate(group) }), (m) => restoreNoteBlock(m, item.id, note, at));
          }}
        >
          {t('minutes.group.remove')}
        </Button>
      </div>
    </section>
  );
}

function DecisionRow({ item, decision, n, name, edit, autoFocus, onRemoved }: { item: AgendaItem; decision: Decision; n: number; name: string; edit: MinutesEditing; autoFocus: boolean; onRemoved(): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const conflict = conflictAt(edit.conflicts, fieldPath(item.id, 'decisions', decision.id, 'text'));
  const label = t('minutes.decision.label', { n });
  return (
    <li className={styles.row}>
      <Field label={label}>
        <Textarea
          className={styles.textarea}
          resize="vertical"
          value={decision.text}
          autoFocus={autoFocus}
          onChange={(_, d) => edit.update((m) => setDecisionText(m, item.id, decision.id, d.value))}
        />
      </Field>
      {conflict && <ConflictChoice field={`${label}, ${name}`} ours={conflict.ours} theirs={conflict.theirs} onKeep={(side) => edit.update((m) => keepVersion(m, conflict.path, side))} />}
      <div className={styles.removeRow}>
        <Button
          size="small"
          icon={<Delete20Regular />}
          aria-label={t('minutes.decision.removeNamed', { n, name })}
          onClick={() => {
            const at = item.decisions.findIndex((d) => d.id === decision.id);
            edit.update((m) => removeDecision(m, item.id, decision.id));
            edit.offerUndo(t('minutes.decision.removed', { n, name }), (m) => restoreDecision(m, item.id, decision, at));
            onRemoved();
          }}
        >
          {t('minutes.remove')}
        </Button>
      </div>
    </li>
  );
}

function ActionRow({ item, action, n, name, edit, autoFocus, onRemoved }: { item: AgendaItem; action: Action; n: number; name: string; edit: MinutesEditing; autoFocus: boolean; onRemoved(): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const whatConflict = conflictAt(edit.conflicts, fieldPath(item.id, 'actions', action.id, 'what'));
  const dueConflict = conflictAt(edit.conflicts, fieldPath(item.id, 'actions', action.id, 'due'));
  const ownerPath = fieldPath(item.id, 'actions', action.id, 'owner');
  const ownerConflicts = conflictsUnder(edit.conflicts, ownerPath);
  const label = t('minutes.action.label', { n });
  const pastDue = isPastDue(action.due, edit.today);
  return (
    <li className={styles.card} role="group" aria-label={`${label}, ${name}`}>
      <Field label={t('minutes.action.what')}>
        <Textarea className={styles.textarea} resize="vertical" value={action.what} autoFocus={autoFocus} onChange={(_, d) => edit.update((m) => setActionWhat(m, item.id, action.id, d.value))} />
      </Field>
      {whatConflict && (
        <ConflictChoice field={t('minutes.action.what')} ours={whatConflict.ours} theirs={whatConflict.theirs} onKeep={(side) => edit.update((m) => keepVersion(m, whatConflict.path, side))} />
      )}
      <PersonPicker label={t('minutes.action.owner')} value={action.owner} people={edit.people} searchPeople={edit.searchPeople} onChange={(p) => edit.update((m) => setActionOwner(m, item.id, action.id, p))} />
      {ownerConflicts.length > 0 && (
        <ConflictChoice
          field={t('minutes.action.owner')}
          {...personVersions(ownerConflicts, action.owner?.displayName ?? '')}
          onKeep={(side) => edit.update((m) => keepVersionUnder(m, ownerPath, side))}
        />
      )}
      <DateField label={t('minutes.action.due')} value={action.due} onChange={(due) => edit.update((m) => setActionDue(m, item.id, action.id, due))} />
      {/* Beside the date control, not part of it: the row says the date has passed (and blocks nothing). */}
      {pastDue && (
        <Text className={styles.pastDue} size={200}>
          <Warning16Regular aria-hidden className={styles.pastDueIcon} />
          {t('minutes.action.pastDue')}
        </Text>
      )}
      {dueConflict && (
        <ConflictChoice field={t('minutes.action.due')} ours={dueConflict.ours} theirs={dueConflict.theirs} onKeep={(side) => edit.update((m) => keepVersion(m, dueConflict.path, side))} />
      )}
      <div className={styles.removeRow}>
        <Button
          size="small"
          icon={<Delete20Regular />}
          aria-label={t('minutes.action.removeNamed', { n, name })}
          onClick={() => {
            const at = item.actions.findIndex((a) => a.id === action.id);
            edit.update((m) => removeAction(m, item.id, action.id));
            edit.offerUndo(t('minutes.action.removed', { n, name }), (m) => restoreAction(m, item.id, action, at));
            onRemoved();
          }}
        >
          {t('minutes.remove')}
        </Button>
      </div>
    </li>
  );
}

export const AgendaItemEditor = memo(function AgendaItemEditor({ item, name, decisionsLabel, actionsLabel, edit }: AgendaItemEditorProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [justAdded, setJustAdded] = useState<string | undefined>();
  const addDecisionButton = useRef<HTMLButtonElement>(null);
  const addActionButton = useRef<HTMLButtonElement>(null);
  const groups = item.notes.filter((n) => n.group !== undefined);
  // A hidden part still shows when the item already has some: nothing written is out of sight.
  const showDecisions = decisionsLabel !== undefined || item.decisions.length > 0;
  const showActions = actionsLabel !== undefined || item.actions.length > 0;
  const ids = { notes: `notes-${item.id}`, groups: `groups-${item.id}`, decisions: `decisions-${item.id}`, actions: `actions-${item.id}` };

  return (
    <div className={styles.body}>
      <ReturnedComments comments={edit.returned?.get(item.id)} />
      <section className={styles.part} aria-labelledby={ids.notes}>
        <Subtitle2 as="h4" className={styles.heading} id={ids.notes}>
          {t('minutes.notes')}
        </Subtitle2>
        <MainNotes item={item} name={name} edit={edit} />
      </section>

      <section className={styles.part} aria-labelledby={groups.length ? ids.groups : undefined}>
        {groups.length > 0 && (
          <Subtitle2 as="h4" className={styles.heading} id={ids.groups}>
            {t('minutes.groups')}
          </Subtitle2>
        )}
        {groups.map((note, i) => (
          <BreakoutGroup key={note.id} item={item} note={note} index={i} edit={edit} />
        ))}
        <Button
          className={styles.add}
          size="small"
          icon={<Add20Regular />}
          aria-label={t('minutes.group.addTo', { name })}
          onClick={() => {
            const id = edit.newId();
            const group = t('minutes.group.default', { n: groups.length + 1 });
            edit.update((m) => addNoteBlock(m, item.id, () => id, { group }));
          }}
        >
          {t('minutes.group.add')}
        </Button>
      </section>

      {showDecisions && (
        <section className={styles.part} aria-labelledby={ids.decisions}>
          <Subtitle2 as="h4" className={styles.heading} id={ids.decisions}>
            {decisionsLabel ?? t('minutes.decisions')}
          </Subtitle2>
          {item.decisions.length > 0 && (
            <ul className={styles.list} aria-labelledby={ids.decisions}>
              {item.decisions.map((d, i) => (
                <ItemBoundary key={d.id}>
                  <DecisionRow item={item} decision={d} n={i + 1} name={name} edit={edit} autoFocus={d.id === justAdded} onRemoved={() => addDecisionButton.current?.focus()} />
                </ItemBoundary>
              ))}
            </ul>
          )}
          <Button
            ref={addDecisionButton}
            className={styles.add}
            size="small"
            icon={<Add20Regular />}
            aria-label={t('minutes.decision.addTo', { name })}
            onClick={() => {
              const id = edit.newId();
              edit.update((m) => addDecision(m, item.id, () => id));
              setJustAdded(id);
            }}
          >
            {t('minutes.decision.add')}
          </Button>
        </section>
      )}

      {showActions && (
        <section className={styles.part} aria-labelledby={ids.actions}>
          <Subtitle2 as="h4" className={styles.heading} id={ids.actions}>
            {actionsLabel ?? t('minutes.actions')}
          </Subtitle2>
          {item.actions.length > 0 && (
            <ul className={styles.list} aria-labelledby={ids.actions}>
              {item.actions.map((a, i) => (
                <ItemBoundary key={a.id}>
                  <ActionRow item={item} action={a} n={i + 1} name={name} edit={edit} autoFocus={a.id === justAdded} onRemoved={() => addActionButton.current?.focus()} />
                </ItemBoundary>
              ))}
            </ul>
          )}
          <Button
            ref={addActionButton}
            className={styles.add}
            size="small"
            icon={<Add20Regular />}
            aria-label={t('minutes.action.addTo', { name })}
            onClick={() => {
              const id = edit.newId();
              edit.update((m) => addAction(m, item.id, () => id));
              setJustAdded(id);
            }}
          >
            {t('minutes.action.add')}
          </Button>
        </section>
      )}
    </div>
  );
});
