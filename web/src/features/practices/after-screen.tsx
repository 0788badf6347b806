// After a practice: a kind word whatever happened (ending early is fine), an optional distress
// rating, and "Finish". A 9 or 10 brings "Need help now" forward.
import { useEffect, useRef, useState } from 'preact/hooks';
import { openHelpPanel } from '../safety/help-request';
import { DistressQuestion } from './distress-question';
import { distressHelpThreshold } from './words';

interface AfterScreenProps {
  completed: boolean;
  elapsedMs: number;
  onFinish: (distressAfter: number | undefined) => void;
}

export function AfterScreen({ completed, elapsedMs, onFinish }: AfterScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [distress, setDistress] = useState<number | undefined>(undefined);
  useEffect(() => heading.current?.focus(), []);

  function finish(event: Event) {
    event.preventDefault();
    if (distress !== undefined && distress >= distressHelpThreshold) openHelpPanel();
    onFinish(distress);
  }

  return (
    <form class="practice-after" onSubmit={finish} noValidate>
      <h2 ref={heading} tabIndex={-1}>
        {completed ? 'You made it to the end' : 'You stopped, and that is fine'}
      </h2>
      <p>
        {completed
          ? 'Take a moment before you move on. Notice your breath, your hands, the ground under you.'
          : `You gave this ${spentText(elapsedMs)}. Stopping when you need to is part of looking after yourself.`}
      </p>
      <DistressQuestion
        name="distress-after"
        legend={'How distressed do you feel now, 0\u2060–\u206010?'}
        value={distress}
        onChange={setDistress}
      />
      <button type="submit" class="action-button">
        Finish
      </button>
    </form>
  );
}

/** "40 seconds", "3 minutes". */
export function spentText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}
