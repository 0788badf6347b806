// /practices: the catalogue of guided practices, for anyone, signed in or not. Each card says
// what the practice is, how long it can take, and opens the player. Offline, the copy kept on
// this device is shown (catalogue-cache.ts). Signed in, a link leads to the learner's history.
import type { Practice } from '../../api/practices';
import { Page } from '../../components/page';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { LoadProblem } from '../course/load-problem';
import { historyPath } from './recording-note';
import { loadCatalogue } from './load-catalogue';
import { lengthChoices } from './words';
import '../../components/form.css';
import './practices.css';

export function PracticesPage() {
  const { client, state } = useSession();
  const [loaded, retry] = useLoad((signal) => loadCatalogue(client, signal), [client]);

  let body;
  if (loaded.status === 'loading') {
    body = (
      <p role="status" class="form-muted">
        Gathering the practices…
      </p>
    );
  } else if (loaded.status === 'error') {
    body = <LoadProblem error={loaded.error} retry={retry} what="the practices" />;
  } else if (loaded.value.practices.length === 0) {
    body = <p>No practices have been published yet. Please come back soon.</p>;
  } else {
    body = (
      <>
        {loaded.value.offline ? (
          <p class="practice-offline" role="status">
            You are offline, so these are the practices saved on this device. They work just the same.
          </p>
        ) : null}
        <ul class="practice-list">
          {loaded.value.practices.map((practice) => (
            <PracticeItem key={practice.id} practice={practice} />
          ))}
        </ul>
      </>
    );
  }

  return (
    <Page
      heading="Practices"
      lede="Simple, guided ways to settle your body when feelings run high. Each one works offline, once this page has been opened."
    >
      {state.status === 'signed-in' ? (
        <p class="practice-history-link">
          <a href={historyPath}>Your practice history</a>: how often you have practised, and what seems to help you.
        </p>
      ) : null}
      {body}
    </Page>
  );
}

function PracticeItem({ practice }: { practice: Practice }) {
  const headingId = `practice-${practice.id}`;
  return (
    <li class="practice-item" aria-labelledby={headingId}>
      <h2 id={headingId} class="practice-item-title">
        {practice.title}
      </h2>
      <p class="practice-item-summary">{practice.summary}</p>
      <p class="practice-item-length">{lengthChoices(practice.durations)}</p>
      {/* Named with the title, so a list of links still says which practice each begins. */}
      <a
        class="action-button practice-item-start"
        href={`/practices/${encodeURIComponent(practice.id)}`}
        aria-label={`Begin: ${practice.title}`}
      >
        Begin
      </a>
    </li>
  );
}
