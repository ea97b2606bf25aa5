import { useState } from 'react';
import { Alert, Box, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { setParam, useUrlParams } from '../components/list/use-url-params';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';
import { notifications } from '@mantine/notifications';
import { useMoveOpportunity } from '../api/opportunity-mutations';
import { useSalesProcesses } from '../api/queries';
import { keys } from '../api/query-keys';
import { useCurrentUser, useInstance } from '../api/session';
import type { BoardAnswer, Opportunity } from '../api/types';
import { BoardColumn, COLUMN_PAGE, columnParams } from '../components/BoardColumn';
import { CardBody, type CardActions } from '../components/BoardCard';
import { CloseDialog, type Outcome } from '../components/CloseDialog';
import { RecordState } from '../components/FormParts';

const DIRECTIONS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

/** From the keyboard, an arrow moves a picked-up card to the next column or drop zone in that direction. */
const jumpToDropTarget: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const direction = DIRECTIONS[event.code];
  const rect = context.collisionRect;
  if (!direction || !rect) return undefined;
  event.preventDefault();
  const [dx, dy] = direction;
  const from = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  let best: { x: number; y: number } | null = null;
  let bestScore = Infinity;
  for (const [id, target] of context.droppableRects) {
    // a column is tall: aim at its top part, where the first cards are
    const to = {
      x: target.left + target.width / 2,
      y: String(id).startsWith('stage-') ? target.top + Math.min(target.height / 2, 120) : target.top + target.height / 2,
    };
    const along = (to.x - from.x) * dx + (to.y - from.y) * dy;
    if (along <= 10) continue;
    const across = Math.abs(dx !== 0 ? to.y - from.y : to.x - from.x);
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = to;
    }
  }
  if (!best) return currentCoordinates;
  return { x: currentCoordinates.x + best.x - from.x, y: currentCoordinates.y + best.y - from.y };
};

/** The pipeline board (U-1): a column per stage, drag a card to move it, drop on Won / Lost to close it. */
export function BoardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const instance = useInstance();
  const moveCard = useMoveOpportunity();
  const processes = useSalesProcesses();
  const { params, update: updateParams } = useUrlParams();
  const [dragged, setDragged] = useState<Opportunity | null>(null);
  const [closing, setClosing] = useState<{ opportunity: Opportunity; outcome: Outcome } | null>(null);

  const defaultProcess = processes.data?.find((p) => p.isDefault) ?? processes.data?.[0];
  const processId = Number(params.get('process')) || defaultProcess?.id;
  const mine = params.get('mine') === '1';
  const sellerId = mine ? user.id : undefined;
  const process = processes.data?.find((p) => p.id === processId);
  const stages = [...(process?.stages ?? [])].sort((a, b) => a.position - b.position);

  const board = useQuery({
    queryKey: keys.opportunities.boardOf(processId, sellerId ?? null),
    queryFn: () => api.get<BoardAnswer>('/api/opportunities/board', { processId, sellerId }),
    enabled: processId !== undefined,
  });

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: jumpToDropTarget }),
  );

  function setBoardParam(name: string, value: string | null) {
    updateParams((next) => setParam(next, name, value));
  }

  // the card list of a column, as BoardColumn reads it
  const keyOf = (stageId: number) => keys.opportunities.list(columnParams(processId ?? 0, stageId, sellerId), COLUMN_PAGE);

  /** Moves a card to another stage: at once on the screen, then PATCH; put back with a message when refused. */
  async function move(o: Opportunity, stageId: number) {
    if (o.stageId === stageId || o.stageId === null) return;
    const stage = stages.find((s) => s.id === stageId);
    try {
      await moveCard.mutateAsync({
        opportunity: o,
        stageId,
        stageName: stage?.name ?? null,
        fromKey: keyOf(o.stageId),
        toKey: keyOf(stageId),
      });
      notifications.show({ color: 'teal', message: t('board.moved', { title: o.title, stage: stage?.name ?? '' }) });
    } catch (error) {
      notifications.show({ color: 'red', title: t('board.moveFailed'), message: errorMessage(error, t), autoClose: 8000 });
    }
  }

  const actions: CardActions = {
    stages,
    onMove: (o, stageId) => void move(o, stageId),
    onClose: (opportunity, outcome) => setClosing({ opportunity, outcome }),
  };

  function onDragStart(event: DragStartEvent) {
    setDragged((event.active.data.current?.opportunity as Opportunity | undefined) ?? null);
  }

  function onDragEnd(event: DragEndEvent) {
    setDragged(null);
    const o = event.active.data.current?.opportunity as Opportunity | undefined;
    const target = event.over?.id;
    if (!o || target === undefined) return;
    if (target === 'won' || target === 'lost') setClosing({ opportunity: o, outcome: target });
    else if (typeof target === 'string' && target.startsWith('stage-')) void move(o, Number(target.slice(6)));
  }

  const stageName = (id: string | number | undefined) => {
    if (id === 'won' || id === 'lost') return t(`status.${id}`);
    return stages.find((s) => `stage-${s.id}` === id)?.name ?? '';
  };
  const titleOf = (active: { data: { current?: Record<string, unknown> } }) =>
    (active.data.current?.opportunity as Opportunity | undefined)?.title ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('board.announce.start', { title: titleOf(active) }),
    onDragOver: ({ active, over }) => (over ? t('board.announce.over', { title: titleOf(active), target: stageName(over.id) }) : undefined),
    onDragEnd: ({ active, over }) =>
      over
        ? t('board.announce.drop', { title: titleOf(active), target: stageName(over.id) })
        : t('board.announce.cancel', { title: titleOf(active) }),
    onDragCancel: ({ active }) => t('board.announce.cancel', { title: titleOf(active) }),
  };

  if (processes.isPending || processes.error) return <RecordState loading={processes.isPending} error={processes.error} />;

  return (
    <Stack gap="sm" h="calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-md))">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={2}>{t('board.title')}</Title>
        <Group gap="sm" align="flex-end">
          <Select<number>
            label={t('opportunity.process')}
            data={processes.data.filter((p) => p.active || p.id === processId).map((p) => ({ value: p.id, label: p.name }))}
            value={processId ?? null}
            onChange={(value) => setBoardParam('process', value === defaultProcess?.id || value === null ? null : String(value))}
            allowDeselect={false}
            w={200}
          />
          <SegmentedControl
            aria-label={t('board.whose')}
            data={[
              { value: 'all', label: t('board.all') },
              { value: 'mine', label: t('board.mine') },
            ]}
            value={mine ? 'mine' : 'all'}
            onChange={(value) => setBoardParam('mine', value === 'mine' ? '1' : null)}
          />
          <Button component={Link} to="/opportunities/new" variant="light">
            {t('opportunity.new')}
          </Button>
        </Group>
      </Group>
      {board.error ? <Alert color="red">{errorMessage(board.error, t)}</Alert> : null}
      <DndContext
        sensors={sensors}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragged(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.instructions') } }}
      >
        <Box
          style={{
            flex: 1,
            minHeight: 0,
            display: 'flex',
            gap: 'var(--mantine-spacing-sm)',
            overflowX: 'auto',
            scrollSnapType: 'x proximity',
            paddingBottom: 4,
          }}
        >
          {processId !== undefined
            ? (board.data?.columns ?? []).map((column) => (
                <BoardColumn
                  key={`${processId}-${column.stageId}`}
                  column={column}
                  processId={processId}
                  sellerId={sellerId}
                  baseCurrency={instance?.baseCurrency ?? 'DKK'}
                  actions={actions}
                />
              ))
            : null}
        </Box>
        <Group grow gap="sm" aria-label={t('board.closeZones')} role="group">
          <CloseZone outcome="won" />
          <CloseZone outcome="lost" />
        </Group>
        <DragOverlay dropAnimation={null}>
          {dragged ? (
            <Paper withBorder shadow="md" p="xs" w={270} style={{ cursor: 'grabbing' }}>
              <CardBody opportunity={dragged} />
            </Paper>
          ) : null}
        </DragOverlay>
      </DndContext>
      <CloseDialog opportunity={closing?.opportunity ?? null} outcome={closing?.outcome ?? null} onClose={() => setClosing(null)} />
    </Stack>
  );
}

/** A drop zone that opens the closing dialog (U-1). */
function CloseZone({ outcome }: { outcome: 'won' | 'lost' }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: outcome });
  const color = outcome === 'won' ? 'green' : 'red';
  return (
    <Paper
      ref={setNodeRef}
      data-drop-zone={outcome}
      p="sm"
      radius="md"
      style={{
        border: `2px dashed var(--mantine-color-${color}-6)`,
        background: isOver ? `var(--mantine-color-${color}-light)` : undefined,
        textAlign: 'center',
      }}
    >
      <Text fw={600} c={`${color}.7`}>
        {t(`board.dropZone.${outcome}`)}
      </Text>
    </Paper>
  );
}
