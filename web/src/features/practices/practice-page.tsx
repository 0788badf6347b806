// /practices/:id — one practice in the player. Works signed out and offline: the practice comes
// from the catalogue, and from the copy on this device when the network fails. Each practice
// finished while signed in is kept in the history (record-practice.ts), offline or not.
//
// Opened from "pause before reacting", the query says where to go back to (`return`, checked
// by return-path.ts) and may suggest a length (`minutes`, used when the practice offers it).
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { Practice } from '../../api/practices';
import { Page } from '../../components/page';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { LoadProblem } from '../course/load-problem';
import { loadCatalogue } from './load-catalogue';
import { PracticePlayer } from './practice-player';
import { useRecordPractice, type Kept } from './record-practice';
import { RecordingNote } from './recording-note';
import { safeReturnPath } from './return-path';
import '../../components/form.css';
import './practices.css';

type Found = { practice: Practice | undefined; offline: boolean };

export function PracticePage({ id }: { id: string }) {
  const { client } = useSession();
  const { query } = useLocation();
  const returnTo = safeReturnPath(query.return);
  const minutes = Number(query.minutes);
  const [loaded, retry] = useLoad<Found>(async (signal) => {
    const catalogue = await loadCatalogue(client, signal);
    return { practice: catalogue.practices.find((p) => p.id === id), offline: catalogue.offline };
  }, [client, id]);

  // One Page (one h1) through loading and loaded, so focus stays on the heading.
  const found = loaded.status === 'ready' ? loaded.value.practice : undefined;
  const missing = loaded.status === 'ready' && !found;
  const heading = found ? found.title : missing ? 'Practice not found' : 'Practice';

  let body;
  if (loaded.status === 'loading') {
    body = (
      <p role="status" class="form-muted">
        Getting the practice ready…
      </p>
    );
  } else if (loaded.status === 'error') {
    body = <LoadProblem error={loaded.error} retry={retry} what="this practice" />;
  } else if (!found) {
    body = (
      <div class="form-panel">
        <p>We couldn’t find that practice. It may have been renamed or taken away.</p>
        <p>
          <a href="/practices">See all the practices</a>
        </p>
      </div>
    );
  } else {
    body = (
      <RecordedPlayer
        key={found.id}
        practice={found}
        returnTo={returnTo}
        minutes={found.durations.includes(minutes) ? minutes : undefined}
      />
    );
  }
  return (
    <Page heading={heading}>
      {body}
    </Page>
  );
}

interface RecordedPlayerProps {
  practice: Practice;
  returnTo: string | undefined;
  minutes: number | undefined;
}

function RecordedPlayer({ practice, returnTo, minutes }: RecordedPlayerProps) {
  const record = useRecordPractice();
  const [kept, setKept] = useState<Kept | undefined>(undefined);
  return (
    <PracticePlayer
      practice={practice}
      returnTo={returnTo}
      initialMinutes={minutes}
      onFinished={(result) => setKept(record(result))}
      afterword={kept ? <RecordingNote kept={kept} /> : null}
    />
  );
}
