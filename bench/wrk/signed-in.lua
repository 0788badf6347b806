-- wrk script: GET requests as a signed-in learner. The cookie header (the
-- session cookie and the csrf cookie, as a browser sends them) comes from the
-- environment, set by bench/run from what bench/seed.py wrote:
--   SB_COOKIE="sb_session=…; csrf=…" wrk -s bench/wrk/signed-in.lua URL
-- Every answer that is not a 200 is counted and printed at the end, so a
-- lapsed session can never pass for speed.
--
-- With SB_MIX=1 (the soak, BENCH_SOAK_SECONDS) it asks, in turn, for course
-- progress, four weeks of slots (SB_SLOTS_PATH), the learner's bookings, the
-- first page of the journal and the account, and one request in 50 is a word
-- search over the 10,000 journal entries (as SB_WRITER_COOKIE's learner):
-- enough kinds of answer, large and small, that a leak on any common path
-- shows as growth. The URL then only names the server.
local cookie = os.getenv("SB_COOKIE") or error("SB_COOKIE is not set")
wrk.headers["Cookie"] = cookie

if os.getenv("SB_MIX") == "1" then
  local writer = os.getenv("SB_WRITER_COOKIE") or error("SB_WRITER_COOKIE is not set")
  local paths = {
    {"/api/v1/courses", cookie},
    {os.getenv("SB_SLOTS_PATH") or error("SB_SLOTS_PATH is not set"), cookie},
    {"/api/v1/bookings", cookie},
    {"/api/v1/journal/entries?limit=20", writer},
    {"/api/v1/me", cookie},
  }
  local search = {"/api/v1/journal/entries?q=lighthouse", writer}
  local n = 0
  function request()
    n = n + 1
    local p = (n % 50 == 0) and search or paths[n % #paths + 1]
    return wrk.format("GET", p[1], {["Host"] = wrk.host .. ":" .. wrk.port, ["Cookie"] = p[2]})
  end
end

local threads = {}
function setup(thread) table.insert(threads, thread) end

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
