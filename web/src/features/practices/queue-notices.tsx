// Notes about practices kept on this device: how many are waiting to be sent, and, if the server
// refused some (which sending again cannot fix), a kind word and a way to put the note away.
import type { SessionQueue } from './session-queue';
import { useQueue } from './use-queue';

export function QueueNotices({ queue, owner }: { queue: SessionQueue; owner: string }) {
  useQueue(queue);
  const waiting = queue.waiting(owner);
  const refused = queue.refused();
  return (
    <>
      <p role="status" class={waiting > 0 ? 'practice-offline history-notice' : 'visually-hidden'}>
        {waiting === 0
          ? ''
          : waiting === 1
            ? 'One practice you finished is kept on this device and will be added here when Secure Base can be reached.'
            : `${waiting} practices you finished are kept on this device and will be added here when Secure Base can be reached.`}
      </p>
      {refused > 0 ? (
        <div class="practice-offline history-notice">
          <p>
            {refused === 1
              ? 'One practice done on this device couldn’t be added to your history, because Secure Base didn’t accept its details (a clock set wrong on the device can do that).'
              : `${refused} practices done on this device couldn’t be added to your history, because Secure Base didn’t accept their details (a clock set wrong on the device can do that).`}{' '}
            Everything else in your history is safe.
          </p>
          <button type="button" class="form-secondary" onClick={() => queue.dismissRefused()}>
            OK
          </button>
        </div>
      ) : null}
    </>
  );
}
