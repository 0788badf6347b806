// What someone hears when the practitioner cannot offer sessions where they will be: her own
// message, why in our words (the rules of her profession, not anything about them), the way to
// urgent help, and ways on — never a dead end. Takes focus when it appears.
import { useFocusOnMount } from '../account/use-focus-on-mount';
import { HelpButton } from '../safety/help-button';

interface OutsidePanelProps {
  /** Her outside_message (or the server's detail, which is the same message). */
  message: string;
  /** Where "Change where you’ll be" leads, when that is a step away. */
  changeHref?: string;
  onChange?: () => void;
}

export function OutsidePanel({ message, changeHref, onChange }: OutsidePanelProps) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div class="form-note sched-outside" role="region" aria-labelledby="sched-outside-heading">
      <h3 id="sched-outside-heading" tabIndex={-1} ref={heading}>
        Your therapist can’t offer sessions there
      </h3>
      <p>
        Therapists may only work with people in the places they are licensed for, so this is about the rules of their
        profession, not about you.{message ? ' In their words:' : ''}
      </p>
      {message ? <blockquote class="sched-quote">{message}</blockquote> : null}
      <p>
        <HelpButton class="link-button">Need support now? See who you can call or text where you are</HelpButton>
      </p>
      <ul class="sched-ways">
        {onChange ? (
          <li>
            <button type="button" class="link-button" onClick={onChange}>
              Change where you’ll be
            </button>
          </li>
        ) : changeHref ? (
          <li>
            <a href={changeHref}>Change where you’ll be</a>
          </li>
        ) : null}
        <li>
          <a href="/practices">Try a short calming practice</a>
        </li>
        <li>
          <a href="/sessions">Back to your sessions</a>
        </li>
      </ul>
    </div>
  );
}
