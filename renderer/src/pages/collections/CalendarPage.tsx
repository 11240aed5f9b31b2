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
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { call } from '../../api/client';
import { currentLang } from '../../i18n';
import { calendarPageEvents, MAX_PER_DAY } from './calendar-page-events';
import { CalendarFilters, type CalendarFilterValue } from './CalendarFilters';
import { KIND_COLOURS, qkCollections, useToday, useCt } from './common';
import './i18n';
import '../visits/i18n';
import './collections.css';

export function CalendarPage() {
  const t = useCt();
  const navigate = useNavigate();
  const asOf = useToday();
  const [range, setRange] = useState<{ from: string; to: string; view: string } | null>(null);
  const [filters, setFilters] = useState<CalendarFilterValue>({});
  const calendarRef = useRef<FullCalendar>(null);
  // the month and week grids ask for each day's first items and counts; the list views for every
  // item of their days (main carries the open work of the 30 days before onto today)
  const perDay = range && range.view.startsWith('list') ? null : MAX_PER_DAY;
  const q = useQuery({
    enabled: !!range,
    queryKey: [...qkCollections, 'calendar-page', range?.from, range?.to, perDay, asOf, filters],
    queryFn: () => call('collections:calendar-page', { from: range!.from, to: range!.to, asOf, perDay, ...filters }),
  });
  const events = useMemo(
    () => (q.data ? calendarPageEvents(q.data, asOf, t as never, KIND_COLOURS) : []),
    [q.data, asOf, t],
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
        ref={calendarRef}
        eventClassNames={(arg) => (arg.event.extendedProps.kind === 'more' ? ['calendar-more'] : [])}
        plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
        initialView="dayGridMonth"
        now={asOf}
        initialDate={asOf}
        locale={currentLang() === 'en' ? 'en' : zhCnLocale}
        headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,listWeek' }}
        height="auto"
        dayMaxEvents={MAX_PER_DAY}
        eventOrder="order"
        events={events}
        datesSet={(arg) => {
          const next = {
            from: dayjs(arg.start).format('YYYY-MM-DD'),
            to: dayjs(arg.end).subtract(1, 'day').format('YYYY-MM-DD'),
            view: arg.view.type,
          };
          setRange((r) => (r && r.from === next.from && r.to === next.to && r.view === next.view ? r : next));
        }}
        eventClick={(arg) => {
          // "+N more": the day's full list
          const day = arg.event.extendedProps.date as string | undefined;
          if (arg.event.extendedProps.kind === 'more' && day) {
            calendarRef.current?.getApi().changeView('listDay', day);
            return;
          }
          const cid = arg.event.extendedProps.customerId as number | undefined;
          if (cid) void navigate(`/customers/${cid}`);
        }}
      />
    </div>
  );
}
