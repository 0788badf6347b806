-- wrk script for the soak (BENCH_SOAK_SECONDS): a signed-in learner's reads
-- in turn — course progress, four weeks of slots, their bookings, the first
-- page of the journal, the account — and, one request in 50, a word search
-- over the 10,000 journal entries. Enough kinds of answer, large and small,
-- that a leak on any common path shows as growth.
--   SB_COOKIE=… SB_SLOTS_PATH=/api/v1/slots?… SB_WRITER_COOKIE=… wrk -s mix.lua URL
local reader = os.getenv("SB_COOKIE") or error("SB_COOKIE is not set")
local writer = os.getenv("SB_WRITER_COOKIE") or error("SB_WRITER_COOKIE is not set")
local paths = {
  {"/api/v1/courses", reader},
  {os.getenv("SB_SLOTS_PATH") or error("SB_SLOTS_PATH is not set"), reader},
  {"/api/v1/bookings", reader},
  {"/api/v1/journal/entries?limit=20", writer},
  {"/api/v1/me", reader},
}
local search = {"/api/v1/journal/entries?q=lighthouse", writer}

local threads = {}
function setup(thread) table.insert(threads, thread) end

local n = 0
function request()
  n = n + 1
  local p = (n % 50 == 0) and search or paths[n % #paths + 1]
  return wrk.format("GET", p[1], {["Cookie"] = p[2]})
end

local refused = 0
function response(status, headers, body)
  if status ~= 200 then refused = refused + 1 end
  wrk.thread:set("refused", refused)
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get("refused") or 0) end
  io.write(string.format("not-200: %d\n", total))
end
