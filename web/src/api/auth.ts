// Signing up, in and out, two-factor, and the links sent by mail (docs/api/accounts.md).
// Every function posts JSON through the client, so each carries the CSRF token and is retried
// once if the server refused a stale token. Failures are thrown as ApiError; the problem types
// each route may answer are listed beside it (compare with `error.is(slug)`).
import type { ApiClient, RequestOptions } from './client';
import { defaultClient } from './default-client';
import type { Me } from './me';

type Options = Pick<RequestOptions, 'signal'>;

const base = '/api/v1/auth';

export interface SignupForm {
  email: string;
  /** 8 to 256 characters (code points); very common passwords are refused. */
  password: string;
  /** 1 to 80 characters. */
  display_name: string;
  /** IANA time zone. */
  time_zone: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export type SignupField = keyof SignupForm;

export interface CheckEmail {
  status: 'check-email';
}

/**
 * 202 whether or not the address is registered (its owner gets a mail saying so); 400 with
 * field errors.
 */
export function signup(form: SignupForm, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.post<CheckEmail>(`${base}/signup`, form, options);
}

/** 200 {verified: true}; 400 `invalid-token` when wrong, used or older than 24 hours. */
export function verifyEmail(token: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.post<{ verified: true }>(`${base}/verify`, { token }, options);
}

/** 202 always: a new link goes out only if the address has an unconfirmed account. */
export function resendVerification(email: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.post<unknown>(`${base}/verify/resend`, { email }, options);
}

export interface Credentials {
  email: string;
  password: string;
}

/** The person, and what the new session still owes before it may do anything else. */
export type LoginResult = Me & {
  /** Enter the code from the authenticator app next (POST /auth/mfa). */
  mfa_required?: boolean;
  /** Set up an authenticator next (POST /auth/mfa/enroll, then /auth/mfa/confirm). */
  mfa_enrollment_required?: boolean;
};

/**
 * 200 LoginResult and a new session cookie; 401 `invalid-credentials`; 403
 * `email-not-verified` (a fresh link has been sent); 429 `too-many-requests` (see retryAfter).
 */
export function login(credentials: Credentials, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.post<LoginResult>(`${base}/login`, credentials, options);
}

/** A six-digit code or a recovery code. 200 Me; 400 `invalid-code`; 429 as for login. */
export function submitTwoFactorCode(code: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.post<Me>(`${base}/mfa`, { code }, options);
}

export interface Enrolment {
  /** Base32, for typing into an authenticator app by hand. */
  secret: string;
  /** otpauth://totp/… for apps on this device. */
  otpauth_uri: string;
  /** The otpauth URI as a QR code: an SVG document. */
  qr_svg: string;
  /** Ten single-use codes for when the authenticator is lost. */
  recovery_codes: string[];
}

/**
 * Begins with the account's password again, so that a borrowed session cannot put its own
 * authenticator on the account. 200 Enrolment (not active until confirmed); 400 with a
 * `current_password` field error when the password is wrong; 409 when already enrolled; 429 as for login.
 */
export function startTwoFactorEnrolment(
  currentPassword: string,
  client: ApiClient = defaultClient(),
  options: Options = {},
) {
  return client.post<Enrolment>(`${base}/mfa/enroll`, { current_password: currentPassword }, options);
}

/** 200 Me (enrolled, and this session passed); 400 `invalid-code`. */
export function confirmTwoFactorEnrolment(code: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.post<Me>(`${base}/mfa/confirm`, { code }, options);
}

export interface RecoveryCodes {
  /** Ten single-use codes in place of all the old ones, shown once. */
  recovery_codes: string[];
}

/**
 * New recovery codes, with the account's password again; every old code stops working and the
 * owner gets a mail. 200 RecoveryCodes; 400 with a `current_password` field error when the password
 * is wrong; 409 `no-enrollment` when two-factor sign-in is not on; 429 as for login (or too many
 * renewals in an hour).
 */
export function renewRecoveryCodes(currentPassword: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.post<RecoveryCodes>(`${base}/mfa/recovery-codes`, { current_password: currentPassword }, options);
}

/** 204: the session ends and its cookie is cleared. */
export function logout(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.post<void>(`${base}/logout`, undefined, options);
}

/** 202 always: a reset link (valid 1 hour) goes out only if there is an account. */
export function forgotPassword(email: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.post<unknown>(`${base}/password/forgot`, { email }, options);
}

/** 204, and every session of the account ends; 400 `invalid-token`; 400 field errors (password). */
export function resetPassword(
  reset: { token: string; password: string },
  client: ApiClient = defaultClient(),
  options: Options = {},
) {
  return client.post<void>(`${base}/password/reset`, reset, options);
}

export interface PasswordChange {
  current_password: string;
  new_password: string;
}

export type PasswordChangeField = keyof PasswordChange;

/** 204: other sessions end, this one gets a new cookie; 400 field errors (a wrong current_password too). */
export function changePassword(change: PasswordChange, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.post<void>(`${base}/password/change`, change, options);
}

export interface EmailChange {
  /** The current password. */
  password: string;
  new_email: string;
}

export type EmailChangeField = keyof EmailChange;

/** 202: a link goes to the new address and a notice to the old one; 400 field errors. */
export function changeEmail(change: EmailChange, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.post<CheckEmail>(`${base}/email/change`, change, options);
}

/** 200 {email: the new address}; 400 `invalid-token`. */
export function confirmEmailChange(token: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.post<{ email: string }>(`${base}/email/confirm`, { token }, options);
}
