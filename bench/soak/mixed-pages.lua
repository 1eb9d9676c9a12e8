-- wrk script for the soak (bench/soak/soak.sh): each connection walks the URL list (one path a
-- line, repeated where a page should weigh more), every thread from its own starting point.
-- Usage: wrk ... -s bench/soak/mixed-pages.lua http://127.0.0.1:PORT -- urls.txt

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  if #paths == 0 then
    error("no URLs in " .. tostring(args[1]))
  end
  -- Threads start far apart in the list, so they do not ask for the same page in step.
  index = ((id - 1) * 7919) % #paths
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

-- One machine-readable line for soak.sh to parse, besides wrk's own report.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "SOAK requests=%d duration_us=%d bytes=%d connect=%d read=%d write=%d status=%d timeout=%d p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
