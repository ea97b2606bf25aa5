import { Anchor, Badge, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../components/ListPage';
import { ImportButton } from '../components/ImportButton';
import type { Column } from '../components/DataTable';
import { DateText, DateTimeText, DecisionDate, Money, Percent, StatusBadge } from '../components/Display';
import { BulkActions } from '../components/list/BulkActions';
import type { Opportunity } from '../api/types';

export function OpportunitiesPage() {
  const { t } = useTranslation();

  const columns: Column<Opportunity>[] = [
    { key: 'number', label: t('opportunity.number'), sort: 'number', render: (o) => o.number },
    {
      key: 'title',
      label: t('opportunity.title'),
      sort: 'title',
      render: (o) => (
        <>
          <Anchor component={Link} to={`/opportunities/${o.id}`}>
            {o.title}
          </Anchor>
          {o.stagnant ? (
            <Tooltip label={t('opportunity.stagnantHint')}>
              <Badge ml="xs" size="xs" color="orange" variant="light">
                {t('opportunity.stagnant')}
              </Badge>
            </Tooltip>
          ) : null}
        </>
      ),
    },
    {
      key: 'companyName',
      label: t('opportunity.company'),
      sort: 'company',
      render: (o) => (
        <Anchor component={Link} to={`/companies/${o.companyId}`} c="inherit">
          {o.companyName}
        </Anchor>
      ),
    },
    { key: 'stageName', label: t('opportunity.stage'), sort: 'stage', render: (o) => o.stageName, wide: true },
    { key: 'status', label: t('opportunity.status'), sort: 'status', render: (o) => <StatusBadge status={o.status} /> },
    {
      key: 'amount',
      label: t('opportunity.amount'),
      sort: 'amount',
      align: 'right',
      exportKeys: ['amount', 'currency'],
      render: (o) => <Money amount={o.amount} currency={o.currency} />,
    },
    {
      key: 'probability',
      label: t('opportunity.probability'),
      sort: 'probability',
      align: 'right',
      render: (o) => <Percent value={o.probability} />,
      wide: true,
    },
    {
      key: 'weightedAmount',
      label: t('opportunity.weightedAmount'),
      sort: 'weightedAmount',
      align: 'right',
      render: (o) => <Money amount={o.weightedAmount} currency={o.currency} />,
      wide: true,
    },
    {
      key: 'decisionDate',
      label: t('opportunity.decisionDate'),
      sort: 'decisionDate',
      render: (o) => <DecisionDate date={o.decisionDate} color={o.decisionColor} />,
    },
    { key: 'ownerInitials', label: t('opportunity.ownerShort'), sort: 'ownerId', render: (o) => o.ownerInitials, wide: true },
    {
      key: 'updatedAt',
      label: t('common.lastChanged'),
      sort: 'updatedAt',
      wide: true,
      exportKeys: ['updatedAt', 'updatedByInitials'],
      render: (o) => (
        <Tooltip label={t('common.changedBy', { initials: o.updatedByInitials ?? '–' })}>
          <Text size="sm" span>
            <DateTimeText timestamp={o.updatedAt} /> {o.updatedByInitials ? `/ ${o.updatedByInitials}` : ''}
          </Text>
        </Tooltip>
      ),
    },
    {
      key: 'actualAmount',
      label: t('closing.actualAmount'),
      sort: 'actualAmount',
      align: 'right',
      defaultHidden: true,
      render: (o) => <Money amount={o.actualAmount} currency={o.currency} />,
    },
    {
      key: 'margin',
      label: t('opportunity.margin'),
      sort: 'margin',
      align: 'right',
      defaultHidden: true,
      render: (o) => <Money amount={o.margin} currency={o.currency} />,
    },
    {
      key: 'closeDate',
      label: t('closing.closeDate'),
      sort: 'closeDate',
      defaultHidden: true,
      render: (o) => <DateText date={o.closeDate} />,
    },
    {
      key: 'deliveryDate',
      label: t('opportunity.deliveryDate'),
      sort: 'deliveryDate',
      defaultHidden: true,
      render: (o) => <DateText date={o.deliveryDate} />,
    },
    {
      key: 'followUpDate',
      label: t('opportunity.followUpDate'),
      sort: 'followUpDate',
      defaultHidden: true,
      render: (o) => <DateText date={o.followUpDate} />,
    },
    {
      key: 'priority',
      label: t('opportunity.priority'),
      sort: 'priority',
      defaultHidden: true,
      render: (o) => t(`priority.${o.priority}`),
    },
    { key: 'rating', label: t('opportunity.rating'), sort: 'rating', align: 'right', defaultHidden: true, render: (o) => o.rating },
    {
      key: 'createdAt',
      label: t('filters.createdAt'),
      sort: 'createdAt',
      defaultHidden: true,
      render: (o) => <DateTimeText timestamp={o.createdAt} />,
    },
  ];

  return (
    <ListPage<Opportunity>
      resource="opportunities"
      title={t('nav.opportunities')}
      newLabel={t('opportunity.new')}
      newHref="/opportunities/new"
      columns={columns}
      rowKey={(o) => o.id}
      defaultSort="-number"
      searchHint={t('search.inOpportunities')}
      searchScopes
      letterLabel={t('filters.letter.opportunities')}
      summary
      actions={<ImportButton type="opportunities" />}
      bulk={{
        rowLabel: (o) => `${o.number} ${o.title}`,
        render: (selected, rows, clear) => <BulkActions selected={selected} rows={rows} onClear={clear} />,
      }}
    />
  );
}
