// Which time zone the times are shown in, said plainly, with a way to change it: a one-tap switch
// to the zone in the client's profile when that differs from this device's, and the full list of
// zones. When the practitioner's clock differs, it says that her times are shown beside.
import { useState } from 'preact/hooks';
import { FormField } from '../../components/form-field';
import { TimeZoneSelect } from '../account/profile-selects';
import { browserTimeZone } from '../account/time-zones';
import { zoneCity } from './time-words';

interface ZoneSwitcherProps {
  timeZone: string;
  /** The zone in the client's profile. */
  profileZone: string | undefined;
  practitionerZone: string | undefined;
  onZone: (zone: string) => void;
}

export function ZoneSwitcher({ timeZone, profileZone, practitionerZone, onZone }: ZoneSwitcherProps) {
  const [open, setOpen] = useState(false);
  const device = browserTimeZone();
  const whose = timeZone === device ? ' (this device’s time zone)' : timeZone === profileZone ? ' (the time zone in your profile)' : '';
  const offerProfile = profileZone && profileZone !== timeZone;
  const offerDevice = device !== timeZone && device !== profileZone;

  return (
    <div class="sched-zone">
      <p class="sched-zone-line">
        Times are shown in <strong>{zoneCity(timeZone)} time</strong>
        {whose}.{' '}
        <button
          type="button"
          class="link-button"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls="sched-zone-choice"
          onClick={() => setOpen(!open)}
        >
          Change time zone
        </button>
      </p>
      {practitionerZone && practitionerZone !== timeZone ? (
        <p class="sched-zone-line form-muted">
          Your therapist is in {zoneCity(practitionerZone)}. When the clock there says something else, {zoneCity(practitionerZone)} time is
          shown in brackets.
        </p>
      ) : null}
      <div id="sched-zone-choice" hidden={!open} class="sched-zone-choice">
        {offerProfile || offerDevice ? (
          <p class="sched-zone-quick">
            {offerProfile ? (
              <button type="button" class="form-secondary" onClick={() => onZone(profileZone)}>
                Use {zoneCity(profileZone)} time (your profile)
              </button>
            ) : null}
            {offerDevice ? (
              <button type="button" class="form-secondary" onClick={() => onZone(device)}>
                Use {zoneCity(device)} time (this device)
              </button>
            ) : null}
          </p>
        ) : null}
        {open ? (
          <FormField id="sched-zone-select" label="Show times in" hint="Type a city’s first letters to jump to it.">
            {(aria) => <TimeZoneSelect aria={aria} name="time_zone" value={timeZone} onValue={onZone} />}
          </FormField>
        ) : null}
      </div>
    </div>
  );
}
