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

/** The hash of a value, computed again as it changes (Web Crypto answers later); undefined until known, or when off. */
function useHash<T>(value: T, hash: (value: T) => Promise<string>, on: boolean): string | undefined {
  const [hashed, setHashed] = useState<string | undefined>();
  useEffect(() => {
    if (!on) return;
    let live = true;
    hash(value).then(
      (h) => live && setHashed(h),
      // No Web Crypto (an old browser): no version, so no round's state; sending says nothing is ready.
      (e: unknown) => console.warn('Justera: the version of the minutes could not be computed', e),
    );
    return () => {
      live = false;
    };
  }, [value, hash, on]);
  return hashed;
}

export function useSignOff(context: SignOffContext | undefined, minutes: Minutes, document: MinutesDocument, people: readonly PersonRef[]) {
  // Only where sign-off is on: the hashes are for rounds. The document is what is sent; the content
  // (the same for every viewer) is what voids a round (signOffState.ts).
  const version = useHash(document, documentVersion, context !== undefined);
  const content = useHash(minutes, contentVersion, context !== undefined);
  const [files, setFiles] = useState<AnswerFile[]>([]);
  const [answersProblem, setAnswersProblem] = useState<Problem | undefined>();
  const progress = useRef<SendProgress>({ mailed: [] });
  const round = currentRound(minutes);

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
