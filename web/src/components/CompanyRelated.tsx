import { Anchor, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useListQuery } from '../api/queries';
import type { Contact, Opportunity } from '../api/types';
import { DecisionDate, Money, StatusBadge } from './Display';

/** The company's contacts, primary first (C-4); `markedId` is the contact of the opportunity shown. */
export function CompanyContacts({ companyId, markedId }: { companyId: number; markedId?: number | null }) {
  const { t } = useTranslation();
  const contacts = useListQuery<Contact>('contacts', { companyId }, 50);
  const rows = contacts.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('nav.contacts')}
        </Title>
        <Button size="xs" variant="light" component={Link} to={`/contacts/new?companyId=${companyId}`}>
          {t('contact.new')}
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {contacts.isPending ? t('common.loading') : t('common.noResults')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={400}>
          <Table aria-label={t('nav.contacts')}>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/contacts/${c.id}`}>
                      {[c.firstName, c.lastName].filter(Boolean).join(' ')}
                    </Anchor>{' '}
                    {c.isPrimary ? (
                      <Badge size="xs" variant="light">
                        {t('contact.isPrimary')}
                      </Badge>
                    ) : null}
                    {markedId === c.id ? (
                      <Badge size="xs" color="teal" ml={4}>
                        {t('opportunity.theContact')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{c.title}</Table.Td>
                  <Table.Td>{c.email}</Table.Td>
                  <Table.Td>{c.phone ?? c.mobile}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** The company's opportunities, newest first; `excludeId` leaves out the one being shown. */
export function CompanyOpportunities({ companyId, excludeId }: { companyId: number; excludeId?: number }) {
  const { t } = useTranslation();
  const opportunities = useListQuery<Opportunity>('opportunities', { companyId, sort: '-number' }, 50);
  const rows = (opportunities.data?.pages.flatMap((page) => page.items) ?? []).filter((o) => o.id !== excludeId);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {excludeId ? t('opportunity.otherOfCompany') : t('nav.opportunities')}
        </Title>
        <Button size="xs" variant="light" component={Link} to={`/opportunities/new?companyId=${companyId}`}>
          {t('opportunity.new')}
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {opportunities.isPending ? t('common.loading') : t('common.noResults')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table aria-label={t('nav.opportunities')}>
            <Table.Tbody>
              {rows.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{o.number}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/opportunities/${o.id}`}>
                      {o.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{o.stageName}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={o.status} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money amount={o.amount} currency={o.currency} />
                  </Table.Td>
                  <Table.Td>
                    <DecisionDate date={o.decisionDate} color={o.decisionColor} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
