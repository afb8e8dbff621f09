// The sign-off state of the open minutes, for the secretary's editor: the current round, the
// version the minutes render to now (hashed as they change, so an edit voids a round at once), the
// approvers' answers followed while the page is in sight, and sending. What the page shows of it is
// SignOffPanel's; this hook only holds the state and talks to the service.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { contentVersion, documentVersion } from '../../../app/documentVersion';
import type { ApproverWarning, SendProgress, SendStep } from '../../../app/sendForApproval';
import type { SignOffService } from '../../../app/services';
import type { Minutes, PersonRef } from '../../../domain/minutes';
import { Problem } from '../../../domain/problems';
import type { MinutesDocument } from '../../../domain/render';
import { roundStatus, type AnswerFile } from '../../../domain/signOff';
import { approvalsOf, approversIn, currentRound, earlierVersions, effectiveVersion, returnedComments, sendRefusals } from '../../../domain/signOffState';
import { translator } from '../../i18n';

/** What the page around the editor gives sign-off: the service, the meeting, and who sends. */
export interface SignOffContext {
  service: SignOffService;
  /** meetingFolder.ts meetingKey (answers name it), and what the Teams link names. */
  meeting: { key: string; iCalUId?: string; start: string };
  sentBy: PersonRef;
  /** Besides the attendees: people the chair may be found among (the group's default chair, its roster). */
  people?: readonly PersonRef[];
}

export function useSignOff(context: SignOffContext | undefined, minutes: Minutes, document: MinutesDocument, people: readonly PersonRef[]) {
  const [version, setVersion] = useState<string | undefined>();
  const [content, setContent] = useState<string | undefined>();
  const [files, setFiles] = useState<AnswerFile[]>([]);
  const [answersProblem, setAnswersProblem] = useState<Problem | undefined>();
  const progress = useRef<SendProgress>({ mailed: [] });
  const round = currentRound(minutes);

  useEffect(() => {
    // Only where sign-off is on: the hash is for rounds.
    if (!context) return;
    let live = true;
    documentVersion(document).then(
      (v) => live && setVersion(v),
      // No Web Crypto (an old browser): no version, so no round's state; sending says nothing is ready.
      (e: unknown) => console.warn('Justera: the version of the minutes could not be computed', e),
    );
    return () => {
      live = false;
    };
  }, [document, context]);
  // The minutes' own content, the same for every viewer: what voids a round (signOffState.ts).
  useEffect(() => {
    if (!context) return;
    let live = true;
    contentVersion(minutes).then(
      (v) => live && setContent(v),
      (e: unknown) => console.warn('Justera: the version of the minutes could not be computed', e),
    );
    return () => {
      live = false;
    };
  }, [minutes, context]);

  const service = context?.service;
  // Followed from the first round on; a new round (another version, or the same sent again) lists at once.
  const roundId = round && `${round.version}@${round.sentAt}`;
  useEffect(() => {
    if (!service || !roundId) return;
    return service.watchAnswers(
      (f) => {
        setFiles(f);
        setAnswersProblem(undefined);
      },
      setAnswersProblem,
    );
  }, [service, roundId]);

  const status = useMemo(
    () =>
      round && version && content && context ? roundStatus(round, context.meeting.key, effectiveVersion(round, content, version), files, earlierVersions(minutes)) : undefined,
    [round, version, content, context, files, minutes],
  );
  const approvals = useMemo(() => approvalsOf(status), [status]);
  const { agenda } = minutes;
  const returned = useMemo(() => returnedComments(status, (section) => section === 'followUp' || section === 'nextMeeting' || agenda.some((i) => i.id === section)), [status, agenda]);
  // On the header and the conflicts only: an edit elsewhere (the round recorded while sending) keeps them.
  const { header, conflicts } = minutes;
  const more = context?.people;
  const approvers = useMemo(() => approversIn({ header }, more ? [...people, ...more] : people), [header, people, more]);
  const refusals = useMemo(() => sendRefusals({ conflicts }, approvers), [conflicts, approvers]);

  const warnings = useCallback(async (): Promise<ApproverWarning[] | 'unknown'> => {
    if (!service) return [];
    return service.warnings(approvers).catch((e: unknown) => {
      console.warn("Justera: the team's members could not be read", e);
      return 'unknown' as const;
    });
  }, [service, approvers]);

  const send = useCallback(
    async (onStep: (step: SendStep) => void) => {
      if (!context) return;
      if (!version) throw new Problem('bad-data', 'The version of the minutes could not be computed');
      const words = translator(minutes.language);
      await context.service.send(
        {
          document,
          version,
          content,
          approvers,
          meeting: context.meeting,
          sentBy: context.sentBy,
          words: {
            subject: words.t('signOff.mail.subject', { title: document.subtitle ? `${document.title} ${document.subtitle}` : document.title }),
            greeting: (name) => words.t('signOff.mail.greeting', { name }),
            request: words.t('signOff.mail.request', { name: context.sentBy.displayName }),
            openInBrowser: words.t('signOff.mail.browser'),
            openInTeams: words.t('signOff.mail.teams'),
            decisions: words.t('signOff.mail.decisions'),
            actions: words.t('signOff.mail.actions'),
            version: (short) => words.t('signOff.mail.version', { short }),
          },
        },
        progress.current,
        onStep,
      );
    },
    [context, version, content, minutes.language, document, approvers],
  );

  return {
    enabled: context !== undefined,
    round,
    version,
    status,
    approvers,
    refusals,
    approvals,
    returned,
    answersProblem,
    warnings,
    send,
    /** Mails already sent in an attempt that failed part-way. */
    mailed: () => progress.current.mailed.length,
  };
}

export type SignOffState = ReturnType<typeof useSignOff>;
