// The words the account pages use for problems that are not about one field, in one place so
// they stay kind and consistent: what happened, that it is not the person's fault where it is
// not, and what to do next.
import { ApiError } from '../../api/problem';

export const networkMessage =
  'We couldn’t reach Secure Base. Please check your connection and try again in a moment.';

export const serverMessage = 'Something went wrong on our side. Please try again in a moment.';

/** "30 seconds", "1 minute", "15 minutes": how long to wait, rounded up, in plain words. */
export function waitDuration(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return s === 1 ? '1 second' : `${s} seconds`;
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

/** After too many tries: how long to wait, from Retry-After, or the server's own sentence. */
export function waitMessage(error: ApiError): string {
  const seconds = error.retryAfter;
  if (seconds !== undefined) {
    return `There have been several tries in a short time, so we’ve paused them for a little while to keep your account safe. Please wait ${waitDuration(seconds)}, then try again.`;
  }
  return (
    error.detail ??
    'There have been several tries in a short time, so we’ve paused them for a little while to keep your account safe. Please wait a few minutes, then try again.'
  );
}

/** The sentence for a failure with no field to point at. */
export function generalMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return serverMessage;
  if (error.status === 0) return networkMessage;
  if (error.status === 429) return waitMessage(error);
  if (error.status >= 500) return serverMessage;
  return error.detail ?? serverMessage;
}
