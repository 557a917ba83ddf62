-- The write path: POST /me/card-orders/{id}/accept {version: 1}, each request consuming one order that
-- is awaiting the cardholder (ids from a file; threads take interleaved ids).
--   BENCH_TOKEN  the cardholder's access token
--   BENCH_IDS    file of order ids
local lib = dofile(os.getenv("BENCH_LUA_DIR") .. "/lib.lua")
local token = os.getenv("BENCH_TOKEN")
local file = os.getenv("BENCH_IDS")

setup = lib.setup
function init(args)
  lib.init_thread()
  local nthreads = tonumber(lib.env("BENCH_THREADS", "1"))
  ids, pos = {}, 1
  for i, id in ipairs(lib.read_lines(file)) do
    if (i - 1) % nthreads == thread_id then ids[#ids + 1] = id end
  end
end

function request()
  local id = ids[pos]
  if not id then
    -- Out of orders: stop this thread (run.py reports it; size the pool for the duration).
    lib.note("pool_exhausted")
    wrk.thread:stop()
    return wrk.format("GET", "/healthz")
  end
  pos = pos + 1
  return wrk.format("POST", "/api/v1/me/card-orders/" .. id .. "/accept",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token,
      ["X-Forwarded-For"] = lib.random_ip() }, '{"version":1}')
end

function response(status, hdrs, body)
  lib.count_status(status)
  if status == 200 then lib.op_done(nil) end
end

done = lib.done
