// The minutes being written: the save status always in sight, the template and language (switched
// in place, TemplateSwitch), then the template's sections in its order and with its words (a
// section the template hides is not shown): the agenda with notes, decisions and actions per item,
// the follow-up of earlier actions, the next meeting. Where two
// people changed the same text, both versions show beside the field until one is kept; a conflict
// about something no field here shows is listed at the top, so none is ever out of sight.
//
// It takes data and callbacks only: `update` applies a pure edit (domain/minutesEdits) to the
// minutes and should re-render synchronously (MinutesSync.update does, through its subscribe), so
// typed text stays where the cursor is. The notes editor loads lazily in its own chunk.

import { Button, makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SaveStatus } from '../../../app/minutesSync';
import { paragraphNumbers, type Minutes, type PersonRef } from '../../../domain/minutes';
import { keepVersion } from '../../../domain/minutesEdits';
import { minutesAttendance, renderMinutes, type PrefilledAttendance } from '../../../domain/render';
import { labelOf, type Template } from '../../../domain/templates';
import { useI18n } from '../../i18n';
import { SectionBoundary } from '../Boundaries';
import { AgendaEditor } from './AgendaEditor';
import { ConflictChoice } from './ConflictChoice';
import { isPlacedConflict, localDate, type MinutesEditing } from './editing';
import { FollowUpList } from './FollowUpList';
import { useFollowUpStatus } from './useFollowUpStatus';
import type { FollowUpStatusService } from '../../../app/services';
import { MinutesDocumentBar, MinutesPreview } from './MinutesPreview';
import { NextMeetingField } from './NextMeetingField';
import { SaveStatusBar } from './SaveStatusBar';
import { TemplateSwitch } from './TemplateSwitch';
import { ReturnedComments } from '../signoff/ReturnedComments';
import { PublishPanel } from '../signoff/PublishPanel';
import { moment, SignOffPanel } from '../signoff/SignOffPanel';
import { useSignOff, type SignOffContext } from '../signoff/useSignOff';

const useStyles = makeStyles({
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL, minWidth: 0, maxWidth: '100%', overflowWrap: 'anywhere' },
  top: { position: 'sticky', top: 0, zIndex: 2, display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground1 },
  undo: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    minWidth: 0,
  },
  undoText: { flexGrow: 1, flexBasis: '10rem', minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  conflicts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  // The editing parts, disabled together while the approved version is locked.
  fields: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
});

export interface MinutesEditorProps {
  minutes: Minutes;
  template: Template;
  /** The group's own templates (its settings), to switch among with the built-in ones. */
  groupTemplates?: readonly Template[];
  status: SaveStatus;
  /** This device could not keep a copy (MinutesSync.notKeptOnDevice). */
  notKeptOnDevice?: boolean;
  /** Attendees and roster, for the owner and scribe pickers. */
  people: PersonRef[];
  /** Directory search, for a person in neither list. */
  searchPeople?: (text: string) => Promise<PersonRef[]>;
  update: (change: (m: Minutes) => Minutes) => void;
  newId: () => string;
  /** "Spara nu": MinutesSync.flush. */
  onSaveNow?: () => void;
  /** Who was there as the prefill knows it, for the preview and the Word file (the minutes' marks win). */
  attendance?: PrefilledAttendance;
  /** Sign-off (send for approval, the answers, the lock), where the minutes live in a group's channel. */
  signOff?: SignOffContext;
  /** Told when the approved minutes lock and unlock: the page locks what it shows of them too (attendance, chair). */
  onLockChange?: (locked: boolean) => void;
  /** The follow-up's status from Planner, where the earlier minutes were published. */
  followUpStatus?: FollowUpStatusService;
}

const NO_TEMPLATES: readonly Template[] = [];
const NO_ATTENDANCE: PrefilledAttendance = { attendance: { source: { kind: 'rsvp', reason: 'no-online-meeting' }, entries: [], notices: [] } };

interface Undo {
  message: string;
  restore?: (m: Minutes) => Minutes;
}

/** Where an unplaced conflict is: the agenda item's title when there is one, else the field's path. */
function describe(path: string, minutes: Minutes): string {
  const seg = path.split('/').filter(Boolean);
  const item = seg[0] === 'agenda' ? minutes.agenda.find((i) => i.id === seg[1]) : undefined;
  return item ? `${item.title || seg[1]} / ${seg.slice(2).join('/')}` : seg.join('/');
}

const noChange = () => undefined;

export function MinutesEditor({ minutes, template, groupTemplates = NO_TEMPLATES, status, notKeptOnDevice, people, searchPeople, update: edited, newId, onSaveNow, attendance = NO_ATTENDANCE, signOff: signOffContext, onLockChange, followUpStatus }: MinutesEditorProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const ids = useId();
  const [undo, setUndo] = useState<Undo | undefined>();
  const [previewing, setPreviewing] = useState(false);
  // The document as sent for approval: its hash is the version, so it never carries the approval itself.
  const sentDocument = useMemo(() => renderMinutes(minutes, template, minutesAttendance(attendance, minutes), { language: minutes.language }), [minutes, template, attendance]);
  const signOff = useSignOff(signOffContext, minutes, sentDocument, people);
  const planner = useFollowUpStatus(followUpStatus, minutes.followUp);
  /** The approved version the secretary chose to change ("Ändra protokollet"). */
  const [unlocked, setUnlocked] = useState<string | undefined>();
  const locked = signOff.status?.state === 'approved' && unlocked !== signOff.round?.version;
  const update = locked ? noChange : edited;
  useEffect(() => onLockChange?.(locked), [onLockChange, locked]);
  const renderDocument = () =>
    signOff.approvals ? renderMinutes(minutes, template, minutesAttendance(attendance, minutes), { language: minutes.language, approvals: signOff.approvals }) : sentDocument;
  // The latest callbacks behind stable functions: the parts are memoised on `edit`.
  const callbacks = useRef({ update, newId, searchPeople });
  callbacks.current = { update, newId, searchPeople };
  const canSearch = searchPeople !== undefined;
  const offerUndo = useCallback((message: string, restore: (m: Minutes) => Minutes) => setUndo({ message, restore }), []);
  const [today] = useState(() => localDate(new Date()));
  const edit = useMemo<MinutesEditing>(
    () => ({
      update: (change) => callbacks.current.update(change),
      newId: () => callbacks.current.newId(),
      people,
      searchPeople: canSearch ? (text: string) => callbacks.current.searchPeople?.(text) ?? Promise.resolve([]) : undefined,
      conflicts: minutes.conflicts,
      offerUndo,
      today,
      returned: signOff.returned,
    }),
    [people, canSearch, minutes.conflicts, offerUndo, today, signOff.returned],
  );
  const paragraphs = useMemo(
    () => (template.numberedParagraphs ? paragraphNumbers({ agenda: minutes.agenda, firstParagraph: minutes.firstParagraph }) : undefined),
    [template.numberedParagraphs, minutes.agenda, minutes.firstParagraph],
  );

  const sections = template.sections.filter((s) => s.show && (s.id === 'agenda' || s.id === 'followUp' || s.id === 'nextMeeting'));
  const shown = { agenda: false, followUp: false, nextMeeting: false };
  for (const s of sections) shown[s.id as keyof typeof shown] = true;
  const unplaced = minutes.conflicts.filter((c) => !isPlacedConflict(c.path, minutes, shown));

  return (
    <div className={styles.editor}>
      <div className={styles.top}>
        <SaveStatusBar status={status} notKeptOnDevice={notKeptOnDevice} onSaveNow={onSaveNow} />
        {undo && (
          <div className={styles.undo}>
            <Text className={styles.undoText} role="status" aria-live="polite">
              {undo.message}
            </Text>
            {undo.restore && (
              <Button
                size="small"
                appearance="primary"
                onClick={() => {
                  const restore = undo.restore!;
                  update(restore);
                  setUndo({ message: t('minutes.undone') });
                }}
              >
                {t('minutes.undo')}
              </Button>
            )}
            <Button size="small" appearance="subtle" onClick={() => setUndo(undefined)}>
              {t('minutes.undo.dismiss')}
            </Button>
          </div>
        )}
      </div>

      {signOff.enabled && <SignOffPanel signOff={signOff} timeZone={minutes.meeting.timeZone} locked={locked} onUnlock={() => setUnlocked(signOff.round?.version)} />}
      {signOffContext && (signOff.status?.state === 'approved' || minutes.publication) && (
        <PublishPanel
          service={signOffContext.service}
          approved={signOff.status?.state === 'approved'}
          publication={minutes.publication}
          publisher={signOffContext.sentBy}
          template={template}
          meeting={signOffContext.meeting}
          when={(iso) => moment(locale, iso, minutes.meeting.timeZone)}
          actions={minutes.agenda.reduce((n, i) => n + i.actions.filter((a) => a.what.trim()).length, 0)}
        />
      )}
      <MinutesDocumentBar previewing={previewing} onPreviewChange={setPreviewing} render={renderDocument} />
      {previewing && <MinutesPreview document={renderDocument()} />}
      <fieldset className={styles.fields} disabled={locked}>
        <TemplateSwitch template={template} groupTemplates={groupTemplates} update={update} />

        {!previewing && unplaced.length > 0 && (
          <section className={styles.section} aria-labelledby={`${ids}-conflicts`}>
            <Subtitle1 as="h2" className={styles.heading} id={`${ids}-conflicts`}>
              {t('minutes.conflicts.other')}
            </Subtitle1>
            <Text block>{t('minutes.conflicts.otherBody')}</Text>
            <div className={styles.conflicts}>
              {unplaced.map((c) => (
                <ConflictChoice
                  key={c.path}
                  field={describe(c.path, minutes)}
                  ours={c.ours}
                  theirs={c.theirs}
                  html={c.path.endsWith('/html')}
                  onKeep={(side) => update((m) => keepVersion(m, c.path, side))}
                />
              ))}
            </div>
          </section>
        )}

        {!previewing && sections.map((s) => {
          const headingId = `${ids}-${s.id}`;
          return (
            <section key={s.id} className={styles.section} aria-labelledby={headingId}>
              <Subtitle1 as="h2" className={styles.heading} id={headingId}>
                <bdi>{s.label}</bdi>
              </Subtitle1>
              {s.id !== 'agenda' && <ReturnedComments comments={signOff.returned.get(s.id)} />}
              <SectionBoundary>
                {s.id === 'agenda' ? (
                  <AgendaEditor
                    agenda={minutes.agenda}
                    headingId={headingId}
                    paragraphs={paragraphs}
                    decisionsLabel={labelOf(template, 'decisions')}
                    actionsLabel={labelOf(template, 'actions')}
                    edit={edit}
                  />
                ) : s.id === 'followUp' ? (
                  <FollowUpList followUp={minutes.followUp} headingId={headingId} edit={edit} planner={planner} timeZone={minutes.meeting.timeZone} />
                ) : (
                  <NextMeetingField nextMeeting={minutes.nextMeeting} meeting={minutes.meeting} edit={edit} />
                )}
              </SectionBoundary>
            </section>
          );
        })}
      </fieldset>
    </div>
  );
}

/** For React.lazy: the editor is its own chunk, loaded when minutes open. */
export default MinutesEditor;
