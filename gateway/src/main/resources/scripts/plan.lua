-- Stores a user's plan limits unless a newer change is already stored (events may arrive out of order,
-- and limits fetched on a cache miss, sent with changed_at 0, never replace ones an event delivered).
-- KEYS[1] plan hash; ARGV[1] changed_at (epoch ms); ARGV[2] ttl seconds; ARGV[3] plan name;
-- ARGV[4..] limit:<resource>, value pairs (-1 = unlimited)
local stored = tonumber(redis.call('HGET', KEYS[1], 'changed_at') or '-1')
if stored > tonumber(ARGV[1]) then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'changed_at', ARGV[1], 'plan', ARGV[3])
for i = 4, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
return 1
