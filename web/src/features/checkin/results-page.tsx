// /check-in/results (the latest) and /check-in/results/<id> (one result, with the other part
// from the same sitting): where the learner's answers place them on the attachment plane, the
// path of earlier results, the same as a table, a few kind words about the area, the change
// since last time, and the eight signs as bars. Everything shown comes from the server.
import { getQuestionnaire, listCheckins, type Checkin, type Questionnaire } from '../../api/checkins';
import type { Me } from '../../api/me';
import { Page } from '../../components/page';
import { RequireSession } from '../account/require-session';
import { useSession } from '../account/session';
import { HelpButton } from '../safety/help-button';
import { AttachmentPlane } from './attachment-plane';
import { ChangeNote } from './change-note';
import { attachmentId, pathTo, pickResults, signsId } from './pair-results';
import { regionWords } from './region-words';
import { ResultsTable } from './results-table';
import { SignBars } from './sign-bars';
import { formatDate } from './sign-words';
import { useLoad } from '../../components/use-load';
import './checkin.css';

export function LatestResultsPage() {
  return <ResultsFrame />;
}

export function ResultPage({ id }: { id?: string }) {
  return <ResultsFrame id={id} />;
}

function ResultsFrame({ id }: { id?: string }) {
  return (
    <Page heading="Your check-in results" title="Check-in results">
      <RequireSession need="full">{(me) => <Results me={me} id={id} />}</RequireSession>
    </Page>
  );
}

interface Everything {
  checkins: Checkin[];
  attachment: Questionnaire;
  signs: Questionnaire;
}

function Results({ me, id }: { me: Me; id: string | undefined }) {
  const { client } = useSession();
  const [loaded, retry] = useLoad<Everything>(
    async (signal) => {
      const [list, attachment, signs] = await Promise.all([
        listCheckins(undefined, client, { signal }),
        getQuestionnaire(attachmentId, client, { signal }),
        getQuestionnaire(signsId, client, { signal }),
      ]);
      return { checkins: list.checkins, attachment, signs };
    },
    [client],
  );

  if (loaded.status === 'loading') {
    return (
      <p role="status" class="form-muted">
        Fetching your results…
      </p>
    );
  }
  if (loaded.status === 'error') {
    return (
      <div class="form-panel" role="status">
        <p>We couldn’t fetch your results just now. Please check your connection and try again.</p>
        <button type="button" class="action-button" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }

  const { checkins, attachment, signs } = loaded.value;
  const shown = pickResults(checkins, id);
  if (!shown) {
    return (
      <div class="form-panel">
        <p>We couldn’t find that result. It may have been removed, or the link may be incomplete.</p>
        <p>
          <a href="/check-in/results">See your latest results</a>
        </p>
      </div>
    );
  }
  if (!shown.attachment && !shown.signs) {
    return (
      <div class="form-panel">
        <h2>No results yet</h2>
        <p>Once you take a check-in, your results will appear here, and over time you’ll see how they move.</p>
        <p>
          <a href="/check-in">About the check-in</a>
        </p>
      </div>
    );
  }

  const zone = me.time_zone;
  return (
    <div class="checkin-results">
      <AttachmentSection
        current={shown.attachment}
        history={shown.attachmentHistory}
        questionnaire={attachment}
        timeZone={zone}
      />
      <SignsSection current={shown.signs} questionnaire={signs} timeZone={zone} />
      <section aria-labelledby="results-next">
        <h2 id="results-next">What next</h2>
        <p>
          Your <a href="/">plan on the home page</a> suggests lessons for the signs that came up
          most. If you see a therapist, these results can be a good thing to talk through together.
        </p>
        <p>
          You can take the check-in again whenever you like. About once a month is often enough to
          see how things are moving.
        </p>
        <p>
          If you feel overwhelmed right now, support is close by:{' '}
          <HelpButton class="link-button">see who you can contact now</HelpButton>.
        </p>
      </section>
    </div>
  );
}

interface AttachmentSectionProps {
  current: Checkin | undefined;
  history: Checkin[];
  questionnaire: Questionnaire;
  timeZone: string;
}

function AttachmentSection({ current, history, questionnaire, timeZone }: AttachmentSectionProps) {
  const words = current?.region ? regionWords[current.region] : undefined;
  return (
    <section aria-labelledby="results-closeness">
      <h2 id="results-closeness">Closeness and distance</h2>
      {!current ? (
        <p>
          There is no result for this part from the same time.{' '}
          <a href="/check-in/attachment">Answer the questions on closeness and distance</a>
        </p>
      ) : (
        <>
          <p class="form-muted">Taken on {formatDate(current.taken_at, timeZone)}.</p>
          {words ? (
            <div class="checkin-region">
              <h3>
                Your answers lean towards: {words.name}, {words.gist}
              </h3>
              {words.about.map((sentence) => (
                <p key={sentence}>{sentence}</p>
              ))}
            </div>
          ) : null}
          <p class="checkin-honest">
            These results describe tendencies, not a diagnosis. We wrote this questionnaire for Secure
            Base and it has not been tested in research, so please read it as a reflection to think
            about rather than a measurement.
          </p>
          <figure class="checkin-figure">
            <AttachmentPlane points={pathTo(current, history)} scale={questionnaire.scale} timeZone={timeZone} />
            <figcaption class="checkin-legend">
              <span class="checkin-legend-current" aria-hidden="true" /> The large dot is this result.
              {history.length > 1 ? (
                <>
                  {' '}
                  <span class="checkin-legend-earlier" aria-hidden="true" /> Small dots are earlier
                  results, joined by arrows in the order you took them.
                </>
              ) : null}
            </figcaption>
          </figure>
          <h3>Since last time</h3>
          <ChangeNote change={current.change} subscales={['anxiety', 'avoidance']} />
          <ResultsTable checkins={history} currentId={current.id} timeZone={timeZone} />
        </>
      )}
    </section>
  );
}

interface SignsSectionProps {
  current: Checkin | undefined;
  questionnaire: Questionnaire;
  timeZone: string;
}

function SignsSection({ current, questionnaire, timeZone }: SignsSectionProps) {
  return (
    <section aria-labelledby="results-signs">
      <h2 id="results-signs">The eight signs, over the past two weeks</h2>
      {!current ? (
        <p>
          There is no result for this part from the same time.{' '}
          <a href="/check-in/eight-signs">Answer the questions on the past two weeks</a>
        </p>
      ) : (
        <>
          <p class="form-muted">
            Taken on {formatDate(current.taken_at, timeZone)}. How often each one showed up for you,
            from {scaleEnd(questionnaire, 'min')} to {scaleEnd(questionnaire, 'max')}.
          </p>
          <SignBars checkin={current} scale={questionnaire.scale} />
          {current.change ? (
            <p class="checkin-note">
              Changes are plain differences from last time. Small moves up and down are normal; a
              steady direction over several check-ins says more.
            </p>
          ) : (
            <p class="checkin-note">This is your first time answering these, so there is nothing to compare yet.</p>
          )}
        </>
      )}
    </section>
  );
}

/** "0 (Never)": an end of the answer scale with its words, when the questionnaire gives them. */
function scaleEnd({ scale }: Questionnaire, end: 'min' | 'max'): string {
  const words = end === 'min' ? scale.labels[0] : scale.labels.length > 1 ? scale.labels[scale.labels.length - 1] : undefined;
  return words ? `${scale[end]} (${words})` : String(scale[end]);
}
