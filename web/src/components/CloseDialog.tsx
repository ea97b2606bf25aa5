import { useEffect } from 'react';
import { Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { notifySaved, showFormError } from '../api/errors';
import { useCloseOpportunity } from '../api/opportunity-mutations';
import { isoDate } from '../api/queries';
import { keys } from '../api/query-keys';
import type { CompetitorEntry, Opportunity } from '../api/types';
import { useNumberFormat } from '../hooks/use-number-format';
import { DateField } from './DateField';
import { numberOrNull, textOrNull } from './FormParts';
import { SetupSelect } from './SetupSelect';

export type Outcome = 'won' | 'lost' | 'expired';

type Values = {
  actualAmount: number | string;
  closeDate: string | null;
  deliveryDate: string | null;
  winReasonId: number | null;
  lossReasonId: number | null;
  winnerEntryId: number | null;
  note: string;
  finishFollowUps: boolean;
};

type Props = {
  opportunity: Opportunity | null;
  outcome: Outcome | null;
  onClose: () => void;
  onClosed?: (opportunity: Opportunity) => void;
};

/** Closing as won (O-9), lost or expired (O-10), with the fields and defaults of each. */
export function CloseDialog({ opportunity, outcome, onClose, onClosed }: Props) {
  const { t } = useTranslation();
  const opened = opportunity !== null && outcome !== null;
  return (
    <Modal opened={opened} onClose={onClose} title={outcome ? t(`closing.title.${outcome}`) : ''} centered>
      {opened ? <CloseForm opportunity={opportunity} outcome={outcome} onClose={onClose} onClosed={onClosed} /> : null}
    </Modal>
  );
}

function CloseForm({
  opportunity,
  outcome,
  onClose,
  onClosed,
}: {
  opportunity: Opportunity;
  outcome: Outcome;
  onClose: () => void;
  onClosed?: (o: Opportunity) => void;
}) {
  const { t } = useTranslation();
  const close = useCloseOpportunity(opportunity.id);
  const numberFormat = useNumberFormat();
  const today = isoDate();
  const form = useForm<Values>({
    initialValues: {
      actualAmount: opportunity.amount ?? '',
      closeDate: today,
      deliveryDate: opportunity.deliveryDate,
      winReasonId: null,
      lossReasonId: null,
      winnerEntryId: null,
      note: '',
      finishFollowUps: true,
    },
    validate: { closeDate: (value) => (value && value > today ? t('closing.noFutureDate') : null) },
  });

  // O-10: the winner is one of the opportunity's competitors
  const competitors = useQuery({
    queryKey: keys.opportunities.competitors(opportunity.id),
    queryFn: () => api.get<{ items: CompetitorEntry[] }>(`/api/opportunities/${opportunity.id}/competitors`),
    enabled: outcome === 'lost',
  });
  const entries = competitors.data?.items ?? [];
  const { clearErrors } = form;
  useEffect(() => clearErrors(), [outcome, clearErrors]);

  async function submit(values: Values) {
    const body: Record<string, unknown> = {
      outcome,
      closeDate: values.closeDate ?? undefined,
      note: textOrNull(values.note),
      finishFollowUps: values.finishFollowUps,
      version: opportunity.version,
    };
    if (outcome !== 'expired') body.deliveryDate = values.deliveryDate;
    if (outcome === 'won') {
      body.actualAmount = numberOrNull(values.actualAmount);
      body.winReasonId = values.winReasonId;
    }
    if (outcome === 'lost') {
      body.lossReasonId = values.lossReasonId;
      // picked as an entry of the opportunity's competitors, so a one-off name can win too (O-10)
      if (values.winnerEntryId !== null) body.winnerEntryId = values.winnerEntryId;
    }
    try {
      const closed = await close.mutateAsync(body);
      notifySaved(t, t(`closing.done.${outcome}`));
      onClosed?.(closed);
      onClose();
    } catch (error) {
      showFormError(form, error, t, {
        fieldMap: { winnerCompetitorId: 'winnerEntryId' },
        // the record as it is now is read again by useCloseOpportunity
        onConflict: () => onClose(),
      });
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {opportunity.number} · {opportunity.title} · {opportunity.companyName}
        </Text>
        {outcome === 'won' ? (
          <NumberInput
            label={t('closing.actualAmount')}
            description={t('closing.actualAmountHint')}
            min={0}
            decimalScale={2}
            {...numberFormat}
            {...form.getInputProps('actualAmount')}
          />
        ) : null}
        {outcome === 'won' ? (
          <SetupSelect list="win-reasons" label={t('closing.winReason')} {...form.getInputProps('winReasonId')} />
        ) : null}
        {outcome === 'lost' ? (
          <SetupSelect list="loss-reasons" label={t('closing.lossReason')} {...form.getInputProps('lossReasonId')} />
        ) : null}
        {outcome === 'lost' ? (
          <Select<number>
            label={t('closing.winner')}
            description={entries.length === 0 ? t('closing.noCompetitors') : undefined}
            data={entries.map((e) => ({
              value: e.id,
              label: `${e.name} (${t('competitors.threat')} ${e.threat})${e.competitorId === null ? ` · ${t('competitors.oneOff')}` : ''}`,
            }))}
            clearable
            disabled={entries.length === 0}
            {...form.getInputProps('winnerEntryId')}
          />
        ) : null}
        <DateField label={t('closing.closeDate')} maxDate={today} {...form.getInputProps('closeDate')} />
        {outcome !== 'expired' ? <DateField label={t('opportunity.deliveryDate')} {...form.getInputProps('deliveryDate')} /> : null}
        <Textarea label={t('closing.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <Checkbox label={t('closing.finishFollowUps')} {...form.getInputProps('finishFollowUps', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={close.isPending} color={outcome === 'won' ? 'green' : outcome === 'lost' ? 'red' : 'gray'}>
            {t(`closing.submit.${outcome}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
