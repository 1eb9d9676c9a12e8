"""Reads the soak's RSS samples and wrk's summary line; prints the report and exits 1 when a target
is missed (any error; RSS growth of 10% or more from the first quarter to the last, after warm-up).
Usage: python3 bench/soak/report.py <samples.tsv> <wrk.txt> <warm-up seconds>"""
import sys

samples_path, wrk_path, warmup = sys.argv[1], sys.argv[2], float(sys.argv[3])
# Columns: seconds, VmRSS kB, threads, open database files, 1-minute load average.
samples = [tuple(map(float, line.split())) for line in open(samples_path) if line.strip()]
after = [s for s in samples if s[0] >= warmup]
steady = [s[1] for s in after]
summary = next(line for line in open(wrk_path) if line.startswith("SOAK "))
figures = dict(part.split("=") for part in summary.split()[1:])
n = {k: int(v) for k, v in figures.items()}

quarter = max(1, len(steady) // 4)
first, last = steady[:quarter], steady[-quarter:]
first_avg, last_avg = sum(first) / len(first), sum(last) / len(last)
growth = 100 * (last_avg - first_avg) / first_avg
errors = n["connect"] + n["read"] + n["write"] + n["status"] + n["timeout"]
seconds = n["duration_us"] / 1e6

print(f"requests        {n['requests']:,} in {seconds:.0f} s ({n['requests'] / seconds:,.0f}/s), {n['bytes'] / 1e9:.1f} GB")
print(f"latency         p50 {n['p50_us'] / 1000:.1f} ms, p99 {n['p99_us'] / 1000:.1f} ms, max {n['max_us'] / 1000:.0f} ms")
print(f"errors          {errors}: non-2xx/3xx {n['status']}, connect {n['connect']}, read {n['read']}, write {n['write']}, timeout {n['timeout']}")
print(f"RSS samples     {len(samples)} ({len(steady)} after {warmup:.0f} s warm-up), min {min(steady) / 1024:.0f} MB, max {max(steady) / 1024:.0f} MB")
print(f"RSS first 1/4   {first_avg / 1024:.1f} MB (avg of {len(first)} samples)")
print(f"RSS last 1/4    {last_avg / 1024:.1f} MB (avg of {len(last)} samples)")
print(f"RSS growth      {growth:+.1f}%")
if after and len(after[0]) >= 5:
    q = max(1, len(after) // 4)
    avg = lambda rows, i: sum(r[i] for r in rows) / len(rows)
    print(f"threads         {avg(after[:q], 2):.0f} in the first quarter, {avg(after[-q:], 2):.0f} in the last, max {max(r[2] for r in after):.0f}")
    print(f"database files  {avg(after[:q], 3):.0f} open in the first quarter, {avg(after[-q:], 3):.0f} in the last, max {max(r[3] for r in after):.0f}")
    print(f"machine load    1-minute load average {avg(after, 4):.1f} on average, max {max(r[4] for r in after):.1f} (other work on the machine included)")
passed = errors == 0 and growth < 10
print("result          " + ("PASS" if passed else "FAIL") + " (targets: no errors, growth under 10%)")
sys.exit(0 if passed else 1)
