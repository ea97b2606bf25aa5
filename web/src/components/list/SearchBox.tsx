import { useEffect, useEffectEvent, useState } from 'react';
import { ActionIcon, Group, Popover, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { SEARCH_SCOPES, type SearchScope } from './list-params';

type Props = {
  /** the text in the URL under `scope` */
  value: string;
  scope: SearchScope;
  /** offer subject / note besides free text (opportunities) */
  withScopes: boolean;
  /** what free text looks in, e.g. "name, search name, account number…" */
  scopeHint: string;
  /** writes the text (after a pause in typing) under the scope's parameter */
  onSearch: (scope: SearchScope, text: string | null, previous: SearchScope) => void;
};

/** What `AS%`, `%AS` and `AS` mean (L-3), shown beside the search box. */
function SearchHelp({ withScopes, scopeHint }: { withScopes: boolean; scopeHint: string }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    ['AS%', t('search.startsWith', { text: 'AS' })],
    ['%AS', t('search.endsWith', { text: 'AS' })],
    ['AS', t('search.contains', { text: 'AS' })],
  ];
  return (
    <Popover width={320} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" radius="xl" aria-label={t('search.help')} size="lg" mb={2}>
          <Text fw={700} aria-hidden="true">
            ?
          </Text>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('search.helpTitle')}
          </Text>
          <Table withRowBorders={false} verticalSpacing={2} fz="sm">
            <Table.Tbody>
              {rows.map(([pattern, meaning]) => (
                <Table.Tr key={pattern}>
                  <Table.Td>
                    <Text ff="monospace" fw={700} size="sm">
                      {pattern}
                    </Text>
                  </Table.Td>
                  <Table.Td>{meaning}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm">{t('search.caseAndLetters')}</Text>
          <Text size="sm" c="dimmed">
            {withScopes ? t('search.scopesHint') : scopeHint}
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The text search of a list with wildcards (L-3) and, for opportunities, where to look. */
export function SearchBox({ value, scope, withScopes, scopeHint, onSearch }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text.trim(), 300);

  // typing drives the URL (after a pause) …
  const searchTyped = useEffectEvent((typed: string) => {
    if (typed !== value) onSearch(scope, typed || null, scope);
  });
  useEffect(() => {
    searchTyped(debounced);
  }, [debounced]);
  // … and a URL changed from outside (a link, Back, a saved view) drives the box
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    if (value !== debounced) setText(value);
  }

  return (
    <Group gap={4} align="flex-end" wrap="nowrap" style={{ flex: '1 1 320px', maxWidth: 560 }}>
      {withScopes ? (
        <Select
          label={t('search.scope')}
          data={SEARCH_SCOPES.map((s) => ({ value: s, label: t(`filters.scope.${s}`) }))}
          value={scope}
          onChange={(next) => next && next !== scope && onSearch(next, text.trim() || null, scope)}
          allowDeselect={false}
          w={130}
          comboboxProps={{ withinPortal: true }}
        />
      ) : null}
      <TextInput
        label={t('common.search')}
        type="search"
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        style={{ flex: 1 }}
        autoComplete="off"
      />
      <SearchHelp withScopes={withScopes} scopeHint={scopeHint} />
    </Group>
  );
}
