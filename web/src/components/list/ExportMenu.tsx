import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { exportUrl } from './list-params';

type Format = { key: string; format: 'csv' | 'xlsx' | 'pdf' | 'vcf'; delimiter?: 'semicolon' };

const FORMATS: Format[] = [
  { key: 'xlsx', format: 'xlsx' },
  { key: 'csv', format: 'csv' },
  { key: 'csvNordic', format: 'csv', delimiter: 'semicolon' },
  { key: 'pdf', format: 'pdf' },
];

/**
 * L-6: the whole selection (every row, not only the loaded ones) with the list's filters, sort and
 * visible columns. Plain links: the browser streams the file to disk with the session cookie.
 */
export function ExportMenu({
  resource,
  query,
  columns,
  vcard,
}: {
  resource: string;
  query: Record<string, string>;
  columns: string[];
  vcard?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formats: Format[] = vcard ? [...FORMATS, { key: 'vcf', format: 'vcf' }] : FORMATS;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default">{t('export.button')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('export.wholeSelection')}</Menu.Label>
        {formats.map((f) => (
          <Menu.Item
            key={f.key}
            component="a"
            href={exportUrl(resource, query, { format: f.format, delimiter: f.delimiter, lang: language, columns })}
            download
          >
            {t(`export.formats.${f.key}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
