import { Anchor, Badge, Select, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ListPage, useListUrlState } from '../components/ListPage';
import type { Column } from '../components/DataTable';
import { DateTimeText, DecisionDate, Money, Percent, StatusBadge } from '../components/Display';
import type { Opportunity, OpportunityStatus } from '../api/types';

const STATUSES: OpportunityStatus[] = ['open', 'won', 'lost', 'expired'];

export function OpportunitiesPage() {
  const { t } = useTranslation();
  const { params, set } = useListUrlState('-number');
  const status = params.get('status');

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
      key: 'company',
      label: t('opportunity.company'),
      sort: 'company',
      render: (o) => (
        <Anchor component={Link} to={`/companies/${o.companyId}`} c="inherit">
          {o.companyName}
        </Anchor>
      ),
    },
    { key: 'stage', label: t('opportunity.stage'), sort: 'stage', render: (o) => o.stageName, wide: true },
    { key: 'status', label: t('opportunity.status'), sort: 'status', render: (o) => <StatusBadge status={o.status} /> },
    { key: 'amount', label: t('opportunity.amount'), sort: 'amount', align: 'right', render: (o) => <Money amount={o.amount} currency={o.currency} /> },
    { key: 'probability', label: t('opportunity.probability'), sort: 'probability', align: 'right', render: (o) => <Percent value={o.probability} />, wide: true },
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
    { key: 'owner', label: t('opportunity.ownerShort'), render: (o) => o.ownerInitials, wide: true },
    {
      key: 'updatedAt',
      label: t('common.lastChanged'),
      sort: 'updatedAt',
      wide: true,
      render: (o) => (
        <Tooltip label={t('common.changedBy', { initials: o.updatedByInitials ?? '–' })}>
          <Text size="sm" span>
            <DateTimeText timestamp={o.updatedAt} /> {o.updatedByInitials ? `/ ${o.updatedByInitials}` : ''}
          </Text>
        </Tooltip>
      ),
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
      filterParams={{ status: status ?? undefined }}
      filters={
        <Select
          label={t('opportunity.status')}
          data={STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
          value={status}
          onChange={(value) => set('status', value)}
          clearable
          placeholder={t('common.all')}
          w={180}
        />
      }
    />
  );
}
