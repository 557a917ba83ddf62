-- The full password login of real users: POST /auth/login → GET /dev/outbox (the SMS code) → POST
-- /auth/login/verify. One operation = one completed sign-in (200 with an access token).
--   BENCH_ACCOUNT_START, BENCH_ACCOUNT_COUNT  bench accounts bench-<n>@bench.test / +4673<n, 7 digits>
-- Each account is used once per run when the range is large enough (each gets at most 5 SMS an hour).
-- Requests are matched to their flow by X-Request-Id, which the server echoes, so any number of
-- connections can share a thread.
local lib = dofile(os.getenv("BENCH_LUA_DIR") .. "/lib.lua")
local start = tonumber(lib.env("BENCH_ACCOUNT_START", "1"))
local count = tonumber(lib.env("BENCH_ACCOUNT_COUNT", "100"))
local password = lib.env("BENCH_PASSWORD", "demo-password-1")

setup = lib.setup
function init(args)
  lib.init_thread()
  nthreads = tonumber(lib.env("BENCH_THREADS", "1"))
  flows = {}      -- flow id → {n, phone, challenge, started}
  queue = {}      -- requests ready to send (steps 2 and 3 of flows in progress)
  qhead, qtail = 1, 0
  next_flow = 0
  used = 0
end

local function push(req) qtail = qtail + 1; queue[qtail] = req end

local function rid(flow, step) return string.format("b%dx%dx%d", thread_id, flow, step) end

local function headers(flow, step)
  return { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = flows[flow].ip, ["X-Request-Id"] = rid(flow, step) }
end

function request()
  if qhead <= qtail then
    local r = queue[qhead]; queue[qhead] = nil; qhead = qhead + 1
    return r
  end
  -- A new sign-in: this thread's next account (threads take interleaved accounts).
  local k = used * nthreads + thread_id
  used = used + 1
  if k >= count then lib.note("accounts_reused") end
  local n = start + (k % count)
  next_flow = next_flow + 1
  local f = next_flow
  flows[f] = { n = n, phone = string.format("+4673%07d", n), ip = lib.random_ip(), started = lib.now_us() }
  local body = string.format('{"email":"bench-%d@bench.test","password":"%s"}', n, password)
  return wrk.format("POST", "/api/v1/auth/login", headers(f, 1), body)
end

function response(status, hdrs, body)
  local id = lib.header(hdrs, "X-Request-Id") or ""
  local t, f, step = string.match(id, "^b(%d+)x(%d+)x(%d+)$")
  if not f then lib.note("unmatched_response"); return end
  f, step = tonumber(f), tonumber(step)
  local flow = flows[f]
  if not flow then return end
  lib.count_status(string.format("%s:%d", ({ "login", "outbox", "verify" })[step], status))
  if step == 1 then
    local ch = status == 200 and string.match(body, '"challenge_id":"([^"]+)"')
    if not ch then flows[f] = nil; return end
    flow.challenge = ch
    push(wrk.format("GET", "/api/v1/dev/outbox?to=%2B" .. string.sub(flow.phone, 2), headers(f, 2)))
  elseif step == 2 then
    local code = status == 200 and string.match(body, '"code":"(%d+)"')
    if not code then lib.note("no_code"); flows[f] = nil; return end
    local b = string.format('{"challenge_id":"%s","code":"%s"}', flow.challenge, code)
    push(wrk.format("POST", "/api/v1/auth/login/verify", headers(f, 3), b))
  else
    if status == 200 and string.find(body, '"access_token"', 1, true) then lib.op_done(flow.started) end
    flows[f] = nil
  end
end

done = lib.done
