// The header a printed summary opens with: the date it was prepared and who it is for. Shown only
// on paper (progress.css); on screen the page heading says the same.
import { formatDate } from '../checkin/sign-words';

export function PrintHeader({ name, timeZone }: { name: string; timeZone: string }) {
  const today = formatDate(new Date().toISOString(), timeZone);
  return (
    <div class="progress-print-header">
      <p class="progress-print-title">Secure Base: a progress summary{name ? ` for ${name}` : ''}</p>
      <p>Prepared on {today} for a session.</p>
    </div>
  );
}
