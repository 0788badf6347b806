// The intake answers while they are written, and what the questions step checks before moving
// on: each required question answered, none longer than the server keeps. Answers are kept in
// memory only (never in storage): they are sealed by the server and read by the practitioner.
//
// Pure functions.
import { intakeAnswerLimit, type IntakeQuestion } from '../../api/scheduling';

/** Characters as the server counts them: Unicode code points. */
export function characters(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** The element id of a question's text box. */
export function questionFieldId(id: string): string {
  return `sched-q-${id}`;
}

export interface IntakeProblem {
  /** The text box's element id. */
  id: string;
  message: string;
}

export function intakeProblems(questions: readonly IntakeQuestion[], answers: Record<string, string>): IntakeProblem[] {
  const problems: IntakeProblem[] = [];
  for (const question of questions) {
    const answer = answers[question.id] ?? '';
    if (question.required && answer.trim() === '') {
      problems.push({ id: questionFieldId(question.id), message: `Please answer “${question.question}”` });
    } else if (characters(answer) > intakeAnswerLimit) {
      problems.push({
        id: questionFieldId(question.id),
        message: `Please shorten your answer to “${question.question}” to ${intakeAnswerLimit.toLocaleString('en-GB')} characters`,
      });
    }
  }
  return problems;
}

/** What the booking sends: an answer for every question that has one, trimmed. */
export function intakeToSend(questions: readonly IntakeQuestion[], answers: Record<string, string>): Record<string, string> {
  const sent: Record<string, string> = {};
  for (const question of questions) {
    const answer = (answers[question.id] ?? '').trim();
    if (answer !== '') sent[question.id] = answer;
  }
  return sent;
}
