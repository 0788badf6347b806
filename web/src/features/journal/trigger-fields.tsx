// The trigger log's fields, in short sections a phone can take one at a time: what happened,
// what I told myself, in my body, feelings, the urge, what I did and what helped, afterwards.
// Every question may be left out: a log of two lines is still a log.
import type { ComponentChildren } from 'preact';
import { helpedIds, journalLimits, sensationIds, signIds, urgeIds } from '../../api/journal';
import { HelpButton } from '../safety/help-button';
import { distressHelpThreshold } from '../practices/words';
import { EmotionRows } from './emotion-rows';
import { Choices, Rating, StateQuestion, TextField } from './form-controls';
import { fieldId, type TriggerForm } from './form-model';
import { helpedWords, sensationWords, signName, urgeWords } from './journal-words';

interface TriggerFieldsProps {
  value: TriggerForm;
  errors: Record<string, string>;
  onChange: (value: TriggerForm) => void;
  newKey: () => string;
  /** The tags field, shown in the last section. */
  tags: ComponentChildren;
}

const id = (name: string) => fieldId('trigger', name);
const sensationOptions = sensationIds.map((s) => [s, sensationWords[s]] as const);
const urgeOptions = urgeIds.map((u) => [u, urgeWords[u]] as const);
const helpedOptions = helpedIds.map((h) => [h, helpedWords[h]] as const);
const signOptions = signIds.map((s) => [s, signName(s)] as const);

export function TriggerFields({ value, errors, onChange, newKey, tags }: TriggerFieldsProps) {
  const set = <K extends keyof TriggerForm>(key: K) => (next: TriggerForm[K]) => onChange({ ...value, [key]: next });
  const text = (name: keyof TriggerForm & string, label: string, hint: string | undefined, long: boolean) => (
    <TextField
      id={id(name)}
      label={label}
      hint={hint}
      error={errors[id(name)]}
      value={value[name] as string}
      limit={long ? journalLimits.longText : journalLimits.shortText}
      rows={long ? 4 : 2}
      onValue={set(name) as (v: string) => void}
    />
  );

  return (
    <>
      <Section id="journal-what-happened" title="What happened">
        {text('situation', 'What happened?', 'Just the facts, as a camera would have seen them.', true)}
      </Section>

      <Section id="journal-told-myself" title="What I told myself">
        {text('self_talk', 'What did you tell yourself?', 'The thoughts that came, in the words they came in.', true)}
      </Section>

      <Section id="journal-body" title="In my body">
        <Choices
          id={id('sensations')}
          legend="What did you notice in your body?"
          hint="Choose any that fit."
          error={errors[id('sensations')]}
          options={sensationOptions}
          chosen={value.sensations}
          onChange={set('sensations')}
        />
        {text('body_note', 'Anything else about your body?', undefined, false)}
        <StateQuestion id={id('state')} error={errors[id('state')]} value={value.state} onChange={set('state')} />
      </Section>

      <Section id="journal-feelings" title="Feelings">
        <EmotionRows rows={value.emotions} errors={errors} onChange={set('emotions')} newKey={newKey} />
        <Rating
          id={id('intensity_before')}
          legend="How intense was it all, at its strongest?"
          error={errors[id('intensity_before')]}
          value={value.intensity_before}
          onChange={set('intensity_before')}
        >
          {value.intensity_before !== null && value.intensity_before >= distressHelpThreshold ? (
            <p class="journal-care">
              That sounds really hard. If you feel unsafe, or need someone now, you don’t have to manage it alone:{' '}
              <HelpButton class="link-button">see who you can call or text</HelpButton>.
            </p>
          ) : null}
        </Rating>
      </Section>

      <Section id="journal-urge" title="The urge">
        <Choices
          id={id('urges')}
          legend="What did you feel like doing?"
          hint="Choose any that fit. An urge is not an action: noticing it is the point."
          error={errors[id('urges')]}
          options={urgeOptions}
          chosen={value.urges}
          onChange={set('urges')}
        />
        {text('urge_note', 'Anything else about the urge?', undefined, false)}
      </Section>

      <Section id="journal-did-helped" title="What I did and what helped">
        {text('action', 'What did you do?', 'Whatever it was. There is no wrong answer here.', true)}
        <Choices
          id={id('helped')}
          legend="What helped, even a little?"
          hint="Choose any that fit."
          error={errors[id('helped')]}
          options={helpedOptions}
          chosen={value.helped}
          onChange={set('helped')}
        />
        {text('helped_note', 'Anything else that helped?', undefined, false)}
      </Section>

      <Section id="journal-afterwards" title="Afterwards">
        <Rating
          id={id('intensity_after')}
          legend="How intense is it now, or was it afterwards?"
          error={errors[id('intensity_after')]}
          value={value.intensity_after}
          onChange={set('intensity_after')}
        />
        <Choices
          id={id('signs')}
          legend="Did this touch any of the eight signs?"
          hint="Choose any that fit, or none."
          error={errors[id('signs')]}
          options={signOptions}
          chosen={value.signs}
          onChange={set('signs')}
        />
        {tags}
      </Section>
    </>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="journal-section" aria-labelledby={id}>
      <h2 id={id} class="journal-section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}
