// The practitioner's own notes about one client (issue #10), for the client's page in the console:
// her notes, newest first, each with when it was written and, if it is about a session, that
// session's date; a box to write one (tied to a session if she likes); changing and deleting
// (asked first). Only she can see them: the server keeps them sealed and never shows them to the
// client, and the section says so.
//
// Self-contained: give it the client's id (and the client's sessions, to offer them for a tie).
// A save is announced in the status line, which takes focus (use-news.ts); a refused save puts
// its sentence beside the box, as every console form does (use-save.ts).
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  changeNote,
  deleteNote,
  listClientNotes,
  maxNoteChars,
  writeClientNote,
  type ClientNotes,
  type SessionNote,
  type UnreadableNote,
} from '../../api/console-notes';
import type { BookingStatus } from '../../api/console-scheduling';
import { FormField } from '../../components/form-field';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { ConfirmAction } from './confirm-action';
import { longDate, statusWords, timeOfDay } from './console-words';
import type { FieldRef } from './field-errors';
import { LoadProblem, Loading } from './load-problem';
import { SaveSummary } from './save-summary';
import { useNews } from '../../components/use-news';
import { useSave } from './use-save';
import './session-notes.css';

/** One of the client's sessions with her; ConsoleBooking and the client page's sessions fit. */
export interface NoteSession {
  id: string;
  start: string;
  status?: BookingStatus | string;
}

interface SessionNotesProps {
  clientId: string;
  /** The client's sessions, any order: offered for a note to be about. None: notes are untied. */
  bookings?: readonly NoteSession[];
  /** The zone dates are shown in; default: hers (her profile's). */
  timeZone?: string;
  /** The section's heading level within the page; each note's is one below. */
  level?: 2 | 3;
}

/** "30 November 2026, 09:00" in `zone`. */
export function noteTime(instant: string, zone: string): string {
  return `${longDate(instant, zone)}, ${timeOfDay(instant, zone)}`;
}

/** How a session is named in the list and the choice: "30 March 2026, 09:00 (cancelled)". */
export function sessionWords(session: Pick<NoteSession, 'start' | 'status'>, zone: string): string {
  const when = noteTime(session.start, zone);
  const status = session.status as BookingStatus | undefined;
  return status && status !== 'confirmed' && status in statusWords ? `${when} (${statusWords[status].toLowerCase()})` : when;
}

/** Characters as the server counts them (code points), so the limit reads the same on both. */
export function noteLength(text: string): number {
  return [...text.trim()].length;
}

/** The form's own check before asking the server: the same rules, the same words. */
export function checkNote(text: string): { field: string; message: string }[] {
  if (text.trim() === '') return [{ field: 'text', message: 'is empty: please write something before saving' }];
  if (noteLength(text) > maxNoteChars) {
    return [{ field: 'text', message: `is too long: at most ${maxNoteChars.toLocaleString('en-GB')} characters, please` }];
  }
  return [];
}

export function SessionNotes({ clientId, bookings, timeZone, level = 2 }: SessionNotesProps) {
  const { client, state } = useSession();
  const zone = timeZone ?? (state.status === 'signed-in' ? state.me.time_zone : 'UTC');
  const [loaded, retry] = useLoad((signal) => listClientNotes(clientId, client, { signal }), [client, clientId]);
  const Heading = level === 2 ? 'h2' : 'h3';
  const id = `notes-${clientId}`;

  return (
    <section class="session-notes" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>Session notes</Heading>
      <p class="session-notes-private">
        <strong>Only you can see these notes.</strong> They are kept encrypted, are never shown to your client, and
        are kept apart from anything your client shares with you.
      </p>
      {loaded.status === 'loading' ? <Loading what="your notes" /> : null}
      {loaded.status === 'error' ? <LoadProblem error={loaded.error} retry={retry} what="your notes" /> : null}
      {loaded.status === 'ready' ? (
        <Notes
          key={clientId}
          id={id}
          clientId={clientId}
          initial={loaded.value}
          bookings={bookings ?? []}
          zone={zone}
          level={level}
        />
      ) : null}
    </section>
  );
}

interface NotesProps {
  id: string;
  clientId: string;
  initial: ClientNotes;
  bookings: readonly NoteSession[];
  zone: string;
  level: 2 | 3;
}

function Notes({ id, clientId, initial, bookings, zone, level }: NotesProps) {
  const [notes, setNotes] = useState<SessionNote[]>(initial.notes);
  const [unreadable, setUnreadable] = useState<UnreadableNote[]>(initial.unreadable);
  const { news, say, ref } = useNews();

  const added = (note: SessionNote) => {
    setNotes((now) => [note, ...now]);
    say('Your note is saved.');
  };
  const changed = (note: SessionNote) => {
    setNotes((now) => now.map((n) => (n.id === note.id ? note : n)));
    say('Your changes are saved.');
  };
  const deleted = (noteId: string) => {
    setNotes((now) => now.filter((n) => n.id !== noteId));
    setUnreadable((now) => now.filter((n) => n.id !== noteId));
    say('The note is deleted.');
  };

  return (
    <>
      <NewNote id={id} clientId={clientId} bookings={bookings} zone={zone} onAdded={added} />
      <p role="status" tabIndex={-1} ref={ref} class={news ? 'form-note session-notes-news' : 'visually-hidden'}>
        {news}
      </p>
      {notes.length === 0 && unreadable.length === 0 ? (
        <p class="form-muted">No notes about this client yet.</p>
      ) : null}
      {notes.length > 0 ? (
        <ol class="console-list session-notes-list" aria-label="Your notes, newest first">
          {notes.map((note) => (
            <NoteCard
              key={note.id}
              note={note}
              bookings={bookings}
              zone={zone}
              level={level}
              onChanged={changed}
              onDeleted={deleted}
            />
          ))}
        </ol>
      ) : null}
      {unreadable.length > 0 ? <Unreadable notes={unreadable} zone={zone} level={level} onDeleted={deleted} /> : null}
    </>
  );
}

interface NewNoteProps {
  id: string;
  clientId: string;
  bookings: readonly NoteSession[];
  zone: string;
  onAdded: (note: SessionNote) => void;
}

function NewNote({ id, clientId, bookings, zone, onAdded }: NewNoteProps) {
  const { client } = useSession();
  const [text, setText] = useState('');
  const [booking, setBooking] = useState('');
  const save = useSave();
  const errors = save.problem?.errors ?? {};
  const textId = `${id}-new`;
  const bookingId = `${id}-session`;
  const fields: FieldRef[] = [
    { path: 'text', id: textId, noun: 'your note' },
    { path: 'booking_id', id: bookingId, noun: 'the session chosen' },
  ];
  // Newest first: the sessions she is most likely writing about.
  const sessions = [...bookings].sort((a, b) => b.start.localeCompare(a.start));

  const submit = (event: Event) => {
    event.preventDefault();
    const problems = checkNote(text);
    if (problems.length > 0) return save.refuse(problems, fields);
    void save.run(
      async () => {
        const note = await writeClientNote(clientId, { text, booking_id: booking || null }, client);
        setText('');
        setBooking('');
        onAdded(note);
      },
      fields,
      'Your note was not saved',
    );
  };

  return (
    <form noValidate onSubmit={submit} class="session-notes-form">
      <SaveSummary save={save} id={`${id}-new-summary`} />
      <NoteBox
        id={textId}
        label="New note"
        hint={`Up to ${maxNoteChars.toLocaleString('en-GB')} characters. Saved when you press Save note.`}
        error={errors[textId]}
        rows={6}
        value={text}
        onInput={(value) => {
          save.edited();
          setText(value);
        }}
      />
      {sessions.length > 0 ? (
        <FormField id={bookingId} label="About a session (optional)" error={errors[bookingId]}>
          {(aria) => (
            <select
              {...aria}
              class="form-input session-notes-session"
              value={booking}
              onChange={(e) => {
                save.edited();
                setBooking(e.currentTarget.value);
              }}
            >
              <option value="">No particular session</option>
              {sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {sessionWords(s, zone)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      <button type="submit" class="action-button" disabled={save.sending}>
        {save.sending ? 'Saving…' : 'Save note'}
      </button>
    </form>
  );
}

interface NoteCardProps {
  note: SessionNote;
  bookings: readonly NoteSession[];
  zone: string;
  level: 2 | 3;
  onChanged: (note: SessionNote) => void;
  onDeleted: (noteId: string) => void;
}

function NoteCard({ note, bookings, zone, level, onChanged, onDeleted }: NoteCardProps) {
  const { client } = useSession();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const save = useSave();
  const errors = save.problem?.errors ?? {};
  const editButton = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const wasEditing = useRef(false);
  const cancelled = useRef(false);
  const Heading = level === 2 ? 'h3' : 'h4';
  const written = noteTime(note.written_at, zone);
  const textId = `note-${note.id}-text`;
  const fields: FieldRef[] = [{ path: 'text', id: textId, noun: 'your note' }];
  const session = note.booking_id ? bookings.find((b) => b.id === note.booking_id) : undefined;
  const sessionStart = note.booking_start ?? session?.start;

  useEffect(() => {
    // Into the box when she starts; back to Edit when she stops without saving (a save moves
    // focus to the status line instead).
    if (editing) box.current?.focus();
    else if (wasEditing.current && cancelled.current) editButton.current?.focus();
    wasEditing.current = editing;
    cancelled.current = false;
  }, [editing]);

  const submit = (event: Event) => {
    event.preventDefault();
    const problems = checkNote(text);
    if (problems.length > 0) return save.refuse(problems, fields);
    void save.run(
      async () => {
        const stored = await changeNote(note.id, text, client);
        setEditing(false);
        onChanged(stored);
      },
      fields,
      'Your changes were not saved',
    );
  };

  return (
    <li class="console-card session-note">
      <Heading class="session-note-title">Written {written}</Heading>
      <p class="console-card-meta">
        {note.booking_id
          ? sessionStart
            ? `About the session on ${sessionWords({ start: sessionStart, status: session?.status }, zone)}.`
            : 'About a session that is no longer booked.'
          : 'Not about a particular session.'}
        {note.updated_at !== note.written_at ? ` Changed ${noteTime(note.updated_at, zone)}.` : ''}
      </p>
      {editing ? (
        <form noValidate onSubmit={submit} class="session-notes-form">
          <SaveSummary save={save} id={`note-${note.id}-summary`} />
          <NoteBox
            id={textId}
            label="Your note"
            error={errors[textId]}
            rows={8}
            value={text}
            boxRef={box}
            onInput={(value) => {
              save.edited();
              setText(value);
            }}
          />
          <div class="console-buttons">
            <button type="submit" class="action-button" disabled={save.sending}>
              {save.sending ? 'Saving…' : 'Save changes'}
            </button>
            <button
              type="button"
              class="form-secondary"
              disabled={save.sending}
              onClick={() => {
                cancelled.current = true;
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <p class="session-note-text">{note.text}</p>
          <div class="console-buttons">
            <button
              type="button"
              class="form-secondary"
              ref={editButton}
              onClick={() => {
                setText(note.text);
                setEditing(true);
              }}
            >
              Edit <span class="visually-hidden">the note written {written}</span>
            </button>
            <DeleteNote id={note.id} written={written} onDeleted={onDeleted} />
          </div>
        </>
      )}
    </li>
  );
}

interface UnreadableProps {
  notes: readonly UnreadableNote[];
  zone: string;
  level: 2 | 3;
  onDeleted: (noteId: string) => void;
}

function Unreadable({ notes, zone, level, onDeleted }: UnreadableProps) {
  const Heading = level === 2 ? 'h3' : 'h4';
  return (
    <div class="form-panel session-notes-unreadable">
      <Heading>{notes.length === 1 ? 'A note that can’t be opened' : `${notes.length} notes that can’t be opened`}</Heading>
      <p>
        This server can’t unlock {notes.length === 1 ? 'this note' : 'these notes'}: the key{' '}
        {notes.length === 1 ? 'it was' : 'they were'} locked with may be missing. Whoever looks after the server can
        check its keys.
      </p>
      <ul class="console-list">
        {notes.map((note) => {
          const written = noteTime(note.written_at, zone);
          return (
            <li key={note.id} class="session-notes-unreadable-item">
              <span>Written {written}</span>
              <DeleteNote id={note.id} written={written} onDeleted={onDeleted} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

interface NoteBoxProps {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  rows: number;
  value: string;
  onInput: (value: string) => void;
  boxRef?: Ref<HTMLTextAreaElement>;
}

/** The box a note is written in, labelled, with its error beside it. */
function NoteBox({ id, label, hint, error, rows, value, onInput, boxRef }: NoteBoxProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <textarea
          {...aria}
          ref={boxRef}
          class="form-input session-notes-text"
          rows={rows}
          value={value}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
    </FormField>
  );
}

/** Delete, asked first; `written` names the note to a screen reader. */
function DeleteNote({ id, written, onDeleted }: { id: string; written: string; onDeleted: (noteId: string) => void }) {
  const { client } = useSession();
  return (
    <ConfirmAction
      id={`delete-${id}`}
      label="Delete"
      context={`the note written ${written}`}
      question="Delete this note?"
      yes="Yes, delete it"
      no="No, keep it"
      notDone="The note was not deleted."
      onConfirm={async () => {
        await deleteNote(id, client);
        onDeleted(id);
      }}
      level={4}
    >
      <p>It will be gone for good: there is no bin to bring it back from.</p>
    </ConfirmAction>
  );
}
