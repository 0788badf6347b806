// /console/questionnaires: how each questionnaire behaves with her own clients. Per part of it
// (a subscale): how many people answered it and, once enough have, the mean and spread of their
// scores and Cronbach's alpha, with the server's sentence on what that alpha says. The figures are
// the server's (docs/scoring.md section 8); this page only lays them out and explains them.
import { getPsychometrics, type QuestionnairePsychometrics, type SubscalePsychometrics } from '../../api/console-psychometrics';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { ConsolePage } from './console-page';
import { LoadProblem, Loading } from './load-problem';

export function QuestionnairesPage() {
  return (
    <ConsolePage heading="Questionnaires" lede="How the check-in questionnaires behave with the people who use this site.">
      {() => <Questionnaires />}
    </ConsolePage>
  );
}

/** Two decimals, as psychometric figures are usually read. */
export function figure(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function Questionnaires() {
  const { client } = useSession();
  const [loaded, retry] = useLoad((signal) => getPsychometrics(client, { signal }), [client]);
  if (loaded.status === 'loading') return <Loading what="the questionnaires’ figures" />;
  if (loaded.status === 'error') {
    return <LoadProblem error={loaded.error} retry={retry} what="the questionnaires’ figures" />;
  }
  const { minimum_people: minimum, questionnaires } = loaded.value;
  return (
    <>
      <p>
        Each person counts once, with their latest check-in. The figures appear once {minimum} people have answered a part:
        from fewer, they would mislead more than they tell. Alpha says how closely the items of a part agree with each
        other; it cannot be worked out for a part with one item.
      </p>
      {questionnaires.map((q) => (
        <Questionnaire key={q.id} questionnaire={q} minimum={minimum} />
      ))}
    </>
  );
}

function Questionnaire({ questionnaire, minimum }: { questionnaire: QuestionnairePsychometrics; minimum: number }) {
  const headingId = `psy-${questionnaire.id}`;
  return (
    <section class="console-questionnaire" aria-labelledby={headingId}>
      <h2 id={headingId}>{questionnaire.title}</h2>
      <p class="console-card-meta">
        {questionnaire.people === 0
          ? 'Nobody has answered it yet.'
          : `${plural(questionnaire.people, 'person has', 'people have')} answered it.`}
      </p>
      <ul class="console-list">
        {questionnaire.subscales.map((subscale) => (
          <Subscale key={subscale.id} subscale={subscale} minimum={minimum} />
        ))}
      </ul>
    </section>
  );
}

function Subscale({ subscale, minimum }: { subscale: SubscalePsychometrics; minimum: number }) {
  // Too few people: the page's opening says why once; each part says how far it has to go.
  const note =
    subscale.mean === null && subscale.n < minimum
      ? `The figures appear after ${plural(minimum - subscale.n, 'more person', 'more people')}.`
      : subscale.meaning;
  return (
    <li class="console-card">
      <h3>{subscale.title}</h3>
      <dl class="console-figures">
        <div>
          <dt>Items</dt>
          <dd>{subscale.items}</dd>
        </div>
        <div>
          <dt>People (n)</dt>
          <dd>{subscale.n}</dd>
        </div>
        {subscale.mean !== null ? (
          <>
            <div>
              <dt>Mean</dt>
              <dd>{figure(subscale.mean)}</dd>
            </div>
            <div>
              <dt>SD</dt>
              <dd>{figure(subscale.sd)}</dd>
            </div>
            <div>
              <dt>Alpha</dt>
              <dd>{figure(subscale.alpha)}</dd>
            </div>
          </>
        ) : null}
      </dl>
      <p class="console-card-meta">{note}</p>
    </li>
  );
}
