-- Shared helpers for the wrk scripts of `make bench` (wrk runs LuaJIT: ffi is available).
--
-- Every script ends with one machine-readable line on stdout, parsed by run.py:
--   BENCH_JSON {"requests":…, "duration_us":…, "errors":{…}, "latency_us":{…}, "ops":…, "op_latency_us":{…}, "statuses":{…}}
-- `requests`/`latency_us` are wrk's own per-request figures; `ops`/`op_latency_us` count whole operations
-- when one operation takes several requests (a login is password + outbox + code).

local ffi = require("ffi")
pcall(ffi.cdef, [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]])
local ts = ffi.new("bench_timespec")

local M = {}

-- Monotonic clock in microseconds.
function M.now_us()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) * 1000000 + math.floor(tonumber(ts.tv_nsec) / 1000)
end

function M.env(name, default)
  local v = os.getenv(name)
  if v == nil or v == "" then return default end
  return v
end

-- A client address in 10.0.0.0/8 for X-Forwarded-For (a header value only: nothing is sent there), so
-- the per-IP throttles of the server see many clients, as behind a real reverse proxy.
function M.random_ip()
  return string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
end

function M.read_lines(path)
  local lines = {}
  local f = assert(io.open(path, "r"), "cannot open " .. tostring(path))
  for line in f:lines() do
    if line ~= "" then lines[#lines + 1] = line end
  end
  f:close()
  return lines
end

function M.header(headers, name)
  return headers[name] or headers[string.lower(name)] or headers[string.upper(name)]
    or headers[(name:gsub("^%l", string.upper):gsub("%-%l", string.upper))]
end

-- Threads are registered in the main state so that done() can collect what each one counted.
local threads = {}
local next_id = 0
function M.setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  threads[#threads + 1] = thread
end

-- Per-thread state (globals of the thread's Lua state, read back with thread:get()).
function M.init_thread()
  ops = 0
  op_lat = {}
  statuses = {}
  notes = {}
  math.randomseed(M.now_us() % 2147483647 + (thread_id or 0) * 7919)
end

function M.count_status(status)
  local k = tostring(status)
  statuses[k] = (statuses[k] or 0) + 1
end

function M.note(key)
  notes[key] = (notes[key] or 0) + 1
end

function M.op_done(started_us)
  ops = ops + 1
  if started_us then op_lat[#op_lat + 1] = M.now_us() - started_us end
end

local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  local idx = math.max(1, math.min(#sorted, math.ceil(p / 100 * #sorted)))
  return sorted[idx]
end

local function json_map(t)
  local parts = {}
  for k, v in pairs(t) do parts[#parts + 1] = string.format('"%s":%d', k, v) end
  return "{" .. table.concat(parts, ",") .. "}"
end

-- wrk's per-request latency histogram as [[µs, count], …] (only with BENCH_HISTOGRAM=1): run.py pools the
-- rounds of a latency scenario into one distribution, so a p99 rests on all their samples, not on one round's
-- last few dozen. `latency(i)` is the i-th populated bucket and its count; `#latency` how many there are.
local function histogram(latency)
  if os.getenv("BENCH_HISTOGRAM") ~= "1" then return "null" end
  local parts = {}
  for i = 1, #latency do
    local v, n = latency(i)
    parts[#parts + 1] = string.format("[%d,%d]", v, n)
  end
  return "[" .. table.concat(parts, ",") .. "]"
end

function M.done(summary, latency, requests)
  local total_ops, lats, stat, nts = 0, {}, {}, {}
  for _, t in ipairs(threads) do
    total_ops = total_ops + (t:get("ops") or 0)
    for _, v in ipairs(t:get("op_lat") or {}) do lats[#lats + 1] = v end
    for k, v in pairs(t:get("statuses") or {}) do stat[k] = (stat[k] or 0) + v end
    for k, v in pairs(t:get("notes") or {}) do nts[k] = (nts[k] or 0) + v end
  end
  table.sort(lats)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f},' ..
    '"ops":%d,"op_latency_us":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"n":%d},"statuses":%s,"notes":%s,"histogram":%s}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    total_ops, percentile(lats, 50), percentile(lats, 90), percentile(lats, 99), lats[#lats] or 0, #lats,
    json_map(stat), json_map(nts), histogram(latency)))
end

return M
