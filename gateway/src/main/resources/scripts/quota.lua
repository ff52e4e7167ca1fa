-- Burst limit (token bucket) and plan quotas checked and counted in one atomic step.
-- KEYS[1]    token bucket of the caller (hash: t = tokens, ts = last refill in ms)
-- KEYS[2]    the caller's plan limits (hash: plan, limit:<resource>; -1 = unlimited); unused without quotas
-- KEYS[3..]  today's counter of each counted resource
-- ARGV[1]    bucket capacity = requests per window; ARGV[2] window in ms
-- ARGV[3]    seconds the daily counters live; ARGV[4..] resource names for KEYS[3..]
-- Replies:   {1, tokens_left, ms_to_full, plan, limit1, used1, limit2, used2, ...}  allowed and counted
--            {0, 0, ms_to_next_token, plan}                                      burst limit hit
--            {2}                                                                  plan limits unknown
--            {3, index, limit, used, plan}                                        daily quota exhausted
if redis.replicate_commands then redis.replicate_commands() end
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local capacity = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local bucket = redis.call('HMGET', KEYS[1], 't', 'ts')
local tokens = tonumber(bucket[1])
local last = tonumber(bucket[2])
if tokens == nil or last == nil then
  tokens = capacity
  last = now
end
tokens = math.min(capacity, tokens + math.max(0, now - last) * capacity / window)
if tokens < 1 then
  return {0, 0, math.ceil((1 - tokens) * window / capacity), redis.call('HGET', KEYS[2], 'plan') or ''}
end
local counted = #KEYS - 2
local reply = {1, 0, 0, ''}
if counted > 0 then
  local limits = redis.call('HGET', KEYS[2], 'plan')
  if not limits then
    return {2}
  end
  reply[4] = limits
  local allowed = {}
  for i = 1, counted do
    local limit = tonumber(redis.call('HGET', KEYS[2], 'limit:' .. ARGV[3 + i]) or '0')
    local used = tonumber(redis.call('GET', KEYS[2 + i]) or '0')
    if limit >= 0 and used >= limit then
      return {3, i, limit, used, limits}
    end
    allowed[i] = limit
  end
  for i = 1, counted do
    local used = redis.call('INCR', KEYS[2 + i])
    if used == 1 then
      redis.call('EXPIRE', KEYS[2 + i], tonumber(ARGV[3]))
    end
    reply[#reply + 1] = allowed[i]
    reply[#reply + 1] = used
  end
end
tokens = tokens - 1
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], window * 2)
reply[2] = math.floor(tokens)
reply[3] = math.ceil((capacity - tokens) * window / capacity)
return reply
