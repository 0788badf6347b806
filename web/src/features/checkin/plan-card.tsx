// The personal plan on Home: the signs that showed up most in the learner's latest check-in,
// each with the lessons (and practices) that address it, exactly as GET /api/v1/plan returns
// them: nothing invented (practices come with their titles; each opens in the player). Before
// any check-in, a gentle invitation; afterwards, the offer to take it again appears only when
// the server says one is due. Nothing at all for someone signed out, or while the app is still
// finding out who is signed in.
import type { Plan, PlanLesson, PlanSign } from '../../api/checkins';
import { getPlan } from '../../api/checkins';
import type { Me } from '../../api/me';
import { fullySignedIn } from '../../api/me';
import { ApiError } from '../../api/problem';
import { useSession } from '../account/session';
import { formatDate, signName } from './sign-words';
import { useLoad } from '../../components/use-load';
import '../../components/form.css';
import './plan-card.css';

/** How many signs the card shows at most. */
export const planSignCount = 3;

export function PlanCard() {
  const { state } = useSession();
  if (state.status !== 'signed-in' || !fullySignedIn(state.me)) return null;
  return <PlanCardFor me={state.me} />;
}

function PlanCardFor({ me }: { me: Me }) {
  const { client } = useSession();
  const [loaded, retry] = useLoad((signal) => getPlan(client, { signal }), [client, me.id]);

  if (loaded.status === 'loading') return null;
  if (loaded.status === 'error') {
    // A server without check-ins yet (404) has no plan to show: say nothing.
    if (loaded.error instanceof ApiError && loaded.error.status === 404) return null;
    return (
      <section class="form-panel plan-card" aria-labelledby="plan-card-title">
        <h2 id="plan-card-title">Your plan</h2>
        <p class="form-muted">
          Your plan couldn’t be loaded just now.{' '}
          <button type="button" class="link-button" onClick={retry}>
            Try again
          </button>
        </p>
      </section>
    );
  }
  return <PlanView plan={loaded.value} timeZone={me.time_zone} />;
}

export function PlanView({ plan, timeZone }: { plan: Plan; timeZone?: string }) {
  if (!plan.last_checkin_at) {
    return (
      <section class="form-panel plan-card" aria-labelledby="plan-card-title">
        <h2 id="plan-card-title">Your plan</h2>
        <p>
          When you’re ready, a short check-in can show where you are right now in close relationships,
          and which lessons might help most to begin with. It takes a few minutes.
        </p>
        <p>
          <a href="/check-in">About the check-in</a>
        </p>
      </section>
    );
  }

  const scored = plan.signs.some((sign) => sign.score !== null);
  const top = plan.signs.filter((sign) => (sign.score ?? 0) > 0).slice(0, planSignCount);
  if (!scored) {
    return (
      <section class="form-panel plan-card" aria-labelledby="plan-card-title">
        <h2 id="plan-card-title">Your plan</h2>
        <p>
          Your plan is built from the second part of the check-in, about the past two weeks. When you
          have a few minutes, it is eight short questions.
        </p>
        <p>
          <a href="/check-in/eight-signs">Answer the questions on the past two weeks</a>
        </p>
      </section>
    );
  }
  return (
    <section class="form-panel plan-card" aria-labelledby="plan-card-title">
      <h2 id="plan-card-title">Your plan</h2>
      {top.length > 0 ? (
        <>
          <p>
            From your check-in on {formatDate(plan.last_checkin_at, timeZone)}, these showed up most for
            you lately, with what may help:
          </p>
          <ul class="plan-signs">
            {pickLessons(top).map(({ sign, lessons, more }) => (
              <PlanSignItem key={sign.id} sign={sign} lessons={lessons} more={more} />
            ))}
          </ul>
        </>
      ) : (
        <p>
          In your check-in on {formatDate(plan.last_checkin_at, timeZone)}, none of the eight signs
          showed up in the two weeks before.
        </p>
      )}
      <p class="plan-links">
        <a href="/check-in/results">See your check-in results</a>
      </p>
      {plan.checkin_due ? (
        <div class="plan-due">
          <p>
            It has been a while since your last check-in. If you’d like to see how things are moving,
            you can take it again.
          </p>
          <p>
            <a href="/check-in">Take the check-in again</a>
          </p>
        </div>
      ) : null}
    </section>
  );
}

/** Lessons shown per sign: a couple to start with, never too many for one small card. */
export const lessonsPerSign = 2;

interface SignLessons {
  sign: PlanSign;
  lessons: PlanLesson[];
  /** How many more lessons the plan lists for this sign than the card shows. */
  more: number;
}

/**
 * For each sign, the first lessons in the server's (course) order that an earlier, stronger
 * sign has not already shown: many lessons touch several signs, and the same one three times
 * over would crowd out the rest.
 */
export function pickLessons(signs: PlanSign[]): SignLessons[] {
  const shown = new Set<string>();
  return signs.map((sign) => {
    const fresh = sign.lessons.filter((lesson) => !shown.has(lesson.id));
    const lessons = (fresh.length > 0 ? fresh : sign.lessons).slice(0, lessonsPerSign);
    for (const lesson of lessons) shown.add(lesson.id);
    return { sign, lessons, more: sign.lessons.length - lessons.length };
  });
}

function PlanSignItem({ sign, lessons, more }: SignLessons) {
  const practices = sign.practices;
  const nothing = lessons.length === 0 && practices.length === 0;
  return (
    <li class="plan-sign">
      <h3 class="plan-sign-name">{signName(sign.id)}</h3>
      {nothing ? (
        <p class="form-muted">Lessons for this are still being written.</p>
      ) : (
        <ul class="plan-items">
          {lessons.map((lesson) => (
            <li key={lesson.id}>
              <a href={`/course/lessons/${encodeURIComponent(lesson.id)}`}>{lesson.title}</a>
            </li>
          ))}
          {practices.map((practice) => (
            <li key={practice.id}>
              <a href={`/practices/${encodeURIComponent(practice.id)}`}>
                {practice.title}
              </a>{' '}
              <span class="form-muted">(a practice)</span>
            </li>
          ))}
        </ul>
      )}
      {more > 0 ? (
        <p class="plan-more">
          {more === 1 ? 'One more lesson in the course touches on this.' : `${more} more lessons in the course touch on this.`}
        </p>
      ) : null}
    </li>
  );
}
