// The zone the console shows times in: her schedule's, once she has saved one, else her
// profile's. Reading the schedule may fail (offline, a refusal): her profile's zone then.
import type { ApiClient } from '../../api/client';
import { getSchedule } from '../../api/console-scheduling';
import type { Me } from '../../api/me';

export async function practiceZone(me: Me, client: ApiClient, signal?: AbortSignal): Promise<string> {
  try {
    const schedule = await getSchedule(client, { signal });
    return schedule.time_zone || me.time_zone;
  } catch {
    return me.time_zone;
  }
}
