// /journal/insights: patterns across the learner's trigger logs, in the learner's own weeks and
// hours (the browser's time zone goes to the server, which does the counting). Below the
// server's minimum it says kindly how many more logs it takes, with a way to write one; signed
// out, what the page is and a way to log in. What it shows is what the learner noted, never a
// cause or a diagnosis.
import { getInsights, type JournalInsights } from '../../../api/journal';
import { Page } from '../../../components/page';
import { useLoad } from '../../../components/use-load';
import { RequireSession } from '../../account/require-session';
import { useSession } from '../../account/session';
import { LoadProblem } from '../../course/load-problem';
import { browserTimeZone } from '../journal-format';
import { pausePath } from '../pause/pause-paths';
import { notYetWords, unreadableWords } from './insight-words';
import { InsightsView } from './insights-view';
import '../../../components/form.css';
import './insights.css';

export const insightsPath = '/journal/insights';
export const weeksShown = 12;
/** Where a new trigger log is written (the journal's entry form). */
export const newTriggerPath = '/journal/new?kind=trigger';

export function InsightsPage() {
  const { state } = useSession();
  return (
    <Page
      heading="Patterns in your trigger logs"
      title="Journal insights"
      lede="What your trigger logs show when you look across them: when hard moments came, what you noticed, and what seemed to help."
    >
      {state.status === 'signed-out' ? <SignedOut /> : <RequireSession need="full">{() => <Insights />}</RequireSession>}
    </Page>
  );
}

function SignedOut() {
  return (
    <div class="form-panel">
      <p>
        When you are logged in and have written a few trigger logs, this page gathers what they have in common: the
        times of day, the signs and urges you noted, and what seemed to help.
      </p>
      <p>
        <a href={`/login?next=${encodeURIComponent(insightsPath)}`}>Log in</a> or <a href="/signup">create an account</a>{' '}
        to keep a journal.
      </p>
    </div>
  );
}

function Insights() {
  const { client } = useSession();
  const timeZone = browserTimeZone();
  const [loaded, retry] = useLoad(
    (signal) => getInsights(timeZone, weeksShown, client, { signal }),
    [client, timeZone],
  );

  if (loaded.status === 'loading') {
    return (
      <p role="status" class="form-muted">
        Looking across your trigger logs…
      </p>
    );
  }
  if (loaded.status === 'error') return <LoadProblem error={loaded.error} retry={retry} what="your journal’s patterns" />;
  const insights: JournalInsights = loaded.value;
  const unreadable = insights.unreadable ?? 0;
  return (
    <>
      {unreadable > 0 ? <p class="form-panel insights-unreadable">{unreadableWords(unreadable)}</p> : null}
      {insights.ready ? <InsightsView insights={insights} /> : <NotYet insights={insights} />}
      <p class="insights-back">
        <a href="/journal">Back to your journal</a>
      </p>
    </>
  );
}

function NotYet({ insights }: { insights: JournalInsights }) {
  return (
    <div class="form-panel">
      <p>{notYetWords(insights.trigger_count, insights.minimum)}</p>
      <p>
        A handful of logs is enough to start seeing when hard moments tend to come and what helps you through them.
        There is no hurry: write one whenever something stirs you up.
      </p>
      <p class="insights-actions">
        <a class="action-button" href={newTriggerPath}>
          Write a trigger log
        </a>
        <a class="form-secondary insights-secondary" href={pausePath}>
          Pause before reacting
        </a>
      </p>
    </div>
  );
}
