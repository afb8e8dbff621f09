// The "Året" tab of the start page, loaded as its own chunk when first opened. In a channel tab the
// group is known and its year opens at once; in the personal tab the groups with Justera set up are
// listed to pick one, and the year has a way back to the list.

import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MeetingGroup } from '../../../app/meetingGroup';
import type { Services } from '../../../app/services';
import type { YearData, YearService } from '../../../app/yearService';
import { toProblem, type Problem } from '../../../domain/problems';
import { useI18n } from '../../i18n';
import { ProblemMessage } from '../ProblemMessage';
import { YearPage } from './YearPage';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pick: { justifyContent: 'flex-start', textAlign: 'start', height: 'auto', paddingBlock: tokens.spacingVerticalS, maxWidth: '100%' },
  pickText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  back: { alignSelf: 'flex-start', marginBottom: tokens.spacingVerticalM },
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

type YearGroup = Pick<MeetingGroup, 'teamId' | 'channelId'> & { name?: string };

/** The group's year; a service that cannot be made (not wired yet, say) shows as a problem. */
function GroupYear({ services, group }: { services: Services; group: YearGroup }) {
  const made = useMemo((): { service: YearService } | { problem: Problem } => {
    try {
      return { service: services.year(group) };
    } catch (e) {
      return { problem: toProblem(e) };
    }
  }, [services, group]);
  const { language } = useI18n();
  // The writers load when asked for: docx, write-excel-file and the chart drawing stay out of the view's chunk.
  const exports = useMemo(() => {
    const load = () => import(/* webpackChunkName: "year-export" */ './yearExports');
    return {
      docx: async (data: YearData) => (await load()).saveAppendix(data, services.now(), language),
      xlsx: async (data: YearData) => (await load()).saveRegisters(data, services.now(), language),
    };
  }, [services, language]);
  return 'service' in made ? (
    <YearPage service={made.service} now={services.now()} onExportDocx={exports.docx} onExportXlsx={exports.xlsx} />
  ) : (
    <ProblemMessage problem={made.problem} />
  );
}

type Groups = { phase: 'loading' } | { phase: 'failed'; problem: Problem } | { phase: 'ready'; groups: MeetingGroup[]; warnings: Problem[] };

/** The personal tab: the groups to pick from, then the chosen group's year. */
function PickedGroupYear({ services }: { services: Services }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [groups, setGroups] = useState<Groups>({ phase: 'loading' });
  const [chosen, setChosen] = useState<MeetingGroup | undefined>();

  const load = useCallback(() => {
    setGroups({ phase: 'loading' });
    services.groupsWithJustera().then(
      ({ groups, warnings }) => setGroups({ phase: 'ready', groups, warnings }),
      (e: unknown) => setGroups({ phase: 'failed', problem: toProblem(e) }),
    );
  }, [services]);
  useEffect(load, [load]);

  if (chosen) {
    return (
      <div className={styles.page}>
        <Button className={styles.back} appearance="subtle" icon={<ArrowLeft20Regular />} onClick={() => setChosen(undefined)}>
          {t('year.groups.back')}
        </Button>
        <GroupYear services={services} group={chosen} />
      </div>
    );
  }
  return (
    <div className={styles.page}>
      <Title2 as="h1">{t('year.groups.title')}</Title2>
      {groups.phase === 'loading' && <Spinner label={t('year.groups.loading')} labelPosition="below" />}
      {groups.phase === 'failed' && <ProblemMessage problem={groups.problem} onRetry={load} />}
      {groups.phase === 'ready' && (
        <>
          <Text block>{groups.groups.length ? t('year.groups.intro') : t('year.groups.none')}</Text>
          {groups.warnings.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t('year.groups.someUnread', { count: groups.warnings.length })}</MessageBarBody>
            </MessageBar>
          )}
          <ul className={styles.list}>
            {groups.groups.map((g) => (
              <li key={`${g.teamId}|${g.channelId}`}>
                <Button className={styles.pick} appearance="secondary" onClick={() => setChosen(g)}>
                  <span className={styles.pickText}>
                    <Text weight="semibold">
                      <bdi>{g.name}</bdi>
                    </Text>
                    <Caption1>
                      <bdi>{g.teamName}</bdi> › <bdi>{g.channelName}</bdi>
                    </Caption1>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export interface YearTabProps {
  services: Services;
  /** The channel tab's group; absent in the personal tab. */
  group?: YearGroup;
}

export default function YearTab({ services, group }: YearTabProps) {
  return group ? <GroupYear services={services} group={group} /> : <PickedGroupYear services={services} />;
}
