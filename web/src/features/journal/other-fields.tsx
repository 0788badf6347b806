// The fields of a reflection (free writing, or an answer to a lesson's question, shown when the
// course can give its words) and of a parts note (a part's name, what it fears, what it
// protects, what it needs). The tags field comes last in both.
import type { ComponentChildren } from 'preact';
import { journalLimits, type PartsNote, type Reflection } from '../../api/journal';
import { TextField } from './form-controls';
import { fieldId } from './form-model';
import { usePrompt } from './use-prompt';

interface ReflectionFieldsProps {
  value: Reflection;
  errors: Record<string, string>;
  onChange: (value: Reflection) => void;
  tags: ComponentChildren;
}

export function ReflectionFields({ value, errors, onChange, tags }: ReflectionFieldsProps) {
  const prompt = usePrompt(value.lesson_id, value.prompt_id);
  const id = fieldId('reflection', 'text');
  return (
    <>
      {prompt ? (
        <div class="journal-prompt">
          <p class="form-muted">A question from “{prompt.lessonTitle}”</p>
          <p class="journal-prompt-text">{prompt.text}</p>
        </div>
      ) : null}
      <TextField
        id={id}
        label={prompt ? 'Your answer' : 'Your reflection'}
        hint={prompt ? undefined : 'Whatever is on your mind. There is no right way to do this.'}
        error={errors[id]}
        value={value.text}
        limit={journalLimits.longText}
        rows={10}
        onValue={(text) => onChange({ ...value, text })}
      />
      {tags}
    </>
  );
}

interface PartsFieldsProps {
  value: PartsNote;
  errors: Record<string, string>;
  onChange: (value: PartsNote) => void;
  tags: ComponentChildren;
}

const partsQuestions: [keyof PartsNote, string, string | undefined, number][] = [
  ['name', 'What do you call this part?', 'Any name that fits, such as “the watcher” or “little me”. This is the one question a parts note needs.', journalLimits.shortText],
  ['fears', 'What is it afraid of?', 'What it believes would happen if it stopped.', journalLimits.longText],
  ['protects', 'What is it trying to protect you from?', 'Parts usually mean well, even when what they do hurts.', journalLimits.longText],
  ['needs', 'What does it need?', 'From you, or from someone else.', journalLimits.longText],
];

export function PartsFields({ value, errors, onChange, tags }: PartsFieldsProps) {
  return (
    <>
      {partsQuestions.map(([name, label, hint, limit]) => {
        const id = fieldId('parts', name);
        return (
          <TextField
            key={name}
            id={id}
            label={label}
            hint={hint}
            error={errors[id]}
            value={value[name]}
            limit={limit}
            rows={name === 'name' ? undefined : 4}
            onValue={(text) => onChange({ ...value, [name]: text })}
          />
        );
      })}
      {tags}
    </>
  );
}
