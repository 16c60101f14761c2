-- wrk script for bench/steady-cpu.sh: POST one request per call with a fresh idempotency key.
-- BODY (environment) replaces the default order body; AUTHS, space-separated bearer tokens, are taken in turn
-- (each request names the next caller), so no one caller's rate limit is reached; without AUTHS the -H header
-- given to wrk names the caller.
local counter = 0
local threads = 0
local auths = {}
for token in string.gmatch(os.getenv("AUTHS") or "", "%S+") do
  auths[#auths + 1] = "Bearer " .. token
end

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

request = function()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = "wrk-" .. tid .. "-" .. counter .. "-" .. math.random(1, 2000000000)
  wrk.headers["Content-Type"] = "application/json"
  if #auths > 0 then
    wrk.headers["Authorization"] = auths[(counter + tid) % #auths + 1]
  end
  local body = os.getenv("BODY") or '{"items":[{"productId":"coffee","quantity":1}]}'
  return wrk.format("POST", wrk.path, nil, body)
end
