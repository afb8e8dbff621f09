// The previous meetings' open actions, brought forward: each is marked done, carried on or dropped,
// with a comment. What, who and when come from earlier minutes (outside text); only the state and
// the comment are edited here.

import { Caption1, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { FollowUp, FollowUpState } from '../../../domain/minutes';
import { keepVersion, setFollowUpComment, setFollowUpState } from '../../../domain/minutesEdits';
import { isolate, useI18n } from '../../i18n';
import { ItemBoundary } from '../Boundaries';
import { OutsideText } from '../OutsideText';
import { ConflictChoice } from './ConflictChoice';
import { conflictAt, type MinutesEditing } from './editing';

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
});

export interface FollowUpListProps {
  followUp: readonly FollowUp[];
  /** The section heading's id: the list is named by it. */
  headingId: string;
  edit: MinutesEditing;
}

const FollowUpRow = memo(function FollowUpRow({ f, edit }: { f: FollowUp; edit: MinutesEditing }) {
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

export function FollowUpList({ followUp, headingId, edit }: FollowUpListProps) {
  const styles = useStyles();
  const { t } = useI18n();
  if (followUp.length === 0) return <Text block>{t('minutes.followUp.empty')}</Text>;
  return (
    <ul className={styles.list} aria-labelledby={headingId}>
      {followUp.map((f) => (
        <ItemBoundary key={f.id}>
          <FollowUpRow f={f} edit={edit} />
        </ItemBoundary>
      ))}
    </ul>
  );
}
