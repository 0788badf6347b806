// Small pure helpers for the help panel: links that dial or text, and dates in words.

/** "tel:116123" from "116 123": only what a phone dials. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+*#]/g, '')}`;
}

/** "sms:85258?&body=SHOUT": opens the messaging app with the keyword already typed. */
export function smsHref(number: string, keyword?: string): string {
  const digits = number.replace(/[^\d+]/g, '');
  return keyword ? `sms:${digits}?&body=${encodeURIComponent(keyword)}` : `sms:${digits}`;
}

/** "112 or 999" → ["112", "999"]: the first is the one to offer first. */
export function emergencyNumbers(emergency: string): string[] {
  return emergency
    .split(/\s*(?:\bor\b|,|\/)\s*/i)
    .map((part) => part.trim())
    .filter((part) => /\d/.test(part));
}

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-11-29" → "29 November 2026". Read as a calendar date: no time zone can shift it. */
export function dateInWords(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? months[Number(match[2]) - 1] : undefined;
  if (!match || !month) return isoDate;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** The provider's site, only if it is a plain https address (the data is checked, but links are
 * the one place where a bad value could do harm). */
export function safeUrl(url: string | undefined): string | undefined {
  return url && /^https:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined;
}
