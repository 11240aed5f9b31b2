// 催收日历: month, week and agenda views (FullCalendar, zh-cn locale) of the collection calendar:
// each day's due amount, promises with status, planned calls and visits, statements sent and slip
// follow-ups; open work dated before today stays on today until done. Clicking an item opens the
// customer. The visible range exports as .ics.
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import listPlugin from '@fullcalendar/list';
import interactionPlugin from '@fullcalendar/interaction';
import zhCnLocale from '@fullcalendar/core/locales/zh-cn';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { call } from '../../api/client';
import { currentLang } from '../../i18n';
import { calendarEvents } from './calendar-events';
import { CalendarFilters, type CalendarFilterValue } from './CalendarFilters';
import { KIND_COLOURS, qkCollections, useToday, useCt } from './common';
import './i18n';
import '../visits/i18n';
import './collections.css';

export function CalendarPage() {
  const t = useCt();
  const navigate = useNavigate();
  const asOf = useToday();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [filters, setFilters] = useState<CalendarFilterValue>({});
  // a month back as well, so open calls/visits from before the view are carried to today
  const from = range ? dayjs(range.from).subtract(30, 'day').format('YYYY-MM-DD') : null;
  const q = useQuery({
    enabled: !!range,
    queryKey: [...qkCollections, 'calendar', from, range?.to, asOf, filters],
    queryFn: () => call('collections:calendar', { from: from!, to: range!.to, asOf, ...filters }),
  });
  const events = useMemo(
    () =>
      q.data && range
        ? calendarEvents(q.data, asOf, t as never, KIND_COLOURS).filter((e) => e.start >= range.from)
        : [],
    [q.data, range, asOf, t],
  );
  const exportIcs = async () => {
    if (!range) return;
    const out = await call('collections:calendar-ics', {
      from: range.from,
      to: range.to,
      asOf,
      lang: currentLang() === 'en' ? 'en' : 'zh-CN',
      ...filters,
    });
    const url = URL.createObjectURL(new Blob([out.text], { type: 'text/calendar;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = out.fileName;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="page" data-testid="collection-calendar">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('calendar.title')}
        </Typography.Title>
        <Space>
          <Typography.Text type="secondary">
            {t('calendar.asOf')} {asOf}
          </Typography.Text>
          <Button onClick={() => void exportIcs()} data-testid="calendar-ics">
            {t('calendar.exportIcs')}
          </Button>
        </Space>
      </Space>
      <div style={{ marginBottom: 8 }}>
        <CalendarFilters value={filters} onChange={setFilters} />
      </div>
      <FullCalendar
        plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
        initialView="dayGridMonth"
        now={asOf}
        initialDate={asOf}
        locale={currentLang() === 'en' ? 'en' : zhCnLocale}
        headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,listWeek' }}
        height="auto"
        dayMaxEvents={4}
        events={events}
        datesSet={(arg) => {
          const next = {
            from: dayjs(arg.start).format('YYYY-MM-DD'),
            to: dayjs(arg.end).subtract(1, 'day').format('YYYY-MM-DD'),
          };
          setRange((r) => (r && r.from === next.from && r.to === next.to ? r : next));
        }}
        eventClick={(arg) => {
          const cid = arg.event.extendedProps.customerId as number | undefined;
          if (cid) void navigate(`/customers/${cid}`);
        }}
      />
    </div>
  );
}
