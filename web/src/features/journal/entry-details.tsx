// An entry, readable: every field that holds something, under a plain label, in the same
// sections as the form; empty fields left out; choices in words; line breaks kept.
import type { ComponentChildren } from 'preact';
import type { Entry, PartsNote, TriggerLog } from '../../api/journal';
import { whenWords } from './journal-format';
import { helpedName, sensationName, signName, stateName, stateWords, urgeName } from './journal-words';
import { usePrompt } from './use-prompt';

interface Item {
  label: string;
  value: ComponentChildren;
}

/** `level`: the trigger log's section headings (2 on the entry's own page; deeper in the console). */
export function EntryDetails({ entry, timeZone, level = 2 }: { entry: Entry; timeZone: string; level?: 2 | 5 }) {
  let body: ComponentChildren = null;
  if (entry.kind === 'trigger' && entry.trigger) body = <TriggerDetails log={entry.trigger} level={level} />;
  else if (entry.kind === 'reflection' && entry.reflection) {
    body = (
      <ReflectionDetails
        text={entry.reflection.text}
        lessonId={entry.reflection.lesson_id}
        promptId={entry.reflection.prompt_id}
      />
    );
  } else if (entry.kind === 'parts' && entry.parts) body = <PartsDetails note={entry.parts} />;

  const meta: Item[] = [];
  if (entry.tags.length > 0) meta.push({ label: 'Tags', value: entry.tags.join(', ') });
  meta.push({ label: 'Written', value: whenWords(entry.created_at, timeZone) });
  if (entry.updated_at !== entry.created_at) meta.push({ label: 'Last changed', value: whenWords(entry.updated_at, timeZone) });

  return (
    <div class="journal-entry">
      {body}
      <Items items={meta} class="journal-meta" />
    </div>
  );
}

function TriggerDetails({ log, level }: { log: TriggerLog; level: 2 | 5 }) {
  const Heading = level === 2 ? 'h2' : 'h5';
  const text = (label: string, value: string): Item[] => (value.trim() ? [{ label, value: <Prose text={value} /> }] : []);
  const list = (label: string, ids: string[], name: (id: string) => string): Item[] =>
    ids.length > 0 ? [{ label, value: <WordList words={ids.map(name)} /> }] : [];
  const rating = (label: string, value: number | null): Item[] =>
    value === null ? [] : [{ label, value: `${value} out of 10` }];

  const sections: [string, Item[]][] = [
    ['What happened', text('What happened', log.situation)],
    ['What I told myself', text('What I told myself', log.self_talk)],
    [
      'In my body',
      [
        ...list('What I noticed in my body', log.sensations, sensationName),
        ...text('More about my body', log.body_note),
        ...(log.state
          ? [{ label: 'My nervous system', value: `${stateName(log.state)}: ${stateWords[log.state].hint}` }]
          : []),
      ],
    ],
    [
      'Feelings',
      [
        ...(log.emotions.length > 0
          ? [
              {
                label: 'What I felt',
                value: <WordList words={log.emotions.map((e) => `${e.name}: ${e.intensity} out of 10`)} />,
              },
            ]
          : []),
        ...rating('How intense it was at its strongest', log.intensity_before),
      ],
    ],
    ['The urge', [...list('What I felt like doing', log.urges, urgeName), ...text('More about the urge', log.urge_note)]],
    [
      'What I did and what helped',
      [
        ...text('What I did', log.action),
        ...list('What helped', log.helped, helpedName),
        ...text('More about what helped', log.helped_note),
      ],
    ],
    [
      'Afterwards',
      [...rating('How intense it was afterwards', log.intensity_after), ...list('Signs it touched', log.signs, signName)],
    ],
  ];
  const filled = sections.filter(([, items]) => items.length > 0);
  if (filled.length === 0) return <p class="form-muted">Nothing was written in this log.</p>;
  return (
    <>
      {filled.map(([title, items]) => (
        <section key={title} class="journal-section">
          <Heading class="journal-section-title">{title}</Heading>
          {/* A section holding only its namesake says it once. */}
          {items.length === 1 && items[0]!.label === title ? items[0]!.value : <Items items={items} />}
        </section>
      ))}
    </>
  );
}

function ReflectionDetails({ text, lessonId, promptId }: { text: string; lessonId: string; promptId: string }) {
  const prompt = usePrompt(lessonId, promptId);
  return (
    <>
      {prompt ? (
        <div class="journal-prompt">
          <p class="form-muted">A question from “{prompt.lessonTitle}”</p>
          <p class="journal-prompt-text">{prompt.text}</p>
        </div>
      ) : null}
      {text.trim() ? <Prose text={text} /> : <p class="form-muted">Nothing was written in this reflection.</p>}
    </>
  );
}

function PartsDetails({ note }: { note: PartsNote }) {
  const items: Item[] = [{ label: 'The part', value: note.name }];
  if (note.fears.trim()) items.push({ label: 'What it is afraid of', value: <Prose text={note.fears} /> });
  if (note.protects.trim()) items.push({ label: 'What it protects me from', value: <Prose text={note.protects} /> });
  if (note.needs.trim()) items.push({ label: 'What it needs', value: <Prose text={note.needs} /> });
  return <Items items={items} />;
}

function Items({ items, class: className = 'journal-items' }: { items: Item[]; class?: string }) {
  return (
    <dl class={className}>
      {items.map((item) => (
        <div key={item.label} class="journal-item">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The learner's words with their line breaks (white-space: pre-wrap in journal.css). */
function Prose({ text }: { text: string }) {
  return <p class="journal-prose">{text}</p>;
}

function WordList({ words }: { words: string[] }) {
  return (
    <ul class="journal-words">
      {words.map((word, i) => (
        <li key={`${i}-${word}`}>{word}</li>
      ))}
    </ul>
  );
}
