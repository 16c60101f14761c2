-- wrk script for bench/steady-cpu.sh: POST one order per request with a fresh idempotency key.
-- BODY (environment) replaces the default body; USER_HEADER=1 names the caller by X-User (CRUD baseline).
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

request = function()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = "wrk-" .. tid .. "-" .. counter .. "-" .. math.random(1, 2000000000)
  wrk.headers["Content-Type"] = "application/json"
  local body = os.getenv("BODY") or '{"items":[{"productId":"coffee","quantity":1}]}'
  return wrk.format("POST", wrk.path, nil, body)
end
