// The configuration page Teams shows when the tab is added to a channel (or opened again through the
// tab's settings): the group's setup. The team and channel come from Teams. The form, the services and
// Fluent's heavier controls load lazily, so the tab's first JavaScript stays small. Teams' Save first
// writes the group's settings file and saves the tab only when that worked; otherwise Teams is told
// why and the form keeps what was typed. A tab outside a channel (a meeting chat) has no group's
// folder: it is saved as before, and the group is chosen when a meeting is opened.

import { makeStyles, MessageBar, MessageBarBody, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import type { GroupContext } from '../../app/groupSettings';
import type { Services } from '../../app/services';
import type { AppConfig } from '../../config/config';
import { toProblem, type Problem } from '../../domain/problems';
import type { Host, TabConfigurationControl } from '../../host/host';
import type { GroupSettingsPageProps } from '../components/GroupSettingsPage';
import { ProblemMessage } from '../components/ProblemMessage';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0 },
});

type Loaded = { Page: ComponentType<GroupSettingsPageProps>; services: Services };

export function TabConfigPage({ config, host }: { config: AppConfig; host: Host }) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const supported = Boolean(host.offerTabConfiguration);
  const { team, channel, user } = host.context;
  // Graph names a team by its Microsoft 365 group id (Teams' groupId), not its internal thread id.
  const context = useMemo<GroupContext | undefined>(
    () =>
      team?.groupId && channel?.id
        ? {
            team: { id: team.groupId, groupId: team.groupId, name: team.name },
            channel: { id: channel.id, name: channel.name },
            user: { id: user.id, displayName: user.displayName, upn: user.upn },
            language,
          }
        : undefined,
    [team?.groupId, team?.name, channel?.id, channel?.name, user.id, user.displayName, user.upn, language],
  );

  // Teams' Save runs the page's save (kept in a ref: the latest form, whenever Save is pressed).
  const saveRef = useRef<(() => Promise<void>) | undefined>(undefined);
  const control = useRef<TabConfigurationControl | undefined>(undefined);
  const valid = useRef<boolean | undefined>(undefined);
  useEffect(() => {
    const needsSettings = context !== undefined;
    valid.current = needsSettings ? Boolean(saveRef.current) : true;
    control.current = host.offerTabConfiguration?.(
      { contentUrl: new URL('tab.html', location.href).href, entityId: 'justera-minutes', suggestedDisplayName: t('appName') },
      needsSettings
        ? {
            valid: valid.current,
            beforeSave: async () => {
              if (!saveRef.current) throw new Error(t('settings.notReady'));
              try {
                await saveRef.current();
              } catch (e) {
                throw new Error(t('settings.saveFailed.host', { reason: e instanceof Error ? e.message : String(e) }), { cause: e });
              }
            },
          }
        : undefined,
    );
  }, [host, t, context]);
  const bindSave = useCallback((save: (() => Promise<void>) | undefined) => {
    saveRef.current = save;
    if (valid.current !== Boolean(save)) {
      valid.current = Boolean(save);
      control.current?.setValid(valid.current);
    }
  }, []);

  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const start = useCallback(async () => {
    setProblem(undefined);
    try {
      const [{ GroupSettingsPage }, { createServices }] = await Promise.all([
        import(/* webpackChunkName: "settings" */ '../components/GroupSettingsPage'),
        import(/* webpackChunkName: "services" */ '../../app/services'),
      ]);
      const services = await createServices(config, host);
      setLoaded({ Page: GroupSettingsPage, services });
    } catch (e) {
      setProblem(toProblem(e));
    }
  }, [config, host]);
  useEffect(() => {
    if (context) void start();
  }, [context, start]);

  return (
    <div className={styles.page}>
      <Title2 as="h1" className={styles.title}>
        {context ? t('settings.title') : t('config.title')}
      </Title2>
      <Text block>{context ? t('settings.intro') : t('config.intro')}</Text>
      {!supported && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('config.unsupported')}</MessageBarBody>
        </MessageBar>
      )}
      {!context && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('settings.noChannel')}</MessageBarBody>
        </MessageBar>
      )}
      {context && problem && <ProblemMessage problem={problem} onRetry={() => void start()} />}
      {context && !problem && !loaded && <Spinner label={t('settings.loading')} labelPosition="below" />}
      {context && loaded && <loaded.Page service={loaded.services.settings} context={context} bindSave={bindSave} />}
    </div>
  );
}
