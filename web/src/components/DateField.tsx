import { DateInput, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import { useLanguage } from '../i18n';
import { dateInputFormat } from '../i18n/format';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** A date typed or picked in the user's format (05.03.2026, 2026-03-05, 5 Mar 2026), valued `YYYY-MM-DD`. */
export function DateField({ value, onChange, ...rest }: Props) {
  const language = useLanguage();
  const format = dateInputFormat(language);
  return (
    <DateInput
      {...rest}
      value={value || null}
      onChange={(next) => onChange?.(next ? dayjs(next).format('YYYY-MM-DD') : null)}
      valueFormat={format}
      dateParser={(text) => {
        // accept the user's own format and ISO, strictly, so 31.02 is not silently moved to March
        for (const pattern of [format, 'YYYY-MM-DD', 'DD.MM.YYYY', 'D.M.YYYY', 'DD/MM/YYYY', 'D/M/YYYY']) {
          const parsed = dayjs(text.trim(), pattern, true);
          if (parsed.isValid()) return parsed.format('YYYY-MM-DD');
        }
        return null;
      }}
      clearable
    />
  );
}
