-- GET one path as fast as the connections allow (or paced), with static headers.
--   BENCH_PATH     the path (default /healthz)
--   BENCH_TOKEN    bearer token (optional)
--   BENCH_DELAY_MS pause before each request on a connection (a modest, fixed offered rate)
-- No response() callback: wrk counts non-2xx answers itself (errors.status) and stays as light as it can.
local lib = dofile(os.getenv("BENCH_LUA_DIR") .. "/lib.lua")
local path = lib.env("BENCH_PATH", "/healthz")
local token = lib.env("BENCH_TOKEN", nil)
local delay_ms = tonumber(lib.env("BENCH_DELAY_MS", "0"))

wrk.method = "GET"
wrk.path = path
wrk.headers["X-Forwarded-For"] = "10.200.0.1"
if token then wrk.headers["Authorization"] = "Bearer " .. token end

setup = lib.setup
function init(args)
  lib.init_thread()
end

if delay_ms > 0 then
  function delay() return delay_ms end
end

done = lib.done
