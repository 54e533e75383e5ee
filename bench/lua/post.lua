-- POST JSON made from a template with %s replaced by a random line of a samples file:
--   wrk ... -s bench/lua/post.lua <url> -- /api/status/token '{"token":"%s"}' samples/tokens.txt
dofile("bench/lua/report.lua")
local path, template, samples
function init(args)
  path, template = args[1], args[2]
  samples = lines_of(args[3])
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
end
function request()
  local body = string.format(template, samples[math.random(#samples)])
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
end
done = report
