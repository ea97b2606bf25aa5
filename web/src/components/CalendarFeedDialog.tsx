import { useState } from 'react';
import { Alert, Button, CopyButton, Group, List, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useMakeCalendarFeed, useTurnOffCalendarFeed } from '../api/calendar-feed-mutations';
import { notifyError, notifySaved } from '../api/errors';
import { keys } from '../api/query-keys';
import type { CalendarFeedStatus } from '../api/types';
import { DateTimeText } from './Display';

const APPS = ['outlook', 'google', 'apple'] as const;

/** L-8: the user's secret iCalendar address — make it, see it once, copy it, replace or turn it off. */
function CalendarFeed() {
  const { t } = useTranslation();
  const makeFeed = useMakeCalendarFeed();
  const turnOffFeed = useTurnOffCalendarFeed();
  const status = useQuery({ queryKey: keys.calendarFeed.all, queryFn: () => api.get<CalendarFeedStatus>('/api/calendar-feed') });
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const active = status.data?.active === true;

  async function make() {
    setBusy(true);
    try {
      const answer = await makeFeed.mutateAsync();
      // without TRAKT_PUBLIC_URL the server makes no full address: this page's own is the one the user reached
      setUrl(answer.url ?? `${window.location.origin}${answer.path}`);
      setConfirmRotate(false);
    } catch (error) {
      notifyError(error, t);
    } finally {
      setBusy(false);
    }
  }
  async function turnOff() {
    setBusy(true);
    try {
      await turnOffFeed.mutateAsync();
      setUrl(null);
      notifySaved(t, t('calendar.turnedOff'));
    } catch (error) {
      notifyError(error, t);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md">
      <Text size="sm">{t('calendar.intro')}</Text>
      {url ? (
        <Stack gap={6}>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('calendar.address')}
              value={url}
              readOnly
              style={{ flex: 1 }}
              onFocus={(event) => event.currentTarget.select()}
            />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button color={copied ? 'teal' : undefined} onClick={copy}>
                  {copied ? t('calendar.copied') : t('calendar.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="orange">{t('calendar.shownOnce')}</Alert>
        </Stack>
      ) : status.data ? (
        <Text size="sm" c={active ? undefined : 'dimmed'}>
          {active ? (
            <>
              {t('calendar.activeSince')} <DateTimeText timestamp={status.data.createdAt} />
              {status.data.lastUsedAt ? (
                <>
                  {' · '}
                  {t('calendar.lastRead')} <DateTimeText timestamp={status.data.lastUsedAt} />
                </>
              ) : null}
            </>
          ) : (
            t('calendar.none')
          )}
        </Text>
      ) : null}
      {confirmRotate ? (
        <Alert color="orange" title={t('calendar.rotateTitle')}>
          <Text size="sm" mb="sm">
            {t('calendar.rotateWarning')}
          </Text>
          <Group gap="xs">
            <Button color="orange" loading={busy} onClick={() => void make()}>
              {t('calendar.rotate')}
            </Button>
            <Button variant="default" onClick={() => setConfirmRotate(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Alert>
      ) : (
        <Group gap="xs">
          {active || url ? (
            <>
              <Button variant="default" onClick={() => setConfirmRotate(true)}>
                {t('calendar.rotate')}
              </Button>
              <Button variant="subtle" color="red" loading={busy} onClick={() => void turnOff()}>
                {t('calendar.turnOff')}
              </Button>
            </>
          ) : (
            <Button loading={busy} onClick={() => void make()} disabled={status.isPending}>
              {t('calendar.create')}
            </Button>
          )}
        </Group>
      )}
      <div>
        <Title order={3} size="h5" mb={4}>
          {t('calendar.howTo')}
        </Title>
        <List size="sm" spacing={4}>
          {APPS.map((app) => (
            <List.Item key={app}>
              <Text span fw={600} size="sm">
                {t(`calendar.apps.${app}.name`)}:
              </Text>{' '}
              {t(`calendar.apps.${app}.steps`)}
            </List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed" mt="xs">
          {t('calendar.refreshNote')}
        </Text>
      </div>
    </Stack>
  );
}

export function CalendarFeedDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('calendar.title')} size="lg" centered>
      {opened ? <CalendarFeed /> : null}
    </Modal>
  );
}
