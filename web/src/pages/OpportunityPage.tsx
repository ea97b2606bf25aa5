import { useState } from 'react';
import { Anchor, Button, Group, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { notifyError, notifySaved } from '../api/errors';
import { useCopyOpportunity, useDeleteOpportunity, useReopenOpportunity } from '../api/opportunity-mutations';
import { keys } from '../api/query-keys';
import type { Opportunity } from '../api/types';
import { CloseDialog, type Outcome } from '../components/CloseDialog';
import { CompanyContacts, CompanyOpportunities } from '../components/CompanyRelated';
import { DateTimeText, StatusBadge } from '../components/Display';
import { HistoryTable } from '../components/HistoryTable';
import { RecordState, parseId } from '../components/FormParts';
import { RelatedActivities } from '../components/RelatedActivities';
import { NotFoundPage } from './NotFoundPage';
import { CompetitorsTab } from './opportunity/CompetitorsTab';
import { OpportunityDetails } from './opportunity/OpportunityDetails';
import { ClosingsTab, FollowUpHistory } from './opportunity/RecordTabs';
import { useOpportunityValueFormat } from './opportunity/use-opportunity-value-format';
import { SellersTab } from './opportunity/SellersTab';
import { SummaryTab } from './opportunity/SummaryTab';

const TABS = ['summary', 'details', 'sellers', 'competitors', 'contacts', 'activities', 'other', 'history', 'closings'] as const;
type Tab = (typeof TABS)[number];

export function OpportunityPage() {
  const { id: param } = useParams();
  const id = parseId(param);
  if (param && id === null) return <NotFoundPage />;
  if (id === null) return <NewOpportunity />;
  return <OpportunityView key={id} id={id} />;
}

function NewOpportunity() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/opportunities" size="sm">
        ← {t('nav.opportunities')}
      </Anchor>
      <Title order={2}>{t('opportunity.new')}</Title>
      <OpportunityDetails id={null} />
    </Stack>
  );
}

/** U-3: the opportunity with its tabs; the tab is in the URL so a link or Back returns to it. */
function OpportunityView({ id }: { id: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reopen = useReopenOpportunity(id);
  const copy = useCopyOpportunity(id);
  const remove = useDeleteOpportunity(id);
  const [params, setParams] = useSearchParams();
  const [closing, setClosing] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<'reopen' | 'copy' | 'delete' | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const query = useQuery({ queryKey: keys.opportunities.detail(id), queryFn: () => api.get<Opportunity>(`/api/opportunities/${id}`) });
  const o = query.data;
  const { formatValue, formatField } = useOpportunityValueFormat(o ?? ({ currency: 'DKK' } as Opportunity));
  const tabParam = params.get('tab') as Tab | null;
  const tab: Tab = tabParam && TABS.includes(tabParam) ? tabParam : 'summary';
  // tabs once opened stay mounted, so unsaved details survive a look at another tab
  const [visited, setVisited] = useState<Set<Tab>>(() => new Set([tab]));

  if (!o) return <RecordState loading={query.isPending} error={query.error} />;
  const open = o.status === 'open';

  function selectTab(next: string | null) {
    if (!next) return;
    setVisited((current) => new Set(current).add(next as Tab));
    setParams(
      (current) => {
        const search = new URLSearchParams(current);
        if (next === 'summary') search.delete('tab');
        else search.set('tab', next);
        return search;
      },
      { replace: true },
    );
  }

  async function act(kind: 'reopen' | 'copy' | 'delete') {
    if (!o) return;
    setBusy(kind);
    try {
      if (kind === 'reopen') {
        await reopen.mutateAsync(o.version);
        notifySaved(t, t('opportunity.reopened'));
      } else if (kind === 'copy') {
        const copied = await copy.mutateAsync();
        notifySaved(t, t('opportunity.copied', { number: copied.number }));
        await navigate(`/opportunities/${copied.id}`);
      } else {
        await remove.mutateAsync();
        notifySaved(t, t('common.deleted'));
        await navigate('/opportunities');
      }
    } catch (error) {
      notifyError(error, t);
    } finally {
      setBusy(null);
    }
  }

  const show = (name: Tab) => visited.has(name) || tab === name;

  return (
    <Stack gap="md">
      <Group gap="md">
        <Anchor component={Link} to="/opportunities" size="sm">
          ← {t('nav.opportunities')}
        </Anchor>
        <Anchor component={Link} to="/board" size="sm">
          {t('nav.board')}
        </Anchor>
        <Anchor component={Link} to={`/companies/${o.companyId}`} size="sm">
          {o.companyName}
        </Anchor>
      </Group>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Group gap="sm">
            <Title order={2}>{`${o.number} · ${o.title}`}</Title>
            <StatusBadge status={o.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {o.stageName ? `${o.stageName} · ` : ''}
            {t('common.lastChanged')}: <DateTimeText timestamp={o.updatedAt} /> {o.updatedByInitials ?? ''}
          </Text>
        </div>
        <Group gap="xs">
          {open ? (
            <>
              <Button color="green" onClick={() => setClosing('won')}>
                {t('closing.action.won')}
              </Button>
              <Button color="red" onClick={() => setClosing('lost')}>
                {t('closing.action.lost')}
              </Button>
              <Button color="gray" variant="light" onClick={() => setClosing('expired')}>
                {t('closing.action.expired')}
              </Button>
            </>
          ) : (
            <Button variant="filled" loading={busy === 'reopen'} onClick={() => void act('reopen')}>
              {t('opportunity.reopen')}
            </Button>
          )}
          <Button variant="default" loading={busy === 'copy'} onClick={() => void act('copy')}>
            {t('opportunity.copy')}
          </Button>
          <Button variant="subtle" color="red" onClick={() => setConfirmDelete(true)}>
            {t('common.delete')}
          </Button>
        </Group>
      </Group>

      <Tabs value={tab} onChange={selectTab} keepMounted>
        <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name} style={{ flexShrink: 0 }}>
              {t(`opportunityTabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="summary" pt="md">
          {show('summary') ? <SummaryTab opportunity={o} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="details" pt="md">
          {show('details') ? <OpportunityDetails id={o.id} onReopen={() => void act('reopen')} reopening={busy === 'reopen'} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="sellers" pt="md">
          {show('sellers') ? <SellersTab opportunity={o} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="competitors" pt="md">
          {show('competitors') ? <CompetitorsTab opportunity={o} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          {show('contacts') ? <CompanyContacts companyId={o.companyId} markedId={o.contactId} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="activities" pt="md">
          {show('activities') ? (
            <Stack gap="md">
              <RelatedActivities
                filter={{ opportunityId: o.id }}
                newQuery={`opportunityId=${o.id}&companyId=${o.companyId}${o.contactId ? `&contactId=${o.contactId}` : ''}`}
              />
              <FollowUpHistory opportunity={o} />
            </Stack>
          ) : null}
        </Tabs.Panel>
        <Tabs.Panel value="other" pt="md">
          {show('other') ? <CompanyOpportunities companyId={o.companyId} excludeId={o.id} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          {show('history') ? (
            <HistoryTable resource="opportunities" id={o.id} labels="opportunity" formatValue={formatValue} formatField={formatField} />
          ) : null}
        </Tabs.Panel>
        <Tabs.Panel value="closings" pt="md">
          {show('closings') ? <ClosingsTab opportunity={o} /> : null}
        </Tabs.Panel>
      </Tabs>

      <CloseDialog opportunity={closing ? o : null} outcome={closing} onClose={() => setClosing(null)} />
      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title={t('common.confirmDeleteTitle')} centered>
        <Text mb="md">{t('common.confirmDelete')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirmDelete(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy === 'delete'} onClick={() => void act('delete')}>
            {t('common.delete')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
