import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { notifyError } from '../../api/errors';
import { useChangeSellers, type SellerChange } from '../../api/opportunity-mutations';
import { keys } from '../../api/query-keys';
import { useUsers } from '../../api/queries';
import { useCurrentUser } from '../../api/session';
import type { Opportunity, Seller, SellerList } from '../../api/types';
import { useLanguage } from '../../i18n';
import { formatPercent } from '../../i18n/format';
import { numberOrNull } from '../../components/FormParts';

/** A share typed as a number with two decimals; saved when the field is left or Enter is pressed. */
function ShareInput({ seller, disabled, onSave }: { seller: Seller; disabled: boolean; onSave: (share: number) => Promise<void> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [value, setValue] = useState<number | string>(seller.share);
  // a share saved elsewhere replaces what the field shows
  const [shownShare, setShownShare] = useState(seller.share);
  if (shownShare !== seller.share) {
    setShownShare(seller.share);
    setValue(seller.share);
  }
  const commit = () => {
    const share = numberOrNull(value);
    if (share === null || share === seller.share) {
      setValue(seller.share);
      return;
    }
    void onSave(share);
  };
  return (
    <NumberInput
      aria-label={t('sellers.shareOf', { name: seller.name })}
      value={value}
      onChange={setValue}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
      min={0}
      max={100}
      decimalScale={2}
      fixedDecimalScale
      decimalSeparator={language === 'en' ? '.' : ','}
      suffix=" %"
      w={130}
      disabled={disabled}
    />
  );
}

/** Sellers and commission split (O-16 … O-20): the API decides the shares; the sum and warning are shown as answered. */
export function SellersTab({ opportunity: o }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const changeSellers = useChangeSellers(o.id);
  const users = useUsers();
  const sellers = useQuery({
    queryKey: keys.opportunities.sellers(o.id),
    queryFn: () => api.get<SellerList>(`/api/opportunities/${o.id}/sellers`),
  });
  const [newUser, setNewUser] = useState<number | null>(null);
  const [newShare, setNewShare] = useState<number | string>('');
  const [busy, setBusy] = useState(false);
  const me = useCurrentUser();
  // O-16, O-17: who sells on it, with what share, is its owner's (or a manager's) to change
  const readOnly = o.status !== 'open' || (me.role === 'seller' && o.ownerId !== me.id);
  const list = sellers.data;
  // the opportunity's version guards the seller list (O-25): the newest this page has read, the
  // record's or the one in the list's last answer
  const knownVersion = Math.max(o.version, list?.version ?? 0);

  async function change(next: SellerChange) {
    setBusy(true);
    try {
      await changeSellers.mutateAsync(next);
    } catch (error) {
      notifyError(error, t);
    } finally {
      setBusy(false);
    }
  }

  async function add() {
    if (newUser === null) return;
    const share = numberOrNull(newShare);
    await change({ kind: 'add', userId: newUser, share });
    setNewUser(null);
    setNewShare('');
  }

  const taken = new Set(list?.sellers.map((s) => s.userId));
  const candidates = (users.data ?? []).filter((u) => !taken.has(u.id)).map((u) => ({ value: u.id, label: `${u.name} (${u.initials})` }));

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={3} size="h4">
            {t('sellers.title')}
          </Title>
          {list ? (
            <Text fw={700} size="lg" data-field="share-sum" c={list.warning ? 'orange.8' : undefined}>
              {t('sellers.sum')}: {formatPercent(list.sum, language)}
            </Text>
          ) : null}
        </Group>
        {list?.warning ? (
          <Alert color="orange" title={t('sellers.warningTitle')} role="alert" data-field="share-warning">
            {list.warning} ({t('sellers.sum')}: {formatPercent(list.sum, language)})
          </Alert>
        ) : null}
        {sellers.error ? <Alert color="red">{t('errors.generic')}</Alert> : null}
        <Table.ScrollContainer minWidth={360}>
          <Table aria-label={t('sellers.title')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sellers.seller')}</Table.Th>
                <Table.Th>{t('sellers.share')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list?.sellers ?? []).map((seller) => (
                <Table.Tr key={seller.userId}>
                  <Table.Td>
                    {seller.name} ({seller.initials})
                    {seller.userId === o.ownerId ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · {t('opportunity.owner')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <ShareInput
                      seller={seller}
                      disabled={readOnly || busy}
                      onSave={(share) => change({ kind: 'share', userId: seller.userId, share, version: knownVersion })}
                    />
                  </Table.Td>
                  <Table.Td ta="right">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('sellers.remove', { name: seller.name })}
                      disabled={readOnly || busy || (list?.sellers.length ?? 0) < 2}
                      onClick={() => void change({ kind: 'remove', userId: seller.userId })}
                    >
                      <span aria-hidden="true">✕</span>
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {readOnly ? null : (
          <Group align="flex-end" gap="sm">
            <Select<number>
              label={t('sellers.add')}
              data={candidates}
              value={newUser}
              onChange={setNewUser}
              searchable
              clearable
              w={{ base: '100%', sm: 260 }}
            />
            <NumberInput
              label={t('sellers.shareOptional')}
              value={newShare}
              onChange={setNewShare}
              min={0}
              max={100}
              decimalScale={2}
              decimalSeparator={language === 'en' ? '.' : ','}
              suffix=" %"
              w={150}
            />
            <Button onClick={() => void add()} disabled={newUser === null} loading={busy}>
              {t('sellers.addButton')}
            </Button>
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {t('sellers.rules')}
        </Text>
      </Stack>
    </Paper>
  );
}
