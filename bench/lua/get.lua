-- GET a fixed path, or a path with %s replaced by a random line of a samples file:
--   wrk ... -s bench/lua/get.lua <url> -- /api/staff/requests/%s samples/refs.txt
dofile("bench/lua/report.lua")
local path, samples
function init(args)
  path = args[1]
  if args[2] then samples = lines_of(args[2]) end
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
end
function request()
  local p = path
  if samples then p = string.format(path, samples[math.random(#samples)]) end
  return wrk.format("GET", p)
end
done = report
