// Two-factor codes as people type them: "123 456" is "123456"; a recovery code keeps its own
// letters and dashes but loses stray spaces. And the words for codes that are missing or wrong.

export function normalizeCode(typed: string, kind: 'app' | 'recovery'): string {
  return kind === 'app' ? typed.replace(/[\s-]/g, '') : typed.trim().replace(/\s+/g, '');
}

export const codeMessages = {
  app: {
    empty: 'Please enter the six-digit code from your authenticator app.',
    wrong:
      'That code didn’t work. Codes change every 30 seconds, so please enter the one your app shows now. If it keeps happening, check that your phone sets its clock automatically.',
  },
  recovery: {
    empty: 'Please enter one of your recovery codes.',
    wrong: 'That recovery code didn’t work. Please check it, or try another one: each code works only once.',
  },
} as const;
