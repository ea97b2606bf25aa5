import { ActionIcon, Anchor, Avatar, Badge, Group, Menu, Paper, Text, Tooltip } from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Opportunity, Stage } from '../api/types';
import type { Outcome } from './CloseDialog';
import { DecisionDate, Money, Percent } from './Display';

export type CardActions = {
  stages: Stage[];
  onMove: (opportunity: Opportunity, stageId: number) => void;
  onClose: (opportunity: Opportunity, outcome: Outcome) => void;
};

/** What a card shows: company, title, amount, probability, owner initials, coloured decision date (U-1). */
export function CardBody({ opportunity: o }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  return (
    <>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed" truncate>
          {o.companyName}
        </Text>
        {o.stagnant ? (
          <Tooltip label={t('opportunity.stagnantHint')}>
            <Badge size="xs" color="orange" variant="light" style={{ flexShrink: 0 }}>
              {t('opportunity.stagnant')}
            </Badge>
          </Tooltip>
        ) : null}
      </Group>
      <Anchor component={Link} to={`/opportunities/${o.id}`} size="sm" fw={600} lineClamp={2}>
        {o.title}
      </Anchor>
      <Group justify="space-between" gap={4} mt={4} wrap="nowrap">
        <Text size="sm" fw={500}>
          <Money amount={o.amount} currency={o.currency} />
        </Text>
        <Text size="xs" c="dimmed" data-field="probability">
          <Percent value={o.probability} />
        </Text>
      </Group>
      <Group justify="space-between" gap={4} mt={4} wrap="nowrap">
        <Tooltip label={t('opportunity.owner')}>
          <Avatar size="sm" radius="xl" color="indigo" aria-label={`${t('opportunity.owner')}: ${o.ownerInitials}`}>
            {o.ownerInitials}
          </Avatar>
        </Tooltip>
        <Text size="xs">
          <DecisionDate date={o.decisionDate} color={o.decisionColor} />
        </Text>
      </Group>
    </>
  );
}

/** One opportunity on the board: dragged by its handle, or moved with its menu from the keyboard. */
export function BoardCard({ opportunity: o, actions }: { opportunity: Opportunity; actions: CardActions }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: `opportunity-${o.id}`,
    data: { opportunity: o },
  });

  return (
    <Paper
      ref={setNodeRef}
      component="article"
      aria-label={`${o.title}, ${o.companyName}`}
      withBorder
      shadow="xs"
      p="xs"
      pl={4}
      style={{ opacity: isDragging ? 0.4 : 1, display: 'flex', gap: 4 }}
    >
      <ActionIcon
        ref={setActivatorNodeRef}
        variant="subtle"
        color="gray"
        size="sm"
        aria-label={t('board.dragCard', { title: `${o.title}, ${o.companyName}` })}
        style={{ cursor: 'grab', touchAction: 'none', alignSelf: 'center' }}
        {...attributes}
        {...listeners}
      >
        <span aria-hidden="true">⠿</span>
      </ActionIcon>
      <div style={{ flex: 1, minWidth: 0 }}>
        <CardBody opportunity={o} />
      </div>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('board.cardMenu', { title: `${o.title}, ${o.companyName}` })}>
            <span aria-hidden="true">⋯</span>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('board.moveTo')}</Menu.Label>
          {actions.stages.map((stage) => (
            <Menu.Item key={stage.id} disabled={stage.id === o.stageId} onClick={() => actions.onMove(o, stage.id)}>
              {stage.name} ({stage.probability} %)
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item color="green" onClick={() => actions.onClose(o, 'won')}>
            {t('closing.action.won')}
          </Menu.Item>
          <Menu.Item color="red" onClick={() => actions.onClose(o, 'lost')}>
            {t('closing.action.lost')}
          </Menu.Item>
          <Menu.Item onClick={() => actions.onClose(o, 'expired')}>{t('closing.action.expired')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Paper>
  );
}
