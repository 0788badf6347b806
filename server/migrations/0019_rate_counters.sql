-- Requests counted against a rate limit (domain/limits/rate_limits.h), in
-- fixed windows: one row per key (a hash naming the action and an address
-- or account, never either in plain), the window it counts in (UTC
-- milliseconds of its start) and how many requests fell in it. In the
-- database so that every instance counts together; rows from windows long
-- past are deleted hourly.
CREATE TABLE rate_counters (
  key TEXT PRIMARY KEY,
  window_start BIGINT NOT NULL,
  hits BIGINT NOT NULL
);
CREATE INDEX rate_counters_window ON rate_counters (window_start);
