-- wrk script: GET requests as a signed-in learner. The cookie header (the
-- session cookie and the csrf cookie, as a browser sends them) comes from the
-- environment, set by bench/run from what bench/seed.py wrote:
--   SB_COOKIE="sb_session=…; csrf=…" wrk -s bench/wrk/signed-in.lua URL
-- Every answer that is not a 200 is counted and printed at the end, so a
-- lapsed session can never pass for speed.
local cookie = os.getenv("SB_COOKIE") or error("SB_COOKIE is not set")
wrk.headers["Cookie"] = cookie

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
