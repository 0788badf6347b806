-- wrk script: booking writes that can run for as long as wrk does. Each wrk
-- thread books free start times of the short check-in type (bench/seed.py
-- lists a year of them, one per line; a thread takes every Nth) with POST
-- /api/v1/bookings and a fresh Idempotency-Key, and cancels what it booked
-- with POST /api/v1/bookings/{id}/cancel, in turn; a cancelled time goes back
-- on its list and is booked again later. Both are real writes (a transaction,
-- the outbox mail to client and practitioner, the rate counter), and no write
-- is refused for a time that an earlier one took, which would measure the
-- refusal path instead.
--
-- A request and its answer are matched by what the answer says (the booking's
-- id, start and status), since wrk does not say which request an answer is for.
--   SB_COOKIE=… SB_CSRF=… SB_TYPE=… SB_SLOTS=file SB_THREADS=2 wrk -t2 -s book.lua URL
local cookie = os.getenv("SB_COOKIE") or error("SB_COOKIE is not set")
local csrf = os.getenv("SB_CSRF") or error("SB_CSRF is not set")
local type_id = os.getenv("SB_TYPE") or error("SB_TYPE is not set")

local threads = {}
local count = 0
function setup(thread)
  thread:set("index", count)
  count = count + 1
  table.insert(threads, thread)
end

local free = {}     -- start times this thread may book now
local booked = {}   -- ids of its bookings not yet cancelled
local sent = 0
local prefix
local counts = {booked = 0, cancelled = 0, other = 0}

function init(args)
  local n = tonumber(os.getenv("SB_THREADS")) or error("SB_THREADS is not set")
  local i = 0
  for line in io.lines(os.getenv("SB_SLOTS")) do
    if line ~= "" and i % n == index then table.insert(free, line) end
    i = i + 1
  end
  prefix = string.format("bench-%d-%d-", index, os.time())
end

local function headers(extra)
  local h = {
    ["Host"] = wrk.host .. ":" .. wrk.port,
    ["Cookie"] = cookie,
    ["X-CSRF-Token"] = csrf,
    ["Content-Type"] = "application/json",
  }
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

function request()
  sent = sent + 1
  -- Cancel every other time, when there is something to cancel.
  if (sent % 2 == 0 or #free == 0) and #booked > 0 then
    local id = table.remove(booked, 1)
    return wrk.format("POST", "/api/v1/bookings/" .. id .. "/cancel", headers(), "{}")
  end
  local start = table.remove(free, 1) or error("no free time left to book")
  local body = string.format(
    '{"session_type":"%s","start":"%s","time_zone":"Europe/London",' ..
    '"client_location":{"country":"GB","region":""},"intake":{},"policy_accepted":true}',
    type_id, start)
  return wrk.format("POST", "/api/v1/bookings", headers({["Idempotency-Key"] = prefix .. sent}), body)
end

function response(status, headers, body)
  local id = body:match('"id":"(bk_[0-9a-f]+)"')
  local start = body:match('"start":"([^"]+)"')
  if status == 201 and id then
    table.insert(booked, id)
    counts.booked = counts.booked + 1
  elseif status == 200 and start and body:find('"status":"cancelled"', 1, true) then
    table.insert(free, start)
    counts.cancelled = counts.cancelled + 1
  else
    counts.other = counts.other + 1
    wrk.thread:set("other_status", status)  -- the last one, to say what it was
  end
  for k, v in pairs(counts) do wrk.thread:set(k, v) end
end

function done(summary, latency, requests)
  local total = {booked = 0, cancelled = 0, other = 0}
  local last = "none"
  for _, t in ipairs(threads) do
    for k in pairs(total) do total[k] = total[k] + (t:get(k) or 0) end
    if t:get("other_status") then last = tostring(t:get("other_status")) end
  end
  io.write(string.format("booked: %d\ncancelled: %d\nother: %d\nlast-other-status: %s\n",
                         total.booked, total.cancelled, total.other, last))
end
