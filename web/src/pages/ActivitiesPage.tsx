import { Anchor, Badge, Select } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ListPage, useListUrlState } from '../components/ListPage';
import type { Column } from '../components/DataTable';
import { DateText } from '../components/Display';
import { ActivityTypeSelect, useActivityTypeLabel } from '../components/ActivityTypeSelect';
import type { Activity } from '../api/types';

export function ActivitiesPage() {
  const { t } = useTranslation();
  const typeLabel = useActivityTypeLabel();
  const { params, set } = useListUrlState('dueDate');
  // open activities unless asked otherwise: the list is a to-do list first (T-3)
  const shown = params.get('shown') ?? 'open';
  const done = shown === 'open' ? 'false' : shown === 'done' ? 'true' : undefined;
  const type = params.get('type');

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
    { key: 'dueDate', label: t('activity.dueDate'), sort: 'dueDate', render: (a) => <DateText date={a.dueDate} /> },
    {
      key: 'company',
      label: t('activity.company'),
      render: (a) =>
        a.companyId ? (
          <Anchor component={Link} to={`/companies/${a.companyId}`} c="inherit">
            {a.companyName}
          </Anchor>
        ) : null,
    },
    {
      key: 'opportunity',
      label: t('activity.opportunity'),
      wide: true,
      render: (a) =>
        a.opportunityId ? (
          <Anchor component={Link} to={`/opportunities/${a.opportunityId}`} c="inherit">
            {a.opportunityTitle}
          </Anchor>
        ) : null,
    },
    { key: 'owner', label: t('opportunity.ownerShort'), render: (a) => a.ownerInitials, wide: true },
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
      filterParams={{ done, type: type ?? undefined }}
      filters={
        <>
          <Select
            label={t('activity.shown')}
            data={[
              { value: 'open', label: t('activity.notDone') },
              { value: 'done', label: t('activity.isDone') },
              { value: 'all', label: t('common.all') },
            ]}
            value={shown}
            onChange={(value) => set('shown', value === 'open' ? null : value)}
            allowDeselect={false}
            w={160}
          />
          <ActivityTypeSelect
            label={t('activity.type')}
            value={type}
            onChange={(value) => set('type', value)}
            clearable
            placeholder={t('common.all')}
            w={180}
          />
        </>
      }
    />
  );
}
