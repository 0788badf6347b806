// /practices/history: the learner's own practice, gently. Minutes week by week, each practice
// with how often it was done and (from three rated sessions) how distress tended to change, and
// the latest sessions. Practices kept on this device and not yet sent are mentioned, and the
// view loads again when they arrive. No streaks, no counting of days missed.
//
// Signed out, it says what the history is and how to have one. Weeks are the learner's own: the
// browser's time zone goes to the server, which does the counting.
import type { Me } from '../../api/me';
import { Page } from '../../components/page';
import { useLoad } from '../../components/use-load';
import { RequireSession } from '../account/require-session';
import { useSession } from '../account/session';
import { LoadProblem } from '../course/load-problem';
import { browserTimeZone } from './history-words';
import { PracticeEffects } from './practice-effects';
import { QueueNotices } from './queue-notices';
import { RecentSessions, pageSize } from './recent-sessions';
import { practiceQueue, type SessionQueue } from './session-queue';
import { getPracticeStats, listPracticeSessions } from '../../api/practice-sessions';
import { useQueue } from './use-queue';
import { WeekChart } from './week-chart';
import '../../components/form.css';
import './practices.css';
import './history.css';

export const weeksShown = 12;

export function PracticeHistoryPage({ queue = practiceQueue }: { queue?: SessionQueue }) {
  const { state } = useSession();
  return (
    <Page
      heading="Your practice history"
      title="Practice history"
      lede="How often you have practised, and what seems to help you. There is no score to keep up: every practice counts, whenever it happens."
    >
      {state.status === 'signed-out' ? (
        <SignedOutIntro />
      ) : (
        <RequireSession need="full">{(me) => <History me={me} queue={queue} />}</RequireSession>
      )}
    </Page>
  );
}

function SignedOutIntro() {
  return (
    <div class="form-panel">
      <p>
        When you are logged in, each practice you finish is kept here: the minutes you practised week by week, and,
        once you have rated how you feel before and after, which practices tend to settle you most.
      </p>
      <p>
        <a href={`/login?next=${encodeURIComponent('/practices/history')}`}>Log in</a> or{' '}
        <a href="/signup">create an account</a> to keep yours. The practices themselves work without one.
      </p>
      <p>
        <a href="/practices">Back to the practices</a>
      </p>
    </div>
  );
}

function History({ me, queue }: { me: Me; queue: SessionQueue }) {
  const { client } = useSession();
  useQueue(queue);
  const waiting = queue.waiting(me.id);
  const timeZone = browserTimeZone();
  // Waiting sessions going out change the history: load again when that count falls.
  const [loaded, retry] = useLoad(
    async (signal) => {
      const [stats, recent] = await Promise.all([
        getPracticeStats({ tz: timeZone, weeks: weeksShown }, client, { signal }),
        listPracticeSessions({ limit: pageSize }, client, { signal }),
      ]);
      return { stats, recent };
    },
    [client, timeZone, waiting === 0],
  );

  let body;
  if (loaded.status === 'loading') {
    body = (
      <p role="status" class="form-muted">
        Gathering your practice history…
      </p>
    );
  } else if (loaded.status === 'error') {
    body = <LoadProblem error={loaded.error} retry={retry} what="your practice history" />;
  } else {
    const { stats, recent } = loaded.value;
    const titles = new Map(stats.practices.map((p) => [p.practice_id, p.title]));
    body =
      stats.practices.length === 0 && recent.sessions.length === 0 ? (
        <div class="form-panel">
          <p>
            Nothing here yet. When you finish a practice while logged in, it appears here, with the minutes you
            practised each week.
          </p>
          <p>
            <a class="action-button" href="/practices">
              Choose a practice
            </a>
          </p>
        </div>
      ) : (
        <div class="history">
          <section aria-labelledby="history-weeks">
            <h2 id="history-weeks">Week by week</h2>
            <WeekChart weeks={stats.weeks} />
          </section>
          <section aria-labelledby="history-practices">
            <h2 id="history-practices">Practice by practice</h2>
            <PracticeEffects practices={stats.practices} />
          </section>
          <section aria-labelledby="history-recent">
            <h2 id="history-recent">Your recent practices</h2>
            <RecentSessions
              first={recent.sessions}
              nextBefore={recent.next_before}
              titles={titles}
              timeZone={stats.time_zone || timeZone}
            />
          </section>
        </div>
      );
  }

  return (
    <>
      <QueueNotices queue={queue} owner={me.id} />
      {body}
    </>
  );
}
