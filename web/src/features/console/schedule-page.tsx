// /console/schedule: when she works. Loads her schedule, then the form (schedule-form.tsx).
import { useState } from 'preact/hooks';
import { getSchedule } from '../../api/console-scheduling';
import type { Me } from '../../api/me';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { ConsolePage } from './console-page';
import { LoadProblem, Loading } from './load-problem';
import { ScheduleForm } from './schedule-form';

export function SchedulePage() {
  return (
    <ConsolePage heading="Your hours" lede="When clients can book you: your usual week, and the dates that differ.">
      {(me) => <ScheduleEditor me={me} />}
    </ConsolePage>
  );
}

function ScheduleEditor({ me }: { me: Me }) {
  const { client } = useSession();
  const [loaded, retry] = useLoad((signal) => getSchedule(client, { signal }), [client]);
  const [savedOnce, setSavedOnce] = useState(false);

  if (loaded.status === 'loading') return <Loading what="your hours" />;
  if (loaded.status === 'error') return <LoadProblem error={loaded.error} retry={retry} what="your hours" />;
  return (
    <>
      {!loaded.value.time_zone && !savedOnce ? (
        <div class="form-note">
          <p>
            Until you save your hours, no one can book a session. Choose your time zone, add the hours you work, then
            save.
          </p>
        </div>
      ) : null}
      <ScheduleForm schedule={loaded.value} fallbackZone={me.time_zone} onSaved={() => setSavedOnce(true)} />
    </>
  );
}
