-- Shared by every load script: one JSON line with the figures (latencies in microseconds).
function report(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format('{"requests":%d,"rps":%.1f,"p50":%d,"p95":%d,"p99":%d,"errors":%d,"non2xx":%d}\n',
    summary.requests, summary.requests / seconds, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    errors, summary.errors.status))
end

-- Lines of a file, for random choice.
function lines_of(path)
  local list = {}
  for line in io.lines(path) do
    if #line > 0 then list[#list + 1] = line end
  end
  return list
end
