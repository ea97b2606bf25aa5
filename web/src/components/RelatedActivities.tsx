import { Anchor, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useListQuery } from '../api/queries';
import type { Activity } from '../api/types';
import { useActivityTypeLabel } from '../hooks/use-activity-type-label';
import { DateText } from './Display';

type Props = {
  /** the filter, e.g. `{ opportunityId: 7 }` */
  filter: { companyId?: number; opportunityId?: number; contactId?: number };
  /** query string that pre-fills a new activity with the same links */
  newQuery: string;
};

/** The activities and follow-ups of one company or opportunity (T-3), open ones first. */
export function RelatedActivities({ filter, newQuery }: Props) {
  const { t } = useTranslation();
  const typeLabel = useActivityTypeLabel();
  const activities = useListQuery<Activity>('activities', { ...filter, sort: 'dueDate' }, 50);
  const rows = (activities.data?.pages.flatMap((page) => page.items) ?? []).sort((a, b) => Number(a.done) - Number(b.done));
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('nav.activities')}
        </Title>
        <Button size="xs" variant="light" component={Link} to={`/activities/new?${newQuery}`}>
          {t('activity.new')}
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {activities.isPending ? t('common.loading') : t('common.noResults')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table aria-label={t('nav.activities')}>
            <Table.Tbody>
              {rows.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Badge variant="light" color={a.done ? 'green' : 'gray'}>
                      {a.done ? t('activity.isDone') : t('activity.notDone')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{typeLabel(a.type)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/activities/${a.id}`}>
                      {a.subject}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <DateText date={a.dueDate} />
                  </Table.Td>
                  <Table.Td>{a.ownerInitials}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
