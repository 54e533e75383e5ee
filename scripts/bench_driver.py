"""Drives scripts/bench.sh: builds the files, fires curl in parallel, samples the server's memory."""
import concurrent.futures as cf
import datetime
import os
import random
import statistics
import struct
import subprocess
import sys
import threading
import time
import zlib

base, pid, work, large_count, small_count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])


def national_id():
    d = [random.randint(1, 8)] + [random.randint(0, 9) for _ in range(11)]
    d.append((11 - sum(x * (13 - i) for i, x in enumerate(d)) % 11) % 10)
    return "".join(map(str, d))


def png(path, w=400, h=150):
    rows = b"".join(b"\x00" + b"".join(b"\x10\x20\x60\xff" if abs(y - h // 2) < 3 else b"\x00\x00\x00\x00" for _ in range(w)) for y in range(h))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def pdf(path, size):
    with open(path, "wb") as f:
        f.write(b"%PDF-1.4\n")
        f.write(os.urandom(size - 9))


sig = os.path.join(work, "sig.png"); png(sig)
small_pdf = os.path.join(work, "small.pdf"); pdf(small_pdf, 1500)
big = [os.path.join(work, f"big{i}.pdf") for i in range(3)]
for p in big:
    pdf(p, int(9.9 * 1024 * 1024))

today = (datetime.datetime.utcnow() + datetime.timedelta(hours=7)).date()


def submit(files):
    fields = {
        "writtenOn": today.isoformat(), "title": "นาย", "firstName": "ทดสอบ", "lastName": "ระบบ", "nationalId": national_id(),
        "age": "30", "nationality": "ไทย", "address": "1 ถนนทดสอบ ลำปาง", "phone": "0812345678", "purpose": "View",
        "stationId": "1", "incidentDate": (today - datetime.timedelta(days=1)).isoformat(), "incidentTime": "09:15",
        "reason": "ทดสอบความเร็วของระบบ", "privacyAccepted": "true", "privacyNoticeVersion": "2569-1",
    }
    args = ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", f"{base}/api/requests"]
    for k, v in fields.items():
        args += ["-F", f"{k}={v}"]
    for k, p in files:
        args += ["-F", f"{k}=@{p}"]
    code, seconds = subprocess.run(args, capture_output=True, text=True, check=True).stdout.split()
    return int(code), float(seconds)


def rss_kb(field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1])
    return 0


def run(label, count, concurrency, files):
    peak = [rss_kb("VmRSS:")]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], rss_kb("VmRSS:"))
            time.sleep(0.02)

    before = rss_kb("VmRSS:")
    sampler = threading.Thread(target=sample); sampler.start()
    started = time.perf_counter()
    with cf.ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(lambda _: submit(files), range(count)))
    elapsed = time.perf_counter() - started
    stop.set(); sampler.join()
    codes = sorted({c for c, _ in results})
    times = sorted(t for _, t in results)
    mb = sum(os.path.getsize(p) for _, p in files) * count / 1024 / 1024
    print(f"{label}: {count} requests, {concurrency} at a time, HTTP {codes}")
    print(f"  {count / elapsed:.1f} requests/s, {mb / elapsed:.1f} MB/s uploaded; latency p50 {statistics.median(times) * 1000:.0f} ms, "
          f"p95 {times[int(len(times) * 0.95) - 1] * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms")
    print(f"  server RSS before {before / 1024:.0f} MB, peak {peak[0] / 1024:.0f} MB (+{(peak[0] - before) / 1024:.0f} MB)")


small_files = [("idCardCopy", small_pdf), ("policeReport", small_pdf), ("signature", sig)]
run("warm-up", 20, 4, small_files)
run("small submissions", small_count, 8, small_files)
run("30 MB submissions", large_count, 4, [("idCardCopy", big[0]), ("policeReport", big[1]), ("otherDocuments", big[2]), ("signature", sig)])
print(f"server peak RSS over the whole run (VmHWM): {rss_kb('VmHWM:') / 1024:.0f} MB")
