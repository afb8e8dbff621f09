// The previous meetings' open actions, brought forward: each is marked done, carried on or dropped,
// with a comment. What, who and when come from earlier minutes (outside text); only the state and
// the comment are edited here. An action published as a Planner task shows the task's status beside
// it (read by the editor, useFollowUpStatus), and "Ta över status från Planner" marks done what
// members completed, in one edit, saying what it did.

import { Button, Caption1, Field, Input, makeStyles, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { memo, useState } from 'react';
import { dayIn, takeStatusFromPlanner, type FollowUpStatus } from '../../../domain/followUpStatus';
import type { FollowUp, FollowUpState } from '../../../domain/minutes';
import { keepVersion, setFollowUpComment, setFollowUpState } from '../../../domain/minutesEdits';
import { isolate, useI18n } from '../../i18n';
import { ItemBoundary } from '../Boundaries';
import { OutsideText } from '../OutsideText';
import { ConflictChoice } from './ConflictChoice';
import { conflictAt, type MinutesEditing } from './editing';
import type { FollowUpStatusView } from './useFollowUpStatus';

const STATES: FollowUpState[] = ['open', 'done', 'carried', 'dropped'];

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  fields: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  state: { flexBasis: '9rem', flexGrow: 0, minWidth: 0 },
  comment: { flexBasis: '12rem', flexGrow: 1, minWidth: 0 },
  planner: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  gone: { color: tokens.colorPaletteRedForeground1 },
});

export interface FollowUpListProps {
  followUp: readonly FollowUp[];
  /** The section heading's id: the list is named by it. */
  headingId: string;
  edit: MinutesEditing;
  /** The tasks' status in Planner, where the earlier minutes were published. */
  planner?: FollowUpStatusView;
  /** The meeting's zone: the day a task was completed, as the minutes write dates. */
  timeZone: string;
}

/** What Planner says of one follow-up's task, beside it. */
function PlannerStatus({ status, timeZone }: { status: FollowUpStatus; timeZone: string }) {
  const styles = useStyles();
  const { t, tx } = useI18n();
  let text;
  if (status.state === 'done') {
    const date = status.completedAt ? dayIn(status.completedAt, timeZone) : '';
    text = status.completedBy ? tx('minutes.followUp.planner.doneBy', { name: <OutsideText text={status.completedBy} />, date }) : date ? t('minutes.followUp.planner.doneOn', { date }) : t('minutes.followUp.planner.done');
  } else if (status.state === 'in-progress') text = t('minutes.followUp.planner.in-progress', { percent: status.percent });
  else if (status.state === 'not-started') text = t('minutes.followUp.planner.not-started');
  else if (status.state === 'deleted') text = t('minutes.followUp.planner.deleted');
  else text = t(status.problem?.kind === 'forbidden' ? 'minutes.followUp.planner.forbidden' : 'minutes.followUp.planner.unreadable');
  return (
    <Caption1 className={status.state === 'done' ? styles.done : status.state === 'deleted' || status.state === 'unknown' ? styles.gone : undefined}>
      {t('minutes.followUp.planner.label')} {text}
    </Caption1>
  );
}

const FollowUpRow = memo(function FollowUpRow({ f, edit, status, timeZone }: { f: FollowUp; edit: MinutesEditing; status?: FollowUpStatus; timeZone: string }) {
  const styles = useStyles();
  const { t, tx } = useI18n();
  const stateConflict = conflictAt(edit.conflicts, `/followUp/${f.id}/state`);
  const commentConflict = conflictAt(edit.conflicts, `/followUp/${f.id}/comment`);
  const stateText = (s: string) => (STATES.includes(s as FollowUpState) ? t(`minutes.followUp.state.${s as FollowUpState}`) : s);
  const what = f.what.trim() ? f.what : t('minutes.followUp.noWhat');
  return (
    <li className={styles.row}>
      <Text weight="semibold">
        <OutsideText text={what} lines={3} />
      </Text>
      {(f.owner || f.due) && (
        <Caption1>
          {f.owner && tx('minutes.followUp.owner', { name: <OutsideText text={f.owner.displayName} /> })}
          {f.owner && f.due && ' · '}
          {f.due && t('minutes.followUp.due', { date: f.due })}
        </Caption1>
      )}
      {status && <PlannerStatus status={status} timeZone={timeZone} />}
      <div className={styles.fields}>
        <Field className={styles.state} label={t('minutes.followUp.stateLabel')}>
          <Select
            value={f.state}
            aria-label={t('minutes.followUp.stateFor', { what: isolate(what) })}
            onChange={(_, d) => edit.update((m) => setFollowUpState(m, f.id, d.value as FollowUpState))}
          >
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`minutes.followUp.state.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.comment} label={t('minutes.followUp.comment')}>
          <Input value={f.comment ?? ''} onChange={(_, d) => edit.update((m) => setFollowUpComment(m, f.id, d.value))} />
        </Field>
      </div>
      {stateConflict && (
        <ConflictChoice
          field={t('minutes.followUp.stateLabel')}
          ours={stateText(stateConflict.ours)}
          theirs={stateText(stateConflict.theirs)}
          onKeep={(side) => edit.update((m) => keepVersion(m, stateConflict.path, side))}
        />
      )}
      {commentConflict && (
        <ConflictChoice
          field={t('minutes.followUp.comment')}
          ours={commentConflict.ours}
          theirs={commentConflict.theirs}
          onKeep={(side) => edit.update((m) => keepVersion(m, commentConflict.path, side))}
        />
      )}
    </li>
  );
});

export function FollowUpList({ followUp, headingId, edit, planner, timeZone }: FollowUpListProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  if (followUp.length === 0) return <Text block>{t('minutes.followUp.empty')}</Text>;
  const statuses = planner?.statuses;
  const takeOver = () => {
    if (!statuses) return;
    let taken = { done: 0, open: 0 };
    edit.update((m) => {
      const result = takeStatusFromPlanner(m, statuses);
      taken = result;
      return result.minutes;
    });
    setAnnouncement(t(taken.done ? 'minutes.followUp.planner.taken' : 'minutes.followUp.planner.noneDone', { done: taken.done, open: taken.open }));
  };
  return (
    <>
      {(planner?.reading || (statuses?.size ?? 0) > 0) && (
        <div className={styles.planner}>
          {statuses && statuses.size > 0 && <Button onClick={takeOver}>{t('minutes.followUp.planner.take')}</Button>}
          {planner?.reading && <Spinner size="tiny" label={t('minutes.followUp.planner.reading')} />}
        </div>
      )}
      {planner?.problem && <Text block>{t(planner.problem.kind === 'forbidden' ? 'minutes.followUp.planner.forbidden' : 'minutes.followUp.planner.unreadable')}</Text>}
      <div role="status" aria-live="polite">
        {announcement && <Text block>{announcement}</Text>}
      </div>
      <ul className={styles.list} aria-labelledby={headingId}>
        {followUp.map((f) => (
          <ItemBoundary key={f.id}>
            <FollowUpRow f={f} edit={edit} status={statuses?.get(f.id)} timeZone={timeZone} />
          </ItemBoundary>
        ))}
      </ul>
    </>
  );
}
