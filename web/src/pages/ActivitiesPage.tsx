import { useState, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Button, Center, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../components/ListPage';
import type { Column } from '../components/DataTable';
import { DateText, DateTimeText } from '../components/Display';
import { useActivityTypeLabel } from '../hooks/use-activity-type-label';
import type { Activity, Page } from '../api/types';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';
import { isoDate, useListQuery } from '../api/queries';
import { keys } from '../api/query-keys';
import { useCurrentUser } from '../api/session';
import { UserSelect } from '../components/SetupSelect';
import { DoneCheckbox } from './MyDayPage';

function AllActivities({ views }: { views: ReactNode }) {
  const { t } = useTranslation();
  const typeLabel = useActivityTypeLabel();

  const columns: Column<Activity>[] = [
    {
      key: 'done',
      label: t('activity.done'),
      render: (a) => (
        <Badge variant="light" color={a.done ? 'green' : 'gray'}>
          {a.done ? t('activity.isDone') : t('activity.notDone')}
        </Badge>
      ),
    },
    { key: 'type', label: t('activity.type'), sort: 'type', render: (a) => typeLabel(a.type) },
    {
      key: 'subject',
      label: t('activity.subject'),
      sort: 'subject',
      render: (a) => (
        <Anchor component={Link} to={`/activities/${a.id}`}>
          {a.subject}
        </Anchor>
      ),
    },
    {
      key: 'dueDate',
      label: t('activity.dueDate'),
      sort: 'dueDate',
      exportKeys: ['dueDate', 'dueTime'],
      render: (a) => <DateText date={a.dueDate} />,
    },
    {
      key: 'companyName',
      label: t('activity.company'),
      render: (a) =>
        a.companyId ? (
          <Anchor component={Link} to={`/companies/${a.companyId}`} c="inherit">
            {a.companyName}
          </Anchor>
        ) : null,
    },
    { key: 'contactName', label: t('activity.contact'), render: (a) => a.contactName, defaultHidden: true },
    {
      key: 'opportunityTitle',
      label: t('activity.opportunity'),
      wide: true,
      render: (a) =>
        a.opportunityId ? (
          <Anchor component={Link} to={`/opportunities/${a.opportunityId}`} c="inherit">
            {a.opportunityTitle}
          </Anchor>
        ) : null,
    },
    { key: 'ownerInitials', label: t('opportunity.ownerShort'), render: (a) => a.ownerInitials, wide: true },
    {
      key: 'createdAt',
      label: t('filters.createdAt'),
      sort: 'createdAt',
      render: (a) => <DateTimeText timestamp={a.createdAt} />,
      defaultHidden: true,
    },
  ];

  return (
    <ListPage<Activity>
      resource="activities"
      title={t('nav.activities')}
      newLabel={t('activity.new')}
      newHref="/activities/new"
      columns={columns}
      rowKey={(a) => a.id}
      defaultSort="dueDate"
      extra={views}
      searchHint={t('search.inActivities')}
    />
  );
}

type View = 'mine' | 'team' | 'latest' | 'all';
type ViewActivity = Activity & { overdue?: boolean; ownerName?: string };

/** T-3: my open activities (overdue first), the team's for managers, the latest 30, or all with search. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const manager = user.role === 'manager' || user.role === 'admin';
  const views: View[] = manager ? ['mine', 'team', 'latest', 'all'] : ['mine', 'latest', 'all'];
  const asked = params.get('view') as View | null;
  const view: View = asked && views.includes(asked) ? asked : 'mine';

  const chooser = (
    <SegmentedControl
      aria-label={t('activity.view')}
      data={views.map((value) => ({ value, label: t(`activity.views.${value}`) }))}
      value={view}
      // "All" starts with the open ones, as a filter chip that can be removed (T-3: a to-do list first)
      onChange={(value) =>
        setParams(value === 'mine' ? {} : value === 'all' ? { view: value, done: 'false' } : { view: value }, { replace: true })
      }
      style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
    />
  );
  if (view === 'all') return <AllActivities views={chooser} />;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('nav.activities')}</Title>
        <Button component={Link} to="/activities/new">
          {t('activity.new')}
        </Button>
      </Group>
      {chooser}
      {view === 'latest' ? <LatestActivities /> : <OpenActivities team={view === 'team'} />}
    </Stack>
  );
}

function OpenActivities({ team }: { team: boolean }) {
  const { t } = useTranslation();
  const [ownerId, setOwnerId] = useState<number | null>(null);
  const resource = team ? 'activities/team' : 'activities/mine';
  const query = useListQuery<ViewActivity>(resource, team && ownerId ? { ownerId } : {}, 50);
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      {team ? <UserSelect label={t('activity.owner')} value={ownerId} onChange={setOwnerId} placeholder={t('common.all')} w={260} /> : null}
      <ActivityTable rows={rows} loading={query.isPending} error={query.error} showOwner={team} invalidate={keys.resource(resource).all} />
      {query.hasNextPage ? (
        <Center>
          <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Center>
      ) : null}
    </>
  );
}

function LatestActivities() {
  const query = useQuery({
    queryKey: keys.activities.latest,
    queryFn: () => api.get<Pick<Page<Activity>, 'items'>>('/api/activities/latest'),
  });
  return (
    <ActivityTable
      rows={query.data?.items ?? []}
      loading={query.isPending}
      error={query.error}
      showOwner
      showDone
      invalidate={keys.activities.latest}
    />
  );
}

function ActivityTable(props: {
  rows: ViewActivity[];
  loading: boolean;
  error: unknown;
  showOwner?: boolean;
  showDone?: boolean;
  invalidate: QueryKey;
}) {
  const { t } = useTranslation();
  const typeLabel = useActivityTypeLabel();
  const today = isoDate();
  if (props.error) return <Alert color="red">{errorMessage(props.error, t)}</Alert>;
  if (!props.loading && props.rows.length === 0) {
    return (
      <Text c="dimmed" ta="center" p="md">
        {t('common.noResults')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="xs" aria-label={t('nav.activities')} aria-busy={props.loading ? true : undefined}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('activity.isDone')}</Table.Th>
            <Table.Th>{t('activity.dueDate')}</Table.Th>
            <Table.Th>{t('activity.type')}</Table.Th>
            <Table.Th>{t('activity.subject')}</Table.Th>
            <Table.Th>{t('activity.company')}</Table.Th>
            {props.showOwner ? <Table.Th>{t('activity.owner')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((a) => {
            const overdue = a.overdue ?? (!a.done && a.dueDate !== null && a.dueDate < today);
            return (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <DoneCheckbox activity={a} invalidate={props.invalidate} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={overdue ? 'red.7' : undefined} fw={overdue ? 600 : undefined}>
                    <DateText date={a.dueDate} />
                    {overdue ? ` · ${t('myDay.overdue')}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>{typeLabel(a.type)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/activities/${a.id}`}>
                    {a.subject}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {a.companyId ? (
                    <Anchor component={Link} to={`/companies/${a.companyId}`} c="inherit">
                      {a.companyName}
                    </Anchor>
                  ) : null}
                </Table.Td>
                {props.showOwner ? <Table.Td title={a.ownerName}>{a.ownerInitials}</Table.Td> : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
