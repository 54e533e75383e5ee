-- POST one prepared body (a multipart submission) again and again:
--   wrk ... -s bench/lua/body.lua <url> -- /api/requests body.bin 'multipart/form-data; boundary=...'
dofile("bench/lua/report.lua")
local path, body, contentType
function init(args)
  path, contentType = args[1], args[3]
  local f = assert(io.open(args[2], "rb"))
  body = f:read("*a")
  f:close()
end
function request()
  return wrk.format("POST", path, { ["Content-Type"] = contentType }, body)
end
done = report
