// The practice player: before (instructions, length, pace, distress) → during (the pacer) →
// after (distress again) → a kind close. It records nothing itself: when the learner finishes,
// `onFinished` receives what happened, for whoever wants to keep it (practice-page.tsx sends it
// to the history), and `afterword` is shown on the closing screen (what became of it). With
// `returnTo` (a checked same-app path), the way back there is offered before beginning and is
// the main action when done, naming the practice that was done.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Practice } from '../../api/practices';
import { AfterScreen } from './after-screen';
import { BeforeScreen, type Choices } from './before-screen';
import { practisedPath } from './return-path';
import { RunScreen } from './run-screen';
import { useReducedMotion } from './use-reduced-motion';

/** One practice done: the shape POST /api/v1/practice-sessions takes, less the client's id. */
export interface PracticeResult {
  practice_id: string;
  /** RFC 3339 UTC: when the pacer started. */
  started_at: string;
  /** Time spent practising, pauses left out, in whole seconds. */
  duration_seconds: number;
  distress_before?: number;
  distress_after?: number;
}

type Stage =
  | { name: 'before' }
  | { name: 'during'; choices: Choices; startedAt: string }
  | { name: 'after'; choices: Choices; startedAt: string; elapsedMs: number; completed: boolean }
  | { name: 'done'; result: PracticeResult };

interface PracticePlayerProps {
  practice: Practice;
  onFinished?: (result: PracticeResult) => void;
  /** Shown on the closing screen, under the kind words. */
  afterword?: ComponentChildren;
  /** A checked path (return-path.ts) to go back to, e.g. the journal entry this was opened from. */
  returnTo?: string | undefined;
  /** The length chosen at first, when the practice offers it. */
  initialMinutes?: number | undefined;
  /** The clock, in ms; tests may pass their own. */
  now?: () => number;
}

const performanceNow = () => performance.now();

export function PracticePlayer({
  practice,
  onFinished,
  afterword,
  returnTo,
  initialMinutes,
  now = performanceNow,
}: PracticePlayerProps) {
  const [stage, setStage] = useState<Stage>({ name: 'before' });
  const [lastChoices, setLastChoices] = useState<Partial<Choices> | undefined>(
    initialMinutes !== undefined ? { minutes: initialMinutes } : undefined,
  );
  const reducedMotion = useReducedMotion();

  if (stage.name === 'before') {
    return (
      <>
        <BeforeScreen
          practice={practice}
          initial={lastChoices}
          onBegin={(choices) => {
            setLastChoices(choices);
            setStage({ name: 'during', choices, startedAt: new Date().toISOString() });
          }}
        />
        {returnTo ? (
          <p class="practice-return">
            <a href={returnTo}>Back to your entry without practising</a>
          </p>
        ) : null}
      </>
    );
  }
  if (stage.name === 'during') {
    return (
      <RunScreen
        practice={practice}
        minutes={stage.choices.minutes}
        rate={stage.choices.rate}
        reducedMotion={reducedMotion}
        now={now}
        onEnd={(elapsedMs, completed) => setStage({ ...stage, name: 'after', elapsedMs, completed })}
      />
    );
  }
  if (stage.name === 'after') {
    return (
      <AfterScreen
        completed={stage.completed}
        elapsedMs={stage.elapsedMs}
        onFinish={(distressAfter) => {
          const result: PracticeResult = {
            practice_id: practice.id,
            started_at: stage.startedAt,
            duration_seconds: Math.round(stage.elapsedMs / 1000),
            ...(stage.choices.distressBefore !== undefined ? { distress_before: stage.choices.distressBefore } : {}),
            ...(distressAfter !== undefined ? { distress_after: distressAfter } : {}),
          };
          setStage({ name: 'done', result });
          onFinished?.(result);
        }}
      />
    );
  }
  return (
    <DoneScreen
      result={stage.result}
      afterword={afterword}
      back={returnTo ? practisedPath(returnTo, practice.id) : undefined}
      onAgain={() => setStage({ name: 'before' })}
    />
  );
}

interface DoneScreenProps {
  result: PracticeResult;
  afterword: ComponentChildren;
  /** Where "Back to your entry" leads, when the practice was opened from one. */
  back: string | undefined;
  onAgain: () => void;
}

function DoneScreen({ result, afterword, back, onAgain }: DoneScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const before = result.distress_before;
  const after = result.distress_after;
  return (
    <div class="practice-done">
      <h2 ref={heading} tabIndex={-1}>
        Thank you for taking this time
      </h2>
      <p>
        Whatever you felt, you showed up for yourself. Each time you practise, your body learns a little more that it
        can settle.
      </p>
      {before !== undefined && after !== undefined ? (
        <p class="form-muted">
          You said {before} out of 10 before, and {after} now.
        </p>
      ) : null}
      {afterword}
      {back ? (
        <div class="practice-controls">
          <a class="action-button practice-back" href={back}>
            Back to your entry
          </a>
          <button type="button" class="form-secondary" onClick={onAgain}>
            Do it again
          </button>
        </div>
      ) : (
        <div class="practice-controls">
          <button type="button" class="action-button" onClick={onAgain}>
            Do it again
          </button>
          <a class="form-secondary practice-back" href="/practices">
            Back to practices
          </a>
        </div>
      )}
    </div>
  );
}
