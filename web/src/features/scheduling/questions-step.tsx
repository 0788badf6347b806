// Step 4 of booking: the session type's intake questions, each a text box with its count of
// characters (the server keeps up to 2,000), required ones marked. Only the practitioner reads
// the answers. Unanswered required questions are listed in a summary that takes focus.
import { useState } from 'preact/hooks';
import { intakeAnswerLimit, type IntakeQuestion } from '../../api/scheduling';
import { ErrorSummary } from '../../components/error-summary';
import { FormField } from '../../components/form-field';
import { characters, intakeProblems, questionFieldId, type IntakeProblem } from './intake';

interface QuestionsStepProps {
  questions: IntakeQuestion[];
  answers: Record<string, string>;
  onAnswer: (id: string, text: string) => void;
  onContinue: () => void;
}

export function QuestionsStep({ questions, answers, onAnswer, onContinue }: QuestionsStepProps) {
  const [problems, setProblems] = useState<IntakeProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const anyRequired = questions.some((q) => q.required);

  return (
    <form
      class="sched-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found = intakeProblems(questions, answers);
        setProblems(found);
        if (found.length > 0) setAttempt((n) => n + 1);
        else onContinue();
      }}
    >
      {problems.length > 0 ? <ErrorSummary title="A little more is needed" items={problems} attempt={attempt} /> : null}
      <p class="form-hint sched-why">
        These help your therapist prepare. Only your therapist reads your answers, and they are stored encrypted.
        {anyRequired ? ' Questions marked “required” need an answer; the others are up to you.' : ' Answer as much or as little as you like.'}
      </p>
      {questions.map((question) => {
        const id = questionFieldId(question.id);
        const text = answers[question.id] ?? '';
        const count = characters(text);
        const error = problems.find((p) => p.id === id)?.message;
        return (
          <FormField
            key={question.id}
            id={id}
            label={
              <>
                {question.question} <span class="sched-mark">{question.required ? '(required)' : '(optional)'}</span>
              </>
            }
            error={error}
          >
            {(aria) => (
              <>
                <textarea
                  {...aria}
                  aria-describedby={[aria['aria-describedby'], `${id}-count`].filter(Boolean).join(' ')}
                  aria-required={question.required ? 'true' : undefined}
                  class="form-input sched-textarea"
                  name={question.id}
                  rows={5}
                  value={text}
                  onInput={(event) => onAnswer(question.id, event.currentTarget.value)}
                />
                <p id={`${id}-count`} class={count > intakeAnswerLimit ? 'sched-count is-over' : 'sched-count'}>
                  {countWords(count)}
                </p>
              </>
            )}
          </FormField>
        );
      })}
      <button type="submit" class="action-button form-submit">
        Continue
      </button>
    </form>
  );
}

export function countWords(count: number): string {
  const limit = intakeAnswerLimit.toLocaleString('en-GB');
  if (count > intakeAnswerLimit) {
    const over = count - intakeAnswerLimit;
    return `${count.toLocaleString('en-GB')} of ${limit} characters: ${over === 1 ? '1 character' : `${over.toLocaleString('en-GB')} characters`} too many`;
  }
  return `${count.toLocaleString('en-GB')} of ${limit} characters`;
}
