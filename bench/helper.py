#!/usr/bin/env python3
"""bench/run.sh's helper (standard library only):
  session BASE EMAIL PASSWORD        -> prints "Cookie: ..." of a full staff session (second factor enrolled here)
  body OUT_BODY OUT_TYPE FILE_MB     -> a multipart submission with three PDFs of FILE_MB each and a signature
  uploads BASE PID COUNT FILE_MB     -> COUNT submissions with one FILE_MB file each, all at once; prints JSON with
                                        answers, seconds and the API's peak RSS (VmHWM, reset just before)
  submit BASE COUNT CONCURRENCY EMAIL NOTICE OUT_REFS
                                     -> COUNT small submissions (EMAIL=1: each asks for news by e-mail), CONCURRENCY at once;
                                        their reference numbers into OUT_REFS
  decisions BASE COOKIE REFS_ON REFS_OFF CONCURRENCY
                                     -> every request of both files received, then approved, CONCURRENCY decisions at once, the
                                        two files in turn (ABBA) after a third of each as warm-up; prints JSON: "mail" and "nomail", each with decisions/s, p50, p95, p99 (us)
  clips BASE COOKIE PID BARE WORK NOTICE MB_BIG MB_SMALL DOWNLOADS
                                     -> the copy delivered online: an approved copy request; a clip of MB_BIG MB (an ffmpeg
                                        MP4, padded) uploaded and downloaded through the API and through the bare file
                                        endpoint BARE with curl, the API's RSS sampled; then DOWNLOADS downloads at once of a
                                        clip of MB_SMALL MB while the status read is timed; prints JSON
  table RESULTS                      -> the results (JSON lines) as one table
"""
import base64, hashlib, hmac, json, os, random, struct, sys, threading, time, urllib.parse, urllib.request, zlib, datetime

def national_id(rnd):
    d = [rnd.randint(1, 8)] + [rnd.randint(0, 9) for _ in range(11)]
    s = sum(d[i] * (13 - i) for i in range(12))
    return "".join(map(str, d)) + str((11 - s % 11) % 10)

def pdf(size):
    head = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n" \
           b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    return head + b" " * max(0, size - len(head))

def png_signature(w=400, h=150):
    import math
    rows = []
    for y in range(h):
        row = bytearray([0])
        for x in range(w):
            curve = h // 2 + int(math.sin(x / 18) * h / 4)
            ink = abs(y - curve) <= 2 and 20 < x < w - 20
            row += bytes([16, 32, 96, 255 if ink else 0])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")

def form(files, rnd, extra=None):
    today = (datetime.datetime.utcnow() + datetime.timedelta(hours=7)).date()
    fields = {
        "writtenOn": today.isoformat(), "title": "นาย", "firstName": "สมศักดิ์", "lastName": "ใจดี", "nationalId": national_id(rnd),
        "age": "35", "ethnicity": "ไทย", "nationality": "ไทย", "address": "99 หมู่ 1 ต.ศาลา อ.เกาะคา จ.ลำปาง 52130",
        "phone": "081-234-5678", "purpose": "Copy", "fileCount": "2", "stationId": "3",
        "incidentDate": (today - datetime.timedelta(days=2)).isoformat(), "incidentTime": "14:30",
        "reason": "ต้องการขอข้อมูลภาพเหตุการณ์เพื่อค้นหากระเป๋าสตางค์ที่สูญหาย", "privacyAccepted": "true", "privacyNoticeVersion": "2569-1", "signatureMethod": "Drawn",
        **(extra or {}),
    }
    boundary = "----bench" + hashlib.sha1(os.urandom(8)).hexdigest()
    out = bytearray()
    for k, v in fields.items():
        out += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n".encode()
    for field, name, ctype, data in files:
        out += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: {ctype}\r\n\r\n".encode()
        out += data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"

def totp(key):
    k = base64.b32decode(key.upper() + "=" * (-len(key) % 8))
    digest = hmac.new(k, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    o = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[o:o + 4])[0] & 0x7fffffff) % 1000000)

def call(base, method, path, body=None, cookie=None, csrf=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if cookie: req.add_header("Cookie", cookie)
    if csrf: req.add_header("X-CSRF-TOKEN", csrf)
    with urllib.request.urlopen(req, timeout=30) as r:
        set_cookie = r.headers.get("Set-Cookie")
        return json.loads(r.read() or b"null"), (set_cookie.split(";")[0] if set_cookie else None)

def session(base, email, password):
    s, cookie = call(base, "POST", "/api/staff/session", {"email": email, "password": password})
    if s.get("mustEnrollTwoFactor"):
        # A new authenticator key rotates the security stamp: the answer renews the cookie.
        setup, renewed = call(base, "POST", "/api/staff/session/two-factor/setup", {}, cookie, s["csrfToken"])
        cookie = renewed or cookie
        enabled, renewed = call(base, "POST", "/api/staff/session/two-factor", {"code": totp(setup["key"])}, cookie, s["csrfToken"])
        cookie = renewed or cookie
    print("Cookie: " + cookie)

def body(out_body, out_type, mb):
    rnd = random.Random(1)
    size = int(float(mb) * 1024 * 1024)
    data, ctype = form([("idCardCopy", "id.pdf", "application/pdf", pdf(size)), ("policeReport", "report.pdf", "application/pdf", pdf(size)),
                        ("otherDocuments", "other.pdf", "application/pdf", pdf(size)), ("signature", "signature.png", "image/png", png_signature())], rnd)
    open(out_body, "wb").write(data)
    open(out_type, "w").write(ctype)

def status_mb(pid, field):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    return 0

def uploads(base, pid, count, mb):
    # "10 MB" as people count it (10,000,000 bytes): just under the 10 MiB limit per file.
    count, size = int(count), int(float(mb) * 1000 * 1000)
    rnd = random.Random(2)
    bodies = [form([("idCardCopy", "id.pdf", "application/pdf", pdf(size)), ("policeReport", "report.pdf", "application/pdf", pdf(100_000)),
                    ("signature", "signature.png", "image/png", png_signature())], rnd)
              for _ in range(count)]
    answers, problems, lock, start = {}, {}, threading.Lock(), threading.Barrier(count)
    def one(data, ctype):
        req = urllib.request.Request(base + "/api/requests", data=data, method="POST")
        req.add_header("Content-Type", ctype)
        start.wait()
        try:
            with urllib.request.urlopen(req, timeout=300) as r:
                code = r.status
        except urllib.error.HTTPError as e:
            code = e.code
            with lock:
                problems.setdefault(code, e.read()[:300].decode(errors="replace"))
        except Exception as e:
            code = 0
            with lock:
                problems.setdefault(code, repr(e)[:300])
        with lock:
            answers[code] = answers.get(code, 0) + 1
    # The peak RSS during the uploads, sampled every 20 ms (VmHWM cannot be reset on every kernel).
    before = status_mb(pid, "VmRSS")
    peak, running = [before], [True]
    def sample():
        while running[0]:
            peak[0] = max(peak[0], status_mb(pid, "VmRSS"))
            time.sleep(0.02)
    sampler = threading.Thread(target=sample)
    sampler.start()
    t0 = time.time()
    threads = [threading.Thread(target=one, args=b) for b in bodies]
    for t in threads: t.start()
    for t in threads: t.join()
    running[0] = False
    sampler.join()
    print(json.dumps({"answers": answers, "seconds": round(time.time() - t0, 1), "rss_before_mb": before, "peak_rss_mb": peak[0],
                      "process_peak_rss_mb": status_mb(pid, "VmHWM"), **({"first_problems": problems} if problems else {})}))

def submit(base, count, concurrency, email, notice, out_refs):
    """Small submissions (two 20 KB PDFs and a signature), in Thai and English in turn, as citizens would send them."""
    count, concurrency = int(count), int(concurrency)
    rnd, lock, refs, failures = random.Random(3 + int(email)), threading.Lock(), [], {}
    bodies = []
    for i in range(count):
        extra = {"privacyNoticeVersion": notice, **({"email": f"bench{i}.{rnd.randrange(1 << 30):x}@example.com"} if email == "1" else {})}
        bodies.append(form([("idCardCopy", "id.pdf", "application/pdf", pdf(20_000)), ("policeReport", "report.pdf", "application/pdf", pdf(20_000)),
                            ("signature", "signature.png", "image/png", png_signature())], rnd, extra) + ("th" if i % 2 else "en",))
    def worker(w):
        for data, ctype, lang in bodies[w::concurrency]:
            req = urllib.request.Request(base + "/api/requests", data=data, method="POST")
            req.add_header("Content-Type", ctype)
            req.add_header("Accept-Language", lang)
            try:
                with urllib.request.urlopen(req, timeout=60) as r:
                    ref = json.loads(r.read())["referenceNumber"]
                with lock:
                    refs.append(ref)
            except urllib.error.HTTPError as e:
                with lock:
                    failures.setdefault(e.code, e.read()[:300].decode(errors="replace"))
    threads = [threading.Thread(target=worker, args=(w,)) for w in range(concurrency)]
    for t in threads: t.start()
    for t in threads: t.join()
    with open(out_refs, "w") as f:
        f.write("".join(r + "\n" for r in refs))
    if failures or len(refs) != count:
        sys.exit(f"submissions: {len(refs)} of {count} answered 201; first problems {failures}")

def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else None

def decisions(base, cookie, refs_on, refs_off, concurrency):
    """Receive then approve each request (If-Match from the detail, then from each answer). Only the decisions are timed."""
    import http.client
    concurrency = int(concurrency)
    host, port = base.split("//")[1].split(":")
    cookie = cookie.split(":", 1)[1].strip()
    session, _ = call(base, "GET", "/api/staff/session", cookie=cookie)
    csrf = session["csrfToken"]
    sets = {"mail": [l.strip() for l in open(refs_on) if l.strip()], "nomail": [l.strip() for l in open(refs_off) if l.strip()]}
    etags, times, walls, failures, lock = {}, {"mail": [], "nomail": [], "warm": []}, {"mail": 0.0, "nomail": 0.0}, {}, threading.Lock()
    def run(refs, fn):
        def worker(part):
            conn = http.client.HTTPConnection(host, int(port), timeout=30)
            for ref in part:
                fn(conn, ref)
            conn.close()
        threads = [threading.Thread(target=worker, args=(refs[w::concurrency],)) for w in range(concurrency)]
        t0 = time.perf_counter()
        for t in threads: t.start()
        for t in threads: t.join()
        return time.perf_counter() - t0
    def request(conn, method, path, headers):
        conn.request(method, path, body=b"{}" if method == "POST" else None, headers={"Cookie": cookie, "Content-Type": "application/json", **headers})
        r = conn.getresponse()
        body = r.read()
        return r.status, r.getheader("ETag"), body
    def detail(conn, ref):
        status, etag, _ = request(conn, "GET", f"/api/staff/requests/{ref}", {})
        with lock:
            etags[ref] = etag
    def decide(action, mode):
        def fn(conn, ref):
            t0 = time.perf_counter()
            status, etag, body = request(conn, "POST", f"/api/staff/requests/{ref}/{action}", {"X-CSRF-TOKEN": csrf, "If-Match": etags[ref] or ""})
            elapsed = time.perf_counter() - t0
            with lock:
                etags[ref] = etag
                if status == 200:
                    times[mode].append(elapsed)
                else:
                    failures.setdefault(f"{action} {status}", body[:300].decode(errors="replace"))
        return fn
    run(sets["mail"] + sets["nomail"], detail)
    # Warm-up, not counted: the first third of each file received and approved (the JIT's tiers and the pools of a
    # fresh process; with a tenth, the first case measured after a start came out several ms slower).
    for mode in sets:
        warm, sets[mode] = sets[mode][:len(sets[mode]) // 3], sets[mode][len(sets[mode]) // 3:]
        for action in ("receive", "approve"):
            run(warm, decide(action, "warm"))
    for action, order in (("receive", ("nomail", "mail")), ("approve", ("mail", "nomail"))):
        for mode in order:
            walls[mode] += run(sets[mode], decide(action, mode))
    us = lambda v: int(v * 1e6) if v is not None else None
    out = {mode: {"requests": len(times[mode]), "rps": round(len(times[mode]) / walls[mode], 1) if walls[mode] else 0,
                  "p50": us(percentile(times[mode], 50)), "p95": us(percentile(times[mode], 95)), "p99": us(percentile(times[mode], 99)),
                  "non2xx": 2 * len(sets[mode]) - len(times[mode])} for mode in sets}
    if failures:
        out["first_problems"] = failures
    print(json.dumps(out))

def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()

def make_clip(path, mb):
    """A real MP4 from ffmpeg's test source, padded with zeros to MB megabytes (the type is told from its head)."""
    import subprocess
    subprocess.run(["/usr/bin/ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=10",
                    "-pix_fmt", "yuv420p", "-f", "mp4", path], check=True)
    with open(path, "r+b") as f:
        f.truncate(int(mb) * 1024 * 1024)

def curl(args, output="/dev/null"):
    """curl's own figures for one transfer: seconds and bytes per second (up or down)."""
    import subprocess
    out = subprocess.run(["curl", "-sS", "-o", output, "-w", "%{http_code} %{time_total} %{speed_upload} %{speed_download}", *args],
                         check=True, capture_output=True, text=True).stdout.split()
    return {"code": int(out[0]), "seconds": float(out[1]), "up": float(out[2]), "down": float(out[3])}

def clips(base, cookie, pid, bare, work, notice, mb_big, mb_small, downloads):
    import http.client, subprocess
    cookie_value = cookie.split(":", 1)[1].strip()
    pid, downloads = int(pid), int(downloads)
    rnd = random.Random(7)
    nid = national_id(rnd)
    data, ctype = form([("idCardCopy", "id.pdf", "application/pdf", pdf(20_000)), ("policeReport", "report.pdf", "application/pdf", pdf(20_000)),
                        ("signature", "signature.png", "image/png", png_signature())], rnd, {"nationalId": nid, "privacyNoticeVersion": notice, "purpose": "Copy"})
    req = urllib.request.Request(base + "/api/requests", data=data, method="POST")
    req.add_header("Content-Type", ctype)
    with urllib.request.urlopen(req, timeout=60) as r:
        submitted = json.loads(r.read())
    ref, status_url = submitted["referenceNumber"], submitted["statusUrl"]
    # The status link carries its token in the fragment: .../status#t=TOKEN
    token = urllib.parse.parse_qs(urllib.parse.urlsplit(status_url).fragment)["t"][0]
    csrf = call(base, "GET", "/api/staff/session", cookie=cookie_value)[0]["csrfToken"]
    host, port = base.split("//")[1].split(":")
    def staff(method, path, body=None, etag=None):
        conn = http.client.HTTPConnection(host, int(port), timeout=60)
        headers = {"Cookie": cookie_value, "X-CSRF-TOKEN": csrf, "Content-Type": "application/json", **({"If-Match": etag} if etag else {})}
        conn.request(method, path, body=json.dumps(body).encode() if body is not None else None, headers=headers)
        r = conn.getresponse()
        answer = r.read()
        if r.status >= 300:
            sys.exit(f"{method} {path}: {r.status} {answer[:300]!r}")
        return json.loads(answer or b"null"), r.getheader("ETag")
    _, etag = staff("GET", f"/api/staff/requests/{ref}")
    _, etag = staff("POST", f"/api/staff/requests/{ref}/receive", {}, etag)
    staff("POST", f"/api/staff/requests/{ref}/approve", {}, etag)

    big, small = os.path.join(work, "clip-big.mp4"), os.path.join(work, "clip-small.mp4")
    make_clip(big, mb_big)
    make_clip(small, mb_small)
    big_sha = sha256_file(big)

    peak, running = [0], [False]
    def sampler():
        while running[0]:
            peak[0] = max(peak[0], status_mb(pid, "VmRSS"))
            time.sleep(0.02)
    def sampled(fn):
        before = status_mb(pid, "VmRSS")
        peak[0], running[0] = before, True
        t = threading.Thread(target=sampler); t.start()
        try:
            out = fn()
        finally:
            running[0] = False; t.join()
        return out, before, peak[0]

    auth = ["-H", f"Cookie: {cookie_value}", "-H", f"X-CSRF-TOKEN: {csrf}"]
    bare_up = curl(["-T", big, f"{bare}/file/clip.mp4"])
    up_path = os.path.join(work, "upload.json")
    def api_upload():
        return curl([*auth, "-F", f"file=@{big};type=video/mp4", f"{base}/api/staff/requests/{ref}/clips"], up_path)
    api_up, up_before, up_peak = sampled(api_upload)
    uploaded = json.load(open(up_path)) if api_up["code"] == 201 else {"problem": open(up_path).read()[:300]}
    small_up = curl([*auth, "-F", f"file=@{small};type=video/mp4", f"{base}/api/staff/requests/{ref}/clips"])
    staff("POST", f"/api/staff/requests/{ref}/clips/publish", {})
    req = urllib.request.Request(base + "/api/status/clips", data=json.dumps({"token": token, "nationalId": nid}).encode(), method="POST")
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=30) as r:
        listed = json.loads(r.read())
        clip_cookie = r.headers.get("Set-Cookie").split(";")[0]
    by_size = {c["sizeBytes"]: c for c in listed}
    big_url, small_url = by_size[int(mb_big) * 1024 * 1024]["url"], by_size[int(mb_small) * 1024 * 1024]["url"]
    absolute = lambda u: u if u.startswith("http") else base + u
    bare_down = curl([f"{bare}/file/clip.mp4"])
    api_down, down_before, down_peak = sampled(lambda: curl(["-H", f"Cookie: {clip_cookie}", absolute(big_url)]))

    # DOWNLOADS at once of the small clip, while two readers time the status read the status page makes.
    latencies, stop = [], [False]
    def reader():
        conn = http.client.HTTPConnection(host, int(port), timeout=30)
        body = json.dumps({"token": token}).encode()
        while not stop[0]:
            t0 = time.perf_counter()
            conn.request("POST", "/api/status/token", body=body, headers={"Content-Type": "application/json"})
            r = conn.getresponse(); r.read()
            if r.status == 200:
                latencies.append(time.perf_counter() - t0)
            time.sleep(0.01)
    quiet = []
    def measure_quiet(seconds):
        stop[0] = False
        ts = [threading.Thread(target=reader) for _ in range(2)]
        for t in ts: t.start()
        time.sleep(seconds)
        stop[0] = True
        for t in ts: t.join()
    measure_quiet(3)
    quiet, latencies = latencies, []
    stop[0] = False
    readers = [threading.Thread(target=reader) for _ in range(2)]
    for t in readers: t.start()
    t0 = time.time()
    procs = [subprocess.Popen(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-H", f"Cookie: {clip_cookie}", absolute(small_url)],
                              stdout=subprocess.PIPE, text=True) for _ in range(downloads)]
    codes = [p.communicate()[0] for p in procs]
    wall = time.time() - t0
    stop[0] = True
    for t in readers: t.join()
    ms = lambda v: round(v * 1000, 1) if v is not None else None
    print(json.dumps({
        "clip_mb": int(mb_big), "sha256_equal": uploaded.get("sha256") == big_sha, "upload_code": api_up["code"], "small_upload_code": small_up["code"],
        "upload_mb_s": round(api_up["up"] / 1048576, 1), "bare_upload_mb_s": round(bare_up["up"] / 1048576, 1),
        "upload_rss_before_mb": up_before, "upload_rss_peak_mb": up_peak,
        "download_code": api_down["code"], "download_mb_s": round(api_down["down"] / 1048576, 1), "bare_download_mb_s": round(bare_down["down"] / 1048576, 1),
        "download_rss_before_mb": down_before, "download_rss_peak_mb": down_peak,
        "concurrent": downloads, "concurrent_mb": int(mb_small), "concurrent_codes": sorted(set(codes)), "concurrent_seconds": round(wall, 1),
        "concurrent_mb_s": round(downloads * int(mb_small) / wall, 1),
        "status_reads": len(latencies), "status_p50_ms": ms(percentile(latencies, 50)), "status_p95_ms": ms(percentile(latencies, 95)),
        "status_quiet_p95_ms": ms(percentile(quiet, 95)),
        **({"upload_problem": uploaded["problem"]} if "problem" in uploaded else {})}))

def table(path):
    rows = [json.loads(l) for l in open(path) if l.strip()]
    ceil = {r["name"]: r for r in rows if r.get("ceiling") or r.get("vs") == "ceiling"}
    print(f"{'measure':44} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  {'of ceiling':>11}  target")
    print("-" * 110)
    for r in rows:
        if "rps" not in r:
            print(f"{r['name']:44} {r.get('text', '')}")
            continue
        ratio = ""
        if r.get("vs") in ceil and ceil[r["vs"]]["rps"]:
            ratio = f"{100 * r['rps'] / ceil[r['vs']]['rps']:.1f} % {r['vs']}"
        ms = lambda us: f"{us / 1000:.1f}" if us is not None else "-"
        errors = f"  ({r['non2xx']} non-2xx)" if r.get("non2xx") else ""
        print(f"{r['name']:44} {r['rps']:>9.0f} {ms(r.get('p50')):>8} {ms(r.get('p95')):>8} {ms(r.get('p99')):>8}  {ratio:>11}  {r.get('target', '')}{errors}")

if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    {"session": session, "body": body, "uploads": uploads, "submit": submit, "decisions": decisions, "clips": clips, "table": table}[cmd](*args)
