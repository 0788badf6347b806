// The hours form: her time zone, her weekly hours (several ranges a day), and particular dates
// that differ from the usual week (a day off, or other hours). Saved with one PUT; a refusal puts
// each sentence beside its time or date and in the summary, and everything she entered stays.
import { useEffect, useRef, useState } from 'preact/hooks';
import { saveSchedule, weekdays, type Schedule, type Weekday } from '../../api/console-scheduling';
import { FormField } from '../../components/form-field';
import { TimeZoneSelect } from '../account/profile-selects';
import { useSession } from '../account/session';
import { Fieldset, FieldError, errorAria } from './console-fieldset';
import { dateWords, weekdayNames } from './console-words';
import { RangeRows } from './range-rows';
import { SaveSummary } from './save-summary';
import {
  formFromSchedule,
  ids,
  newOverride,
  newRange,
  scheduleBody,
  type OverrideRow,
  type RangeRow,
  type ScheduleForm as Form,
} from './schedule-model';
import { useSave } from './use-save';

interface ScheduleFormProps {
  schedule: Schedule;
  /** Her profile's zone, for a schedule never saved. */
  fallbackZone: string;
  onSaved?: (schedule: Schedule) => void;
}

export function ScheduleForm({ schedule, fallbackZone, onSaved }: ScheduleFormProps) {
  const { client } = useSession();
  const [form, setForm] = useState<Form>(() => formFromSchedule(schedule, fallbackZone));
  const save = useSave();
  const errors = save.problem?.errors ?? {};
  const change = (next: Partial<Form>) => {
    save.edited();
    setForm((now) => ({ ...now, ...next }));
  };
  const setDay = (day: Weekday, rows: RangeRow[]) => change({ weekly: { ...form.weekly, [day]: rows } });

  const submit = (event: Event) => {
    event.preventDefault();
    const body = scheduleBody(form);
    if (body.problems.length > 0) return save.refuse(body.problems, body.fields);
    void save.run(
      async () => {
        const stored = await saveSchedule(body.schedule, client);
        onSaved?.(stored ?? body.schedule);
      },
      body.fields,
      'Your hours were not saved',
    );
  };

  return (
    <form noValidate onSubmit={submit} class="console-form">
      <SaveSummary save={save} id="schedule-summary" />
      <section class="form-panel" aria-labelledby="schedule-zone-title">
        <h2 id="schedule-zone-title">Your time zone</h2>
        <FormField
          id={ids.timeZone}
          label="Time zone"
          hint="Your hours are read in this zone. Clients see the times in their own zone."
          error={errors[ids.timeZone]}
        >
          {(aria) => (
            <TimeZoneSelect aria={aria} name="time_zone" value={form.timeZone} onValue={(timeZone) => change({ timeZone })} />
          )}
        </FormField>
      </section>

      <section class="form-panel" aria-labelledby="schedule-weekly-title">
        <h2 id="schedule-weekly-title">Your usual week</h2>
        <Fieldset
          id={ids.weekly}
          legend={<span class="visually-hidden">Weekly hours</span>}
          hint="Clients can book sessions that fit inside these hours. A day with no hours is a day you don’t work. To work until midnight, choose 00:00 as the end."
          error={errors[ids.weekly]}
          class="console-fieldset-plain"
        >
          {weekdays.map((day) => (
            <Fieldset key={day} id={ids.day(day)} legend={weekdayNames[day]} class="console-day">
              {form.weekly[day].length === 0 ? <p class="form-hint console-day-off">Not working</p> : null}
              <RangeRows
                rows={form.weekly[day]}
                what={weekdayNames[day]}
                errors={errors}
                onChange={(rows) => setDay(day, rows)}
                addFirst="Add hours"
              />
            </Fieldset>
          ))}
        </Fieldset>
      </section>

      <section class="form-panel" aria-labelledby="schedule-overrides-title">
        <h2 id="schedule-overrides-title">Particular dates</h2>
        <Overrides
          overrides={form.overrides}
          errors={errors}
          onChange={(overrides) => change({ overrides })}
        />
      </section>

      <div class="form-actions console-save">
        <button type="submit" class="action-button form-submit" disabled={save.sending}>
          {save.sending ? 'Saving…' : 'Save your hours'}
        </button>
        <p role="status" class="console-status">
          {save.saved ? 'Your hours are saved. New slots follow them straight away.' : ''}
        </p>
      </div>
    </form>
  );
}

interface OverridesProps {
  overrides: OverrideRow[];
  errors: Record<string, string>;
  onChange: (overrides: OverrideRow[]) => void;
}

function Overrides({ overrides, errors, onChange }: OverridesProps) {
  const addButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<string | undefined>(undefined);
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    const element = target === 'add' ? addButton.current : document.getElementById(target);
    if (!element) return;
    focusNext.current = undefined;
    element.focus();
  });

  const set = (key: string, next: Partial<OverrideRow>) =>
    onChange(overrides.map((o) => (o.key === key ? { ...o, ...next } : o)));
  const add = () => {
    const row = newOverride();
    focusNext.current = ids.overrideDate(row.key);
    onChange([...overrides, row]);
  };
  const remove = (key: string) => {
    focusNext.current = 'add';
    onChange(overrides.filter((o) => o.key !== key));
  };

  return (
    <Fieldset
      id={ids.overrides}
      legend={<span class="visually-hidden">Particular dates</span>}
      hint="A date here replaces your usual hours for that day: a day off, or different hours. Hours on a day you don’t usually work are extra hours."
      error={errors[ids.overrides]}
      class="console-fieldset-plain"
    >
      {overrides.length > 0 ? (
        <ul class="console-overrides">
          {overrides.map((o, index) => {
            const dateId = ids.overrideDate(o.key);
            const kindId = ids.overrideKind(o.key);
            const named = o.date ? dateWords(o.date) : `date ${index + 1}`;
            return (
              <li key={o.key} class="console-override">
                <div class="form-field">
                  <label for={dateId} class="form-label">
                    Date <span class="visually-hidden">{index + 1}</span>
                  </label>
                  <FieldError id={dateId} error={errors[dateId]} />
                  <input
                    {...errorAria(dateId, errors[dateId])}
                    type="date"
                    class="form-input console-date"
                    value={o.date}
                    onInput={(e) => set(o.key, { date: e.currentTarget.value })}
                  />
                </div>
                <Fieldset id={kindId} legend={`On ${named}`} error={errors[kindId]} class="console-day">
                  <div class="console-radios">
                    <label class="form-check">
                      <input
                        type="radio"
                        name={kindId}
                        checked={o.dayOff}
                        onChange={() => set(o.key, { dayOff: true })}
                      />
                      <span>Not working that day</span>
                    </label>
                    <label class="form-check">
                      <input
                        type="radio"
                        name={kindId}
                        checked={!o.dayOff}
                        onChange={() =>
                          set(o.key, { dayOff: false, ranges: o.ranges.length > 0 ? o.ranges : [newRange([])] })
                        }
                      />
                      <span>Working these hours</span>
                    </label>
                  </div>
                  {o.dayOff ? null : (
                    <RangeRows
                      rows={o.ranges}
                      what={named}
                      errors={errors}
                      onChange={(ranges) => set(o.key, { ranges })}
                      addFirst="Add hours"
                    />
                  )}
                </Fieldset>
                <button type="button" class="form-secondary console-remove" onClick={() => remove(o.key)}>
                  Remove this date<span class="visually-hidden">: {named}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="form-muted">No particular dates: every week follows your usual hours.</p>
      )}
      <button type="button" class="form-secondary" ref={addButton} onClick={add}>
        Add a date
      </button>
    </Fieldset>
  );
}
