// Choosing a time: the zone the times are in (and a way to change it), a week at a time with its
// days (a day with free times is a button, pressed when chosen), then that day's times as radio
// buttons, each with the practitioner's time beside it when her clock differs. A live region says
// what is being fetched and what each week holds. Every slot is the server's; a week or a day
// with nothing free says so, and the next free time is one tap away. When nothing at all is free
// within the type's horizon, `nothingFree` is shown instead (the waitlist offer).
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiClient } from '../../api/client';
import type { SessionType, Slot } from '../../api/scheduling';
import { LoadProblem } from '../course/load-problem';
import { slotDays, slotWeeks, type SlotWeek } from './slot-days';
import { dayParts, dayWords, localDay, slotWords, weekWords } from './time-words';
import { useSlotRange } from './use-slot-range';
import { ZoneSwitcher } from './zone-switcher';

interface SlotPickerProps {
  client: ApiClient;
  sessionType: SessionType;
  timeZone: string;
  profileZone: string | undefined;
  /** The chosen slot's start, if one is chosen. */
  chosen: string | undefined;
  onZone: (zone: string) => void;
  onChoose: (slot: Slot) => void;
  nothingFree: ComponentChildren;
  /** The error summary's anchor: the times' fieldset takes this id. */
  timesId?: string;
  error?: string | undefined;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function SlotPicker(props: SlotPickerProps) {
  const { client, sessionType, timeZone, profileZone, chosen, onZone, onChoose, nothingFree } = props;
  const { range, loadMore, retry } = useSlotRange({
    client,
    sessionType: sessionType.id,
    horizonDays: sessionType.horizon_days,
    timeZone,
  });
  const [summary, setSummary] = useState('');
  const practitionerZone = range.status === 'ready' ? range.practitionerZone : undefined;
  const switcher = (
    <ZoneSwitcher timeZone={timeZone} profileZone={profileZone} practitionerZone={practitionerZone} onZone={onZone} />
  );

  // One live region, always in the same place, so each change to it is heard: fetching, what a
  // week holds, or that nothing is free.
  let message = summary;
  let body: ComponentChildren = null;
  if (range.status === 'loading') message = 'Looking for free times…';
  else if (range.status === 'error') {
    message = '';
    body = <LoadProblem error={range.error} retry={retry} what="the free times" />;
  } else if (range.slots.length === 0) {
    message = `There are no free times for ${sessionType.name.toLowerCase()} in the next ${plural(sessionType.horizon_days, 'day', 'days')}.`;
    body = nothingFree;
  } else {
    body = (
      <Weeks
        key={timeZone}
        {...props}
        slots={range.slots}
        firstDay={localDay(range.from, timeZone)}
        lastDay={localDay(Date.parse(range.until) - 1, timeZone)}
        practitionerZone={practitionerZone}
        complete={range.complete}
        loadingMore={range.loadingMore}
        moreFailed={range.moreFailed}
        onMore={() => void loadMore()}
        onSummary={setSummary}
        chosen={chosen}
        onChoose={onChoose}
      />
    );
  }
  return (
    <>
      {switcher}
      <p role="status" class="sched-live">
        {message}
      </p>
      {body}
    </>
  );
}

interface WeeksProps extends SlotPickerProps {
  slots: Slot[];
  firstDay: string;
  lastDay: string;
  practitionerZone: string | undefined;
  complete: boolean;
  loadingMore: boolean;
  moreFailed: boolean;
  onMore: () => void;
  /** Told what the week shown holds, for the live region. */
  onSummary: (text: string) => void;
}

function Weeks({
  slots,
  timeZone,
  firstDay,
  lastDay,
  practitionerZone,
  complete,
  loadingMore,
  moreFailed,
  onMore,
  onSummary,
  chosen,
  onChoose,
  timesId = 'sched-times',
  error,
}: WeeksProps) {
  const weeks = useMemo(() => slotWeeks(slotDays(slots, timeZone), firstDay, lastDay), [slots, timeZone, firstDay, lastDay]);
  const chosenDay = chosen && slots.some((s) => s.start === chosen) ? localDay(chosen, timeZone) : undefined;
  const [index, setIndex] = useState(() => {
    const holding = chosenDay ? weeks.findIndex((w) => w.days.some((d) => d.day === chosenDay)) : -1;
    return holding >= 0 ? holding : Math.max(0, weeks.findIndex((w) => w.count > 0));
  });
  const week = weeks[Math.min(index, weeks.length - 1)]!;
  const [day, setDay] = useState<string | undefined>(chosenDay);
  const shownDay = week.days.find((d) => d.day === day && d.slots.length > 0) ?? week.days.find((d) => d.slots.length > 0);

  const nextFree = weeks.slice(index + 1).find((w) => w.count > 0);
  const last = index >= weeks.length - 1;

  const said = `${weekSummary(week)}${moreFailed ? ' We couldn’t look further ahead just now. Please try again in a moment.' : ''}`;
  useEffect(() => onSummary(said), [said]);

  function showWeek(to: number) {
    setIndex(to);
    setDay(undefined);
  }

  return (
    <div class="sched-picker">
      <div class="sched-week-nav">
        <button type="button" class="form-secondary" disabled={index === 0} onClick={() => showWeek(index - 1)}>
          <span aria-hidden="true">‹ </span>Earlier week
        </button>
        <h3 class="sched-week-title">Week of {weekWords(week.monday)}</h3>
        {last && !complete ? (
          <button type="button" class="form-secondary" disabled={loadingMore} onClick={onMore}>
            {loadingMore ? 'Looking further ahead…' : 'Look further ahead'}
          </button>
        ) : (
          <button type="button" class="form-secondary" disabled={last} onClick={() => showWeek(index + 1)}>
            Later week<span aria-hidden="true"> ›</span>
          </button>
        )}
      </div>
      {week.count === 0 ? (
        nextFree ? (
          <p>
            <button type="button" class="link-button" onClick={() => showWeek(weeks.indexOf(nextFree))}>
              Show the next free time, in the week of {weekWords(nextFree.monday)}
            </button>
          </p>
        ) : null
      ) : (
        <>
          <div class="sched-days" role="group" aria-label="Days this week">
            {week.days.map((d) => {
              const [weekday, date] = dayParts(d.day);
              const free = d.slots.length;
              const pressed = shownDay?.day === d.day;
              return (
                <button
                  key={d.day}
                  type="button"
                  class="sched-day"
                  aria-pressed={free ? (pressed ? 'true' : 'false') : undefined}
                  disabled={free === 0}
                  aria-label={`${dayWords(d.day)}: ${free ? plural(free, 'free time', 'free times') : 'nothing free'}`}
                  onClick={() => setDay(d.day)}
                >
                  <span class="sched-day-name">{weekday}</span>
                  <span class="sched-day-date">{date}</span>
                  <span class="sched-day-count" aria-hidden="true">
                    {free ? free : '–'}
                  </span>
                </button>
              );
            })}
          </div>
          {shownDay ? (
            <fieldset
              id={timesId}
              tabIndex={-1}
              class="sched-times"
              aria-describedby={error ? `${timesId}-error` : undefined}
              aria-invalid={error ? 'true' : undefined}
            >
              <legend class="form-label">Times on {dayWords(shownDay.day)}</legend>
              {error ? (
                <p id={`${timesId}-error`} class="form-error">
                  <span class="visually-hidden">Error: </span>
                  {error}
                </p>
              ) : null}
              <div class="sched-time-list">
                {shownDay.slots.map((slot) => (
                  <label key={slot.start} class="sched-time">
                    <input
                      type="radio"
                      name="slot"
                      value={slot.start}
                      checked={slot.start === chosen}
                      onChange={() => onChoose(slot)}
                    />
                    <span>{slotWords(slot.start, timeZone, practitionerZone)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
        </>
      )}
    </div>
  );
}

function weekSummary(week: SlotWeek): string {
  const days = week.days.filter((d) => d.slots.length > 0).length;
  if (week.count === 0) return `Nothing is free in the week of ${weekWords(week.monday)}.`;
  return `Week of ${weekWords(week.monday)}: ${plural(week.count, 'free time', 'free times')} on ${plural(days, 'day', 'days')}.`;
}
