// L-8: the iCalendar feed a calendar app subscribes to. Every item is a VEVENT: subscribed calendars
// (Google, Outlook) show events but ignore VTODO. Meetings with a time are timed events; tasks and
// follow-ups are all-day events on their due date. UIDs are stable, so an update moves the event.
import ical from 'ical-generator';
import type { CalendarItem } from '../../db/calendar-feeds.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC instant of a wall-clock time in a time zone (DST-aware, via Intl). */
export function wallTimeToUtc(date: string, time: string, timeZone: string): Date {
  const asUtc = Date.parse(`${date}T${time.slice(0, 5)}:00Z`);
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(new Date(instant))
        .map((p) => [p.type, p.value]),
    );
    return Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}Z`) - instant;
  };
  const first = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(first));
}

const LABELS = { 'follow-up': 'Follow up', task: 'Task', meeting: 'Meeting', appointment: 'Appointment' } as const;

export function calendarFeed(options: { userName: string; items: CalendarItem[]; timeZone: string; host: string }): string {
  const calendar = ical({
    name: `Trakt – ${options.userName}`,
    prodId: { company: 'Trakt', product: 'Trakt CRM', language: 'EN' },
    ttl: 15 * 60,
  });
  for (const item of options.items) {
    // Custom activity types have no label here: their key is the label.
    const label = (LABELS as Partial<Record<string, string>>)[item.type] ?? item.type;
    const day = new Date(`${item.dueDate}T00:00:00Z`);
    const timed = item.dueTime !== null && (item.type === 'meeting' || item.type === 'appointment');
    const start = timed ? wallTimeToUtc(item.dueDate, item.dueTime ?? '00:00', options.timeZone) : day;
    const end = timed ? new Date(start.getTime() + (item.durationMinutes || 60) * 60_000) : new Date(day.getTime() + DAY_MS);
    calendar.createEvent({
      id: `${item.kind}-${item.id}@${options.host}`,
      start,
      end,
      allDay: !timed,
      stamp: item.updatedAt,
      lastModified: item.updatedAt,
      summary: `${label}: ${item.subject}${item.companyName ? ` (${item.companyName})` : ''}`,
      description: item.text ?? null,
    });
  }
  return calendar.toString();
}
