// The ten recovery codes, shown once, with two easy ways to keep them: copy to the clipboard
// (for a password manager) or download as a small text file. Nothing is stored by the app.
// A code is six groups of four ("7kq4-mx2p-9rbc-t8wd-h3na-5fgy"); on a narrow phone it may wrap,
// but only after a dash, never inside a group.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';

interface RecoveryCodesProps {
  codes: string[];
  email: string;
}

export function recoveryCodesText(codes: readonly string[], email: string): string {
  return [
    'Secure Base: recovery codes',
    `For the account ${email}`,
    '',
    'If you lose the phone with your authenticator app, each of these codes lets you log in once.',
    'Keep them somewhere safe and private.',
    '',
    ...codes,
    '',
  ].join('\n');
}

/** The code with a line-break opportunity after each dash (the text stays the same). */
function codeWithBreaks(code: string) {
  return code.split('-').map((group, i) => (
    <Fragment key={i}>
      {i > 0 ? (
        <>
          -<wbr />
        </>
      ) : null}
      {group}
    </Fragment>
  ));
}

export function RecoveryCodes({ codes, email }: RecoveryCodesProps) {
  const [note, setNote] = useState('');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(recoveryCodesText(codes, email));
      setNote('Copied. Paste them somewhere safe, such as a password manager.');
    } catch {
      setNote('We couldn’t copy them here. Please select the codes and copy them yourself, or download them.');
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([recoveryCodesText(codes, email)], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'secure-base-recovery-codes.txt';
    document.body.append(link);
    link.click();
    link.remove();
    // Give the download a moment to start before the URL is let go.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setNote('Downloaded as secure-base-recovery-codes.txt.');
  };

  return (
    <>
      <p>
        If you lose your phone, each of these codes lets you log in once. Keep them somewhere safe and private, such as a
        password manager or a printed copy. This is the only time we show them.
      </p>
      <ol class="account-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{codeWithBreaks(code)}</code>
          </li>
        ))}
      </ol>
      <div class="form-actions">
        <button type="button" class="form-secondary" onClick={copy}>
          Copy the codes
        </button>
        <button type="button" class="form-secondary" onClick={download}>
          Download as a text file
        </button>
      </div>
      <p role="status" class="account-status">
        {note}
      </p>
    </>
  );
}
