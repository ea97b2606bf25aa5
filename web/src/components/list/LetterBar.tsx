import { Button, Group, ScrollArea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LETTERS } from './list-params';

/** The A–Z + Æ Ø Å Ä Ö initial-letter filter (L-3); a second press on the chosen letter clears it. */
export function LetterBar({ value, onChange, label }: { value: string | null; onChange: (letter: string | null) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <ScrollArea type="auto" scrollbarSize={6} offsetScrollbars="x">
      <Group gap={2} wrap="nowrap" role="group" aria-label={label}>
        <Button
          size="compact-sm"
          variant={value ? 'subtle' : 'light'}
          aria-pressed={!value}
          onClick={() => onChange(null)}
          style={{ flexShrink: 0 }}
        >
          {t('common.all')}
        </Button>
        {LETTERS.map((letter) => (
          <Button
            key={letter}
            size="compact-sm"
            variant={value === letter ? 'filled' : 'subtle'}
            aria-pressed={value === letter}
            onClick={() => onChange(value === letter ? null : letter)}
            px={6}
            miw={28}
            style={{ flexShrink: 0 }}
          >
            {letter}
          </Button>
        ))}
      </Group>
    </ScrollArea>
  );
}
