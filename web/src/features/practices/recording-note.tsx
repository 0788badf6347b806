// The line on the done screen that says what became of the practice just finished: added to the
// history, kept on this device until it can be sent, or (signed out) that logging in would keep
// a history. Polite and said once; never a reason to feel behind.
import type { Kept } from './record-practice';
import { practiceQueue, type SessionQueue, type SessionStatus } from './session-queue';
import { useQueue } from './use-queue';

export const historyPath = '/practices/history';

interface RecordingNoteProps {
  kept: Kept;
  queue?: SessionQueue;
}

export function RecordingNote({ kept, queue = practiceQueue }: RecordingNoteProps) {
  useQueue(queue);
  if (kept.kind === 'too-short') return null;
  if (kept.kind === 'signed-out') {
    return (
      <p class="practice-record form-muted">
        If you would like a history of your practices, showing how often you practise and which ones seem to help,{' '}
        <a href={`/login?next=${encodeURIComponent(historyPath)}`}>log in</a> or{' '}
        <a href="/signup">create an account</a>. Each practice you finish is then kept for you.
      </p>
    );
  }
  const status = queue.status(kept.id);
  return (
    <div class="practice-record">
      <p role="status" class="form-muted">
        {status ? statusWords(status) : ''}
      </p>
      <p>
        <a href={historyPath}>See your practice history</a>
      </p>
    </div>
  );
}

export function statusWords(status: SessionStatus): string {
  switch (status.state) {
    case 'recorded':
      return 'Added to your practice history.';
    case 'refused':
      return 'This practice couldn’t be added to your history, because Secure Base didn’t accept its details (a clock set wrong on this device can do that). Everything else in your history is safe.';
    case 'sending':
      return 'Adding this to your practice history…';
    case 'waiting':
      switch (status.reason) {
        case 'not-tried':
          return 'Kept safely on this device for now. It will be added to your history once Secure Base can be reached.';
        case 'offline':
          return 'Kept safely on this device for now. It will be added to your history when you are back online.';
        case 'signed-out':
          return 'Kept safely on this device for now. It will be added to your history the next time you log in.';
        case 'unavailable':
          return 'Kept safely on this device for now. Secure Base couldn’t take it just now, so it will try again later.';
      }
  }
}
