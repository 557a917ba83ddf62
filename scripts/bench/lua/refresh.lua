-- Token refresh with rotation: each refresh token works once, so every answer's new refresh token goes
-- back into this thread's pool and is spent by a later request.
--   BENCH_TOKENS  file with one refresh token per line (one session each): one per connection plus one per
--                 thread, because wrk calls request() once per thread before connecting (to check the script)
--                 and never sends that request.
local lib = dofile(os.getenv("BENCH_LUA_DIR") .. "/lib.lua")
local file = os.getenv("BENCH_TOKENS")

setup = lib.setup
function init(args)
  lib.init_thread()
  local nthreads = tonumber(lib.env("BENCH_THREADS", "1"))
  pool, head, tail = {}, 1, 0
  for i, tok in ipairs(lib.read_lines(file)) do
    if (i - 1) % nthreads == thread_id then tail = tail + 1; pool[tail] = tok end
  end
end

function request()
  if head > tail then
    -- Refreshes failed and their sessions are gone: stop this thread rather than spin (run.py reports it).
    lib.note("pool_empty")
    wrk.thread:stop()
    return wrk.format("GET", "/healthz")
  end
  local tok = pool[head]; pool[head] = nil; head = head + 1
  local body = '{"refresh_token":"' .. tok .. '"}'
  return wrk.format("POST", "/api/v1/auth/refresh",
    { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = lib.random_ip() }, body)
end

function response(status, hdrs, body)
  lib.count_status(status)
  if status == 200 then
    local tok = string.match(body, '"refresh_token":"([^"]+)"')
    if tok then tail = tail + 1; pool[tail] = tok; lib.op_done(nil) end
  end
end

done = lib.done
