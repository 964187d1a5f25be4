-- wrk script for scripts/bench.sh: every request is a new submission through the submit_request
-- server function, on wrk's keep-alive connections, so the client is not what limits the rate
-- (a Python client with a connection per request topped out well below the server).
--
--   BENCH_SUBMIT_TAG=<8 hex> BENCH_SUBMIT_OUT=<file> \
--     wrk -t2 -c16 -d10s -s scripts/bench_submit.lua -H "Cookie: ..." -H "Origin: <base>" <base>/api/submit_request
--
-- Each request carries a fresh idempotency key shaped like a UUID, TAG-<thread>-4000-8000-<n>, so
-- that no two requests share one (a repeated key would return the earlier ticket and hide a lost
-- or doubled one) and the run's tickets can be found in the database by TAG afterwards. The ticket
-- number of every 200 answer is written to BENCH_SUBMIT_OUT, one a line; the last line wrk prints
-- is a summary the benchmark reads:
--   submit-summary sent=<n> ok=<n> failed=<n> duration_us=<n> p50_us=<n> p99_us=<n> socket_errors=<n>
-- sent - ok - failed is what was still in flight when wrk stopped (the server may have committed
-- those, but nobody was told).

-- The same item and answers as the old client: password-reset-help has no approval step and
-- three simple fields, so this measures the submit path itself (validation, numbering, insert).
-- The answers follow server/seed/items/password-reset-help.toml.
local BODY_BEFORE_KEY = '{"item_slug":"password-reset-help","form_version":1,"idempotency_key":"'
local BODY_AFTER_KEY = '","answers":{"account":["Windows / Microsoft 365"],"locked_out":["no"],'
  .. '"callback_number":["07700900123"]}}'

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

function init(args)
  tag = os.getenv("BENCH_SUBMIT_TAG")
  assert(tag and tag:match("^%x%x%x%x%x%x%x%x$"), "BENCH_SUBMIT_TAG must be 8 hex digits")
  sent, ok, failed = 0, 0, 0
  numbers = {}
  errors = {}
  -- wrk.format uses the headers it is given instead of the command line's, so start from those
  -- (the Cookie and Origin the benchmark passes) and add the JSON ones.
  headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  headers["Content-Type"] = "application/json"
  headers["Accept"] = "application/json"
end

function request()
  sent = sent + 1
  local key = string.format("%s-%04x-4000-8000-%012x", tag, thread_number, sent)
  return wrk.format("POST", nil, headers, BODY_BEFORE_KEY .. key .. BODY_AFTER_KEY)
end

function response(status, _, body)
  local number = status == 200 and body and body:match('"number"%s*:%s*"([^"]+)"')
  if number then
    ok = ok + 1
    numbers[ok] = number
  else
    failed = failed + 1
    -- A few messages are enough to tell what went wrong; thousands would bury them.
    if #errors < 5 then
      errors[#errors + 1] = "HTTP " .. status .. ": " .. string.sub(body or "", 1, 200)
    end
  end
end

function done(summary, latency, _)
  local out = assert(io.open(assert(os.getenv("BENCH_SUBMIT_OUT"), "BENCH_SUBMIT_OUT is not set"), "w"))
  local total_sent, total_ok, total_failed = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_sent = total_sent + thread:get("sent")
    total_ok = total_ok + thread:get("ok")
    total_failed = total_failed + thread:get("failed")
    for _, number in ipairs(thread:get("numbers")) do
      out:write(number, "\n")
    end
    for _, message in ipairs(thread:get("errors")) do
      io.stderr:write("  e.g. ", message, "\n")
    end
  end
  out:close()
  local e = summary.errors
  print(string.format(
    "submit-summary sent=%d ok=%d failed=%d duration_us=%d p50_us=%d p99_us=%d socket_errors=%d",
    total_sent, total_ok, total_failed, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout))
end
