-- Mail waiting to be delivered (see domain/notify/outbox_repository.h).
-- Ids are random text made by the server; instants are UTC milliseconds.
-- A worker claims a row by writing its random claim token and a lease end;
-- once sent, the recipient, subject and body are erased.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  claim TEXT,
  lease_until BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  failed_at BIGINT
);
-- The worker's question: which pending mail is due?
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
-- Account deletion forgets a recipient's mail.
CREATE INDEX outbox_recipient ON outbox (recipient);
