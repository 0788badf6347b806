// "Print a summary" and the two downloads. The files are made in the browser from what the page
// has loaded (progress-export.ts), handed over as a Blob through a temporary link, and the
// object URL is released straight after. Nothing is sent anywhere. A part still loading or
// that failed is left out, and the line above the buttons says so.
import { exportFileName, progressCsv, progressJson, type ProgressSnapshot } from './progress-export';

interface DownloadButtonsProps {
  snapshot: () => ProgressSnapshot;
  /** Names of the parts not (yet) loaded, in a sentence's words. */
  missing: string[];
}

export function saveFile(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns: release it on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function DownloadButtons({ snapshot, missing }: DownloadButtonsProps) {
  const download = (kind: 'csv' | 'json') => {
    const now = snapshot();
    const name = exportFileName(kind, now.preparedAt, now.timeZone);
    if (kind === 'csv') saveFile(name, 'text/csv;charset=utf-8', progressCsv(now));
    else saveFile(name, 'application/json', progressJson(now));
  };
  return (
    <section class="progress-actions" aria-labelledby="progress-keep">
      <h2 id="progress-keep">Keep a copy</h2>
      <p>
        Print a summary to bring to a session, or download the same numbers as a spreadsheet (CSV) or as JSON. The files
        are made on this device from what this page shows.
      </p>
      {missing.length > 0 ? (
        <p class="form-muted">Not included until it has loaded: {missing.join(', ')}.</p>
      ) : null}
      <div class="progress-buttons">
        <button type="button" class="action-button" onClick={() => window.print()}>
          Print a summary
        </button>
        <button type="button" class="form-secondary" onClick={() => download('csv')}>
          Download CSV
        </button>
        <button type="button" class="form-secondary" onClick={() => download('json')}>
          Download JSON
        </button>
      </div>
    </section>
  );
}
