// The approver's view of one version sent for approval, shared by the Outlook pane, the pane's page in
// a browser and the Teams tab: the version and who sent it, what changed since a version they saw, who
// has answered, the document exactly as the template rendered it, then "Justera" or "Skicka tillbaka"
// with a comment (required) about a section. It gets the approval and an answer callback; it calls no
// Graph itself. Fits a 320 px pane: everything wraps, nothing scrolls sideways.

import { Body1, Button, Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Subtitle2, Textarea, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { Approval } from '../../../app/approval';
import { toProblem, type Problem } from '../../../domain/problems';
import type { DocumentSection } from '../../../domain/render';
import type { AnswerContent, ApproverAnswer } from '../../../domain/signOff';
import type { VersionChange } from '../../../domain/versionChanges';
import { useI18n, type Translator } from '../../i18n';
import { OutsideText } from '../OutsideText';
import { ProblemMessage } from '../ProblemMessage';
import { MinutesPreview } from '../minutes/MinutesPreview';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, maxWidth: '100%', overflowWrap: 'anywhere' },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, minWidth: 0 },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  hash: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere', wordBreak: 'break-all' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  comment: { whiteSpace: 'pre-wrap' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** The first eight hex digits: what people read and say; the whole hash is one click away. */
export const shortVersion = (version: string) => version.slice(0, 8);

const agendaItems = (sections: readonly DocumentSection[]) => sections.flatMap((s) => (s.kind === 'agenda' ? s.items : []));

const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function useWhen() {
  const { t, day, time } = useI18n();
  return (iso: string) => t('approval.when', { day: day(iso, zone()), time: time(iso, zone()) });
}

function changeText(change: VersionChange, tx: Translator['tx']) {
  switch (change.kind) {
    case 'title':
      return tx('approval.change.title', { before: change.before, after: change.after });
    case 'header':
    case 'section':
      return tx(`approval.change.${change.kind}`, { label: change.label });
    default:
      return tx(`approval.change.${change.kind}`, { heading: change.heading });
  }
}

function Changes({ approval }: { approval: Approval }) {
  const { t, tx } = useI18n();
  const styles = useStyles();
  const when = useWhen();
  const headingId = useId();
  const earlier = approval.earlier;
  if (!earlier) return null;
  return (
    <section className={styles.block} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t('approval.changes.heading', { when: when(earlier.seenAt) })}
      </Subtitle2>
      {earlier.changes.length === 0 ? (
        <Body1 as="p">{t('approval.changes.none')}</Body1>
      ) : (
        <ul className={styles.list}>
          {earlier.changes.map((c, i) => (
            <li key={i}>{changeText(c, tx)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Answers({ approval }: { approval: Approval }) {
  const { t, tx } = useI18n();
  const styles = useStyles();
  const when = useWhen();
  const headingId = useId();
  const byKey = new Map<string, ApproverAnswer>(approval.status.answers.map((a) => [a.approver.key, a]));
  const headings = new Map(agendaItems(approval.snapshot.document.sections).map((i) => [i.id, i.heading]));
  return (
    <section className={styles.block} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t('approval.answers.heading')}
      </Subtitle2>
      <ul className={styles.list}>
        {approval.snapshot.approvers.map((approver) => {
          const answer = byKey.get(approver.key);
          return (
            <li key={approver.key}>
              {tx(approver.role === 'chair' ? 'approval.answers.chair' : 'approval.answers.adjuster', { name: approver.displayName })}:{' '}
              {answer ? t(answer.decision === 'approved' ? 'approval.answers.approved' : 'approval.answers.returned', { when: when(answer.at) }) : t('approval.answers.waiting')}
              {answer?.section && headings.has(answer.section) && <div>{tx('approval.answers.section', { section: headings.get(answer.section) ?? '' })}</div>}
              {answer?.comment && <div className={styles.comment}>{tx('approval.answers.comment', { comment: answer.comment })}</div>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ReturnForm({ approval, onSend, onCancel, busy }: { approval: Approval; onSend: (comment: string, section?: string) => void; onCancel: () => void; busy: boolean }) {
  const { t } = useI18n();
  const styles = useStyles();
  const headingId = useId();
  const [comment, setComment] = useState('');
  const [section, setSection] = useState('');
  const [tried, setTried] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const missing = comment.trim() === '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missing) {
      commentRef.current?.focus();
      return;
    }
    onSend(comment, section || undefined);
  };
  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={submit} noValidate>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t('approval.return.heading')}
      </Subtitle2>
      <Field label={t('approval.return.comment')} required validationState={tried && missing ? 'error' : 'none'} validationMessage={tried && missing ? t('approval.return.commentRequired') : undefined}>
        <Textarea ref={commentRef} value={comment} onChange={(_, d) => setComment(d.value)} resize="vertical" autoFocus />
      </Field>
      <Field label={t('approval.return.section')}>
        <Select value={section} onChange={(_, d) => setSection(d.value)}>
          <option value="">{t('approval.return.whole')}</option>
          {agendaItems(approval.snapshot.document.sections).map((item) => (
            <option key={item.id} value={item.id}>
              {item.heading}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('approval.return.send')}
        </Button>
        <Button type="button" onClick={onCancel} disabled={busy}>
          {t('approval.return.cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The whole hash behind a button. Not <details>: in Outlook, office.js moves focus on Tab itself
 * through its own list of tabbable elements (buttons, links, fields), which has no <summary>, so Tab
 * from a summary leaves the pane.
 */
function FullVersion({ version }: { version: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [shown, setShown] = useState(false);
  const id = useId();
  return (
    <div>
      <Button appearance="transparent" size="small" icon={shown ? <ChevronDownRegular /> : <ChevronRightRegular />} aria-expanded={shown} aria-controls={id} onClick={() => setShown(!shown)}>
        {t('approval.version.full')}
      </Button>
      <code id={id} className={styles.hash} hidden={!shown}>
        {version}
      </code>
    </div>
  );
}

type Writing = { phase: 'idle' } | { phase: 'writing' } | { phase: 'failed'; problem: Problem };

export interface ApprovalViewProps {
  approval: Approval;
  /** Writes my answer and gives the approval as it stands after it. */
  onAnswer: (decision: AnswerContent['decision'], comment?: string, section?: string) => Promise<Approval>;
}

export function ApprovalView({ approval: initial, onAnswer }: ApprovalViewProps) {
  const { t, tx } = useI18n();
  const styles = useStyles();
  const when = useWhen();
  const headingId = useId();
  const [approval, setApproval] = useState(initial);
  const [returning, setReturning] = useState(false);
  // An answer given can be given again (a slip of the hand): the latest answer file counts.
  const [answeringAgain, setAnsweringAgain] = useState(false);
  const [writing, setWriting] = useState<Writing>({ phase: 'idle' });
  const { snapshot, role } = approval;
  const short = shortVersion(snapshot.version);
  const mine = approval.myAnswers.find((a) => a.version === snapshot.version);

  const answer = async (decision: AnswerContent['decision'], comment?: string, section?: string) => {
    setWriting({ phase: 'writing' });
    try {
      setApproval(await onAnswer(decision, comment, section));
      setReturning(false);
      setAnsweringAgain(false);
      setWriting({ phase: 'idle' });
    } catch (e) {
      setWriting({ phase: 'failed', problem: toProblem(e) });
    }
  };

  return (
    <section className={styles.view} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {t('approval.heading')}
      </Subtitle2>
      <div className={styles.block}>
        <Body1 as="p">{t(role === 'chair' ? 'approval.role.chair' : role === 'adjuster' ? 'approval.role.adjuster' : 'approval.role.none')}</Body1>
        <Body1 as="p">{t('approval.version', { version: short })}</Body1>
        <FullVersion version={snapshot.version} />
        <Body1 as="p">{tx('approval.sent', { sender: <OutsideText text={snapshot.sentBy.displayName} />, when: when(snapshot.sentAt) })}</Body1>
      </div>
      <Changes approval={approval} />
      <Answers approval={approval} />
      <section className={styles.block} aria-label={t('approval.document')}>
        <MinutesPreview document={snapshot.document} />
      </section>
      <div role="status" className={styles.block}>
        {mine && (
          <MessageBar intent={mine.decision === 'approved' ? 'success' : 'warning'} layout="multiline">
            <MessageBarBody>{t(mine.decision === 'approved' ? 'approval.done.approved' : 'approval.done.returned', { version: short, when: when(mine.at) })}</MessageBarBody>
          </MessageBar>
        )}
        {writing.phase === 'writing' && <Spinner size="tiny" label={t('approval.writing')} />}
      </div>
      {writing.phase === 'failed' &&
        (writing.problem.code === 'answer-forbidden' ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('approval.heading')}</MessageBarTitle>
              {t('approval.forbidden')}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <ProblemMessage problem={writing.problem} onRetry={() => setWriting({ phase: 'idle' })} />
        ))}
      {role && mine && !answeringAgain && (
        <div className={styles.actions}>
          <Button onClick={() => setAnsweringAgain(true)}>{t('approval.answerAgain')}</Button>
        </div>
      )}
      {role &&
        (!mine || answeringAgain) &&
        (returning ? (
          <ReturnForm approval={approval} busy={writing.phase === 'writing'} onSend={(comment, section) => void answer('returned', comment, section)} onCancel={() => setReturning(false)} />
        ) : (
          <div className={styles.actions}>
            <Button appearance="primary" disabled={writing.phase === 'writing'} onClick={() => void answer('approved')}>
              {t('approval.approve')}
            </Button>
            <Button disabled={writing.phase === 'writing'} onClick={() => setReturning(true)}>
              {t('approval.return')}
            </Button>
          </div>
        ))}
    </section>
  );
}
