-- wrk script for the long-tail run (bench/longtail/longtail.sh): each request asks for one address
-- of LONGTAIL_URLS (one path a line), drawn uniformly or, with LONGTAIL_MODE=zipf, with the
-- address at rank r asked for in proportion to 1/r (the file's order is the rank). It counts
-- answers that are not 200 and answers carrying an Age header (served from the output cache).
local urls, cdf = {}, {}
local mode = os.getenv("LONGTAIL_MODE") or "uniform"
local threads = {}
answered, failed, cached = 0, 0, 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("LONGTAIL_URLS")) do
    urls[#urls + 1] = line
  end
  if mode == "zipf" then
    local total = 0
    for r = 1, #urls do
      total = total + 1 / r
      cdf[r] = total
    end
    for r = 1, #urls do
      cdf[r] = cdf[r] / total
    end
  end
  math.randomseed(os.time() * 1000 + #threads + math.floor(os.clock() * 1000000))
end

local function pick()
  if mode ~= "zipf" then
    return urls[math.random(#urls)]
  end
  local u, low, high = math.random(), 1, #cdf
  while low < high do
    local mid = math.floor((low + high) / 2)
    if cdf[mid] < u then low = mid + 1 else high = mid end
  end
  return urls[low]
end

function request()
  return wrk.format("GET", pick())
end

function response(status, headers, body)
  answered = answered + 1
  if status ~= 200 then failed = failed + 1 end
  if headers["Age"] or headers["age"] then cached = cached + 1 end
end

function done(summary, latency, requests)
  local a, f, c = 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("answered")
    f = f + thread:get("failed")
    c = c + thread:get("cached")
  end
  io.write(string.format("LONGTAIL answered=%d failed=%d cached=%d p50_us=%d p99_us=%d\n", a, f, c, latency:percentile(50), latency:percentile(99)))
end
