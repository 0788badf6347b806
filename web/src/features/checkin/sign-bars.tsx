// The eight signs as horizontal bars: each sign's name, how often in words and in numbers
// ("Often, 3 of 4"), and the bar itself as decoration (the text carries the meaning, so colour
// and length are never the only signal). Bars are SVG rects sized by attribute, because the
// CSP allows no style attributes. The change since last time sits under each sign, in words.
import type { Checkin, Scale, SignScore } from '../../api/checkins';
import { signName } from './sign-words';

interface SignBarsProps {
  checkin: Checkin;
  /** The eight-signs answer scale (0 never … 4 almost always). */
  scale: Pick<Scale, 'min' | 'max' | 'labels'>;
}

export function frequencyWords(score: number, scale: SignBarsProps['scale']): string | undefined {
  const count = scale.max - scale.min + 1;
  if (scale.labels.length !== count) return undefined;
  const index = Math.round(score) - scale.min;
  return scale.labels[Math.min(count - 1, Math.max(0, index))];
}

function number(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function SignBars({ checkin, scale }: SignBarsProps) {
  const signs: SignScore[] = checkin.signs ?? [];
  const span = scale.max - scale.min || 1;
  return (
    <ul class="sign-bars">
      {signs.map((sign) => {
        const words = frequencyWords(sign.score, scale);
        const share = Math.min(1, Math.max(0, (sign.score - scale.min) / span));
        const change = checkin.change?.[sign.id];
        return (
          <li key={sign.id} class="sign-bar">
            <div class="sign-bar-text">
              <span class="sign-bar-name">{signName(sign.id)}</span>
              <span class="sign-bar-value">
                {words ? `${capitalise(words)}, ` : ''}
                {number(sign.score)} of {scale.max}
              </span>
            </div>
            <svg class="sign-bar-graphic" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect class="sign-bar-track" x="0" y="0" width="100" height="8" rx="4" />
              {share > 0 ? <rect class="sign-bar-fill" x="0" y="0" width={Math.max(share * 100, 4)} height="8" rx="4" /> : null}
            </svg>
            {change ? <p class="sign-bar-change">{changeWords(change.difference)}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** "1 more than last time", "about the same as last time". */
export function changeWords(difference: number): string {
  if (Math.abs(difference) < 0.05) return 'The same as last time.';
  const size = number(Math.abs(difference));
  return difference > 0 ? `${size} higher than last time.` : `${size} lower than last time.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
