// /check-in: what the check-in is before anyone starts it. Two short parts, a few minutes,
// tendencies and not a diagnosis, our own questionnaire and not validated, and help close by.
// For someone signed in it also offers to carry on: an unfinished part kept on this device, or
// part 2 when part 1 was saved in the last day and part 2 was not.
import { listCheckins, listQuestionnaires } from '../../api/checkins';
import type { Me } from '../../api/me';
import { Page } from '../../components/page';
import { useSession } from '../account/session';
import { HelpButton } from '../safety/help-button';
import { draftKey, loadDraft } from './draft-store';
import { attachmentId, signsId } from './pair-results';
import { useLoad } from '../../components/use-load';
import './checkin.css';

export function CheckInStartPage() {
  const { state } = useSession();
  const me = state.status === 'signed-in' ? state.me : undefined;
  return (
    <Page
      heading="Check-in"
      lede="A few minutes to notice where you are right now in close relationships, and which patterns are showing up most for you lately."
    >
      <section aria-labelledby="checkin-what">
        <h2 id="checkin-what">What it is</h2>
        <p>The check-in has two short parts:</p>
        <ol class="checkin-parts">
          <li>
            <strong>Closeness and distance.</strong> Statements about how you tend to feel in close
            relationships, each answered from “strongly disagree” to “strongly agree”.
          </li>
          <li>
            <strong>The past two weeks.</strong> How often each of eight common signs of anxious
            attachment showed up for you lately.
          </li>
        </ol>
        <p>
          Most people take five to ten minutes. One statement shows at a time, you can go back, and
          if you stop halfway your answers wait on this device until you return.
        </p>
        <p>
          Your results describe tendencies that can and do change. They are not a diagnosis. The
          questionnaire on closeness and distance was written for Secure Base and has not been
          tested in research, so it is a mirror for reflection rather than a measurement.
        </p>
      </section>

      <section aria-labelledby="checkin-begin">
        <h2 id="checkin-begin">When you’re ready</h2>
        {me ? (
          <Begin me={me} />
        ) : state.status === 'loading' ? null : (
          <p>
            The check-in keeps your results so you can see change over time, so it needs an account.{' '}
            <a href="/login?next=%2Fcheck-in">Log in</a> or <a href="/signup">create an account</a> to begin.
          </p>
        )}
        <p class="form-muted">
          If something here brings up a lot, you can stop at any time.{' '}
          <HelpButton class="link-button">Need help now? See who you can contact</HelpButton>
        </p>
      </section>
    </Page>
  );
}

type Next = { href: string; label: string; note?: string };

function Begin({ me }: { me: Me }) {
  const { client } = useSession();
  const [loaded] = useLoad(
    async (signal) => {
      const [questionnaires, checkins] = await Promise.all([
        listQuestionnaires(client, { signal }),
        listCheckins(undefined, client, { signal }),
      ]);
      return { questionnaires: questionnaires.questionnaires, checkins: checkins.checkins };
    },
    [client],
  );

  let next: Next = { href: '/check-in/attachment', label: 'Begin the check-in' };
  if (loaded.status === 'ready') {
    const version = (id: string) => loaded.value.questionnaires.find((q) => q.id === id)?.version;
    const hasDraft = (id: string) => {
      const v = version(id);
      return v !== undefined && loadDraft(draftKey(me.id, id, v)) !== undefined;
    };
    const latest = (id: string) =>
      loaded.value.checkins
        .filter((c) => c.questionnaire_id === id)
        .reduce<number | undefined>((max, c) => Math.max(max ?? 0, Date.parse(c.taken_at)), undefined);
    const part1 = latest(attachmentId);
    const part2 = latest(signsId);
    const part1Recent = part1 !== undefined && Date.now() - part1 < 24 * 60 * 60 * 1000;
    if (hasDraft(attachmentId)) {
      next = { href: '/check-in/attachment', label: 'Carry on with part 1', note: 'Your answers so far are kept.' };
    } else if (hasDraft(signsId) || (part1Recent && (part2 === undefined || part2 < part1!))) {
      next = { href: '/check-in/eight-signs', label: 'Carry on with part 2', note: 'Part 1 is saved.' };
    }
  }

  const anyResults = loaded.status === 'ready' && loaded.value.checkins.length > 0;
  return (
    <>
      {next.note ? <p>{next.note}</p> : null}
      <p>
        <a class="action-button checkin-begin" href={next.href}>
          {next.label}
        </a>
      </p>
      {anyResults ? (
        <p>
          <a href="/check-in/results">See your earlier results</a>
        </p>
      ) : null}
    </>
  );
}
