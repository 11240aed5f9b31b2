// The visit settings' days off: public holidays (any date) and make-up working days (调休上班:
// Saturdays or Sundays worked, when visits may fall). Shown on the settings card and edited in
// its form; main checks every date and names a refused one (holidays.N / workdays.N).
import { DatePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { VisitPlanSettings } from '@shared/types-visits';
import { useVt } from './common';

type DaysOff = Pick<VisitPlanSettings, 'holidays' | 'workdays'>;

export function DaysOffSummary({ settings }: { settings: DaysOff }) {
  const t = useVt();
  return (
    <>
      <div style={{ marginTop: 12 }} data-testid="visit-holidays">
        <Typography.Text strong>{t('settings.holidays')}</Typography.Text>{' '}
        <Typography.Text type="secondary">
          {settings.holidays?.length ? settings.holidays.join('、') : t('settings.noHolidays')}
        </Typography.Text>
      </div>
      <div style={{ marginTop: 4 }} data-testid="visit-workdays">
        <Typography.Text strong>{t('settings.workdays')}</Typography.Text>{' '}
        <Typography.Text type="secondary">
          {settings.workdays?.length ? settings.workdays.join('、') : t('settings.noWorkdays')}
        </Typography.Text>
      </div>
    </>
  );
}

const isWeekend = (d: Dayjs) => d.day() === 0 || d.day() === 6;

export function DaysOffFields({
  draft,
  errors,
  onChange,
}: {
  draft: DaysOff;
  errors: Record<string, string>;
  onChange: (patch: DaysOff) => void;
}) {
  const t = useVt();
  const errorOf = (list: string) => Object.entries(errors).find(([k]) => k.startsWith(list))?.[1];
  const dates = (ds: Dayjs[] | null) => (ds ?? []).map((x) => x.format('YYYY-MM-DD')).sort();
  const holidays = draft.holidays ?? [];
  const workdays = draft.workdays ?? [];
  return (
    <>
      <div style={{ marginTop: 8 }} data-testid="visit-holidays-picker">
        <Typography.Text strong>{t('settings.holidays')}</Typography.Text>
        <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{t('settings.holidaysHelp')}</div>
        <DatePicker
          multiple
          style={{ width: '100%' }}
          value={holidays.map((d) => dayjs(d))}
          onChange={(ds) => onChange({ holidays: dates(ds) })}
        />
        {errorOf('holidays') && (
          <Typography.Text type="danger" data-testid="holidays-error">
            {errorOf('holidays')}
          </Typography.Text>
        )}
      </div>
      <div style={{ marginTop: 8 }} data-testid="visit-workdays-picker">
        <Typography.Text strong>{t('settings.workdays')}</Typography.Text>
        <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{t('settings.workdaysHelp')}</div>
        <DatePicker
          multiple
          style={{ width: '100%' }}
          value={workdays.map((d) => dayjs(d))}
          // only Saturdays and Sundays that are not holidays can be worked in place of a holiday
          disabledDate={(d) => !isWeekend(d) || holidays.includes(d.format('YYYY-MM-DD'))}
          onChange={(ds) => onChange({ workdays: dates(ds) })}
        />
        {errorOf('workdays') && (
          <Typography.Text type="danger" data-testid="workdays-error">
            {errorOf('workdays')}
          </Typography.Text>
        )}
      </div>
    </>
  );
}
