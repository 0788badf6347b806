// Turning a refused save into sentences beside the right controls. The server names each field
// by its path in the JSON it was sent ("weekly[2].end", "intake[1].question", "video.url"); a
// form model says, for the body it built, which control each path came from and how to name it
// in a sentence (FieldRef). A problem about a whole part ("weekly[2]", "served") goes to the
// first control inside it; one about something inside a control ("served.countries[3]") to that
// control. Whatever matches nothing is still shown, in the summary, in the server's words.
import type { ComponentChildren } from 'preact';
import { ApiError, type FieldError } from '../../api/problem';
import type { SummaryItem } from '../../components/error-summary';
import { fieldSentence } from '../account/form-problems';
import { generalMessage } from '../account/messages';
import { currentPath, withNext } from '../account/next-path';

export interface FieldRef {
  /** The JSON path the server uses, e.g. "weekly[2].end". */
  path: string;
  /** The element id of the control (or fieldset) that holds it. */
  id: string;
  /** How a sentence names it: "the end of Monday’s hours". */
  noun: string;
}

export interface SaveProblem {
  /** Sentences by element id. */
  errors: Record<string, string>;
  /** The summary's links, in the order of the form. */
  items: SummaryItem[];
  /** A problem that is not about one control. */
  general?: { title: string; message: ComponentChildren };
}

function isInside(path: string, parent: string): boolean {
  return path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`);
}

/** The control a server path belongs to, if any. */
export function refFor(path: string, fields: readonly FieldRef[]): FieldRef | undefined {
  const exact = fields.find((f) => f.path === path);
  if (exact) return exact;
  const inside = fields.find((f) => isInside(f.path, path));
  if (inside) return inside;
  return fields
    .filter((f) => isInside(path, f.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** The problems in a refused save, placed on the form's controls. */
export function saveProblem(error: unknown, fields: readonly FieldRef[], notSaved: string): SaveProblem {
  if (error instanceof ApiError && error.status === 401) {
    return {
      errors: {},
      items: [],
      general: {
        title: 'Please log in again',
        message: (
          <p>
            You were logged out after a while, so this was not saved. What you entered is still on this page:{' '}
            <a href={withNext('/login', currentPath())} target="_blank" rel="noopener">
              log in again in a new tab
            </a>
            , then come back here and save.
          </p>
        ),
      },
    };
  }
  const fieldErrors = error instanceof ApiError ? error.errors : [];
  if (fieldErrors.length === 0) {
    return { errors: {}, items: [], general: { title: notSaved, message: <p>{generalMessage(error)}</p> } };
  }
  return placeFieldErrors(fieldErrors, fields);
}

/** Field errors (the server's, or the form's own checks) placed on the form's controls. */
export function placeFieldErrors(fieldErrors: readonly FieldError[], fields: readonly FieldRef[]): SaveProblem {
  const errors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const { field, message } of fieldErrors) {
    const ref = refFor(field, fields);
    if (!ref) unplaced.push(fieldSentence(field.replace(/[._[\]]+/g, ' ').trim() || 'this', message));
    else errors[ref.id] ??= fieldSentence(ref.noun, message);
  }
  const seen = new Set<string>();
  const items: SummaryItem[] = [];
  for (const f of fields) {
    const message = errors[f.id];
    if (message && !seen.has(f.id)) items.push({ id: f.id, message });
    seen.add(f.id);
  }
  return {
    errors,
    items,
    general:
      unplaced.length > 0
        ? {
            title: 'Please check these details',
            message: (
              <ul class="form-summary-list">
                {unplaced.map((sentence) => (
                  <li key={sentence}>{sentence}</li>
                ))}
              </ul>
            ),
          }
        : undefined,
  };
}
