-- Fixed-rate pacing for wrk (gateway.sh): `wrk -s paced.lua <url> -- <requests per second>`.
-- All connections of a thread share one schedule of evenly spaced slots; each request waits for the next slot,
-- so the offered rate stays fixed however fast the server answers (as long as there are enough connections).
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock_id, bench_timespec *time);
]]
local CLOCK_MONOTONIC = 1
local timespec = ffi.new("bench_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
  return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
end

local interval_ms
local next_slot

function init(args)
  interval_ms = 1000 / tonumber(args[1])
end

function delay()
  local now = now_ms()
  -- after a stall longer than a second, start afresh instead of firing the missed slots at once
  if next_slot == nil or next_slot < now - 1000 then
    next_slot = now
  end
  next_slot = next_slot + interval_ms
  return math.max(0, math.floor(next_slot - now))
end
