// When the chosen time was taken a moment before the client confirmed (409 slot-taken): said
// kindly, with the times still free that day and the next right there, and nothing lost of what
// they wrote. The fresh slots come with the problem; when they do not, they are fetched for the
// two local days from the server. Takes focus when it appears.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../../api/client';
import { listSlots, type Slot } from '../../api/scheduling';
import { useFocusOnMount } from '../account/use-focus-on-mount';
import { addDays, slotDays } from './slot-days';
import { dayWords, localDay, slotWords, timeWords } from './time-words';

interface TakenPanelProps {
  client: ApiClient;
  sessionType: string;
  /** The start that was taken. */
  taken: string;
  timeZone: string;
  practitionerZone: string | undefined;
  /** From the problem; undefined when it came without them. */
  fresh: Slot[] | undefined;
  onChoose: (slot: Slot) => void;
  /** Where "choose another day" leads. */
  otherTimesHref: string;
  /** "Everything you wrote is still here." or the like. */
  kept: string;
}

const day = 86_400_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function TakenPanel(props: TakenPanelProps) {
  const { client, sessionType, taken, timeZone, practitionerZone, fresh, onChoose, otherTimesHref, kept } = props;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [slots, setSlots] = useState<Slot[] | 'loading' | 'failed'>(fresh ?? 'loading');

  useEffect(() => {
    if (fresh) return;
    const controller = new AbortController();
    const at = Date.parse(taken);
    const from = Math.max(Date.now(), at - day);
    // Wide enough to hold that local day and the next, whatever the zone; only those two are kept.
    listSlots({ session_type: sessionType, from: iso(from), to: iso(at + 3 * day), tz: timeZone }, client, { signal: controller.signal }).then(
      (answer) => setSlots(answer.slots),
      () => {
        if (!controller.signal.aborted) setSlots('failed');
      },
    );
    return () => controller.abort();
  }, []);

  const takenDay = localDay(taken, timeZone);
  const days =
    typeof slots === 'string'
      ? []
      : slotDays(slots, timeZone).filter((d) => d.day === takenDay || d.day === addDays(takenDay, 1));

  return (
    <div class="form-summary sched-taken" role="region" aria-labelledby="sched-taken-heading">
      <h3 id="sched-taken-heading" class="form-summary-title" tabIndex={-1} ref={heading}>
        That time has just been taken
      </h3>
      <p>
        Someone else booked {timeWords(taken, timeZone)} on {dayWords(takenDay)} a moment before you. We’re sorry: it
        happens now and then. {kept}
      </p>
      {slots === 'loading' ? (
        <p role="status">Looking for other free times…</p>
      ) : days.length === 0 ? (
        <p role="status">
          {slots === 'failed' ? 'We couldn’t look for other times just now.' : 'Nothing else is free that day or the next.'}
        </p>
      ) : (
        <fieldset class="sched-times sched-taken-times">
          <legend class="form-label">Times still free that day and the next</legend>
          {days.map((d) => (
            <div key={d.day} class="sched-taken-day">
              <p class="sched-taken-day-name">{dayWords(d.day)}</p>
              <div class="sched-time-list">
                {d.slots.map((slot) => (
                  <label key={slot.start} class="sched-time">
                    <input type="radio" name="fresh_slot" value={slot.start} onChange={() => onChoose(slot)} />
                    <span>{slotWords(slot.start, timeZone, practitionerZone)}</span>
                  </label>
                ))}
              </div>
            </div>
          ))}
        </fieldset>
      )}
      <p>
        <a href={otherTimesHref}>Choose from all the free times</a>
      </p>
    </div>
  );
}
