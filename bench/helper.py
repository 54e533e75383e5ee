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
  contention BASE COOKIE SECONDS PREPARED NOTICE SAMPLER...
                                     -> 8 threads submitting small requests and 8 deciding (receive then approve) for SECONDS
                                        after 5 s of warm-up, PREPARED requests submitted first for the deciders (then the
                                        submitters' own); the sampler command (bench/Bench locks) runs over the measured
                                        window; prints JSON: rates and latencies of both, failures, the sampler's figures
  applicants BASE COUNT CONCURRENCY NOTICE PURPOSE OUT
                                     -> COUNT small submissions (PURPOSE View or Copy), each applicant's reference, status
                                        token and national ID into OUT (JSON lines)
  apiclient BASE COOKIE              -> a new API client with events.read (as an administrator creates one); prints its id
  apitoken BASE COOKIE SCOPE [OUT_FORM] -> a new API client with SCOPE and a token for it; prints "Authorization: Bearer ...";
                                        OUT_FORM: its client-credentials form, for wrk
  webhook BASE COOKIE create CLIENT URL TYPES SECRETS | webhook BASE COOKIE delete ID
                                     -> registers a webhook for CLIENT (TYPES comma-separated), its secret appended to the
                                        file SECRETS, prints its id; or removes one
  hookdecisions BASE COOKIE REFS_OFF REFS_ON RECEIVER CLIENT SECRETS CONCURRENCY
                                     -> decisions without and with a webhook subscribed (ABBA: receive OFF, webhook created,
                                        receive ON, approve ON, deliveries awaited at the receiver, webhook removed, approve
                                        OFF; a third of each first as warm-up); prints JSON
  appointments BASE COOKIE APPLICANTS SAME SPREAD CONCURRENCY
                                     -> the applicants' View requests approved; the viewing place set to 10-minute slots of
                                        one seat; SAME applicants book the same slot at once, then SPREAD book distinct
                                        slots CONCURRENCY at a time; the place set back; prints JSON
  table RESULTS                      -> the results (JSON lines) as one table
"""
import base64, hashlib, hmac, json, os, random, struct, sys, threading, time, urllib.parse, urllib.request, zlib, datetime
import http.client as httpclient

def national_id(rnd):
    d = [rnd.randint(1, 8)] + [rnd.randint(0, 9) for _ in range(11)]
    s = sum(d[i] * (13 - i) for i in range(12))
    return "".join(map(str, d)) + str((11 - s % 11) % 10)

def pdf(size):
    head = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n" \
           b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    return head + b" " * max(0, size - len(head))

import functools

@functools.lru_cache(maxsize=None)
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

class Http:
    """One keep-alive connection (per thread), answers as (status, headers, body); reconnects after a dropped connection."""
    def __init__(self, base, cookie=None, csrf=None):
        host, port = base.split("//")[1].split(":")
        self.conn = httpclient.HTTPConnection(host, int(port), timeout=120)
        self.cookie, self.csrf = cookie, csrf

    def connect(self):
        self.conn.connect()

    def send(self, method, path, body=None, content_type="application/json", headers=None):
        h = {**({"Cookie": self.cookie} if self.cookie else {}), **({"X-CSRF-TOKEN": self.csrf} if self.csrf else {}), **(headers or {})}
        if body is not None:
            h["Content-Type"] = content_type
            if not isinstance(body, (bytes, bytearray)):
                body = json.dumps(body).encode()
        try:
            self.conn.request(method, path, body=body, headers=h)
            r = self.conn.getresponse()
            return r.status, r.headers, r.read()
        except (OSError, httpclient.HTTPException) as e:
            self.conn.close()
            return 0, {}, repr(e).encode()

def staff_http(base, cookie):
    cookie = cookie.split(":", 1)[1].strip()
    csrf = call(base, "GET", "/api/staff/session", cookie=cookie)[0]["csrfToken"]
    return cookie, csrf

def stats_of(times, wall=None):
    us = lambda v: int(v * 1e6) if v is not None else None
    return {"requests": len(times), **({"rps": round(len(times) / wall, 1) if wall else 0} if wall is not None else {}),
            "p50": us(percentile(times, 50)), "p95": us(percentile(times, 95)), "p99": us(percentile(times, 99)), "max": us(max(times) if times else None)}

def small_form(rnd, notice, station=3, purpose="Copy", nid=None):
    extra = {"privacyNoticeVersion": notice, "stationId": str(station), "purpose": purpose, **({"nationalId": nid} if nid else {})}
    return form([("idCardCopy", "id.pdf", "application/pdf", pdf(20_000)), ("policeReport", "report.pdf", "application/pdf", pdf(20_000)),
                 ("signature", "signature.png", "image/png", png_signature())], rnd, extra)

def applicants(base, count, concurrency, notice, purpose, out):
    """Small submissions as citizens send them; each applicant's reference, status token (from the status link's
    fragment) and national ID are kept, as the applicant keeps them, for the calls that need them again."""
    count, concurrency = int(count), int(concurrency)
    rows, failures, lock = [], {}, threading.Lock()
    def worker(w):
        rnd = random.Random(1000 + w)
        http = Http(base)
        for _ in range(w, count, concurrency):
            nid = national_id(rnd)
            data, ctype = small_form(rnd, notice, purpose=purpose, nid=nid)
            status, _, body = http.send("POST", "/api/requests", data, ctype)
            with lock:
                if status == 201:
                    answer = json.loads(body)
                    token = urllib.parse.parse_qs(urllib.parse.urlsplit(answer["statusUrl"]).fragment)["t"][0]
                    rows.append({"ref": answer["referenceNumber"], "token": token, "nationalId": nid})
                else:
                    failures.setdefault(status, body[:300].decode(errors="replace"))
    threads = [threading.Thread(target=worker, args=(w,)) for w in range(concurrency)]
    for t in threads: t.start()
    for t in threads: t.join()
    with open(out, "w") as f:
        f.write("".join(json.dumps(r) + "\n" for r in rows))
    if failures or len(rows) != count:
        sys.exit(f"applicants: {len(rows)} of {count} answered 201; first problems {failures}")

def decide(http, ref, actions=("receive", "approve"), timed=None, failures=None):
    """The detail's ETag, then each decision with If-Match (the ETag of the previous answer); each decision's time to timed(action, t0, seconds)."""
    status, headers, body = http.send("GET", f"/api/staff/requests/{ref}")
    if status != 200:
        if failures is not None: failures.setdefault(f"detail {status}", body[:200].decode(errors="replace"))
        return False
    etag = headers.get("ETag")
    for action in actions:
        t0 = time.perf_counter()
        status, headers, body = http.send("POST", f"/api/staff/requests/{ref}/{action}", b"{}", headers={"If-Match": etag or ""})
        elapsed = time.perf_counter() - t0
        if status != 200:
            if failures is not None: failures.setdefault(f"{action} {status}", body[:200].decode(errors="replace"))
            return False
        etag = headers.get("ETag")
        if timed: timed(action, t0, elapsed)
    return True

def contention(base, cookie, seconds, prepared, notice, *sampler):
    """16 concurrent writers on the counters: 8 submitting small requests (random active stations, as citizens do), 8
    receiving then approving them (those PREPARED first, then the submitters' own, oldest first). After 5 s of warm-up
    the sampler starts (it prints "ready") and SECONDS are measured: calls started in that window count. The sampler's
    stdin is closed at the window's end; its JSON is part of the answer."""
    import collections, subprocess
    seconds, prepared = float(seconds), int(prepared)
    cookie, csrf = staff_http(base, cookie)
    stations = [s["id"] for s in call(base, "GET", "/api/stations")[0]]
    queue, cond, stop = collections.deque(), threading.Condition(), threading.Event()
    window = [None, None]
    times = {"submit": [], "receive": [], "approve": []}
    failures, lock, idle = {}, threading.Lock(), [0.0]

    def in_window(t0):
        return window[0] is not None and t0 >= window[0] and (window[1] is None or t0 < window[1])
    def timed(kind, t0, elapsed):
        if in_window(t0):
            with lock:
                times[kind].append(elapsed)
    def fail(key, text):
        with lock:
            failures[key] = failures.get(key, 0) + 1
            failures.setdefault(key + " (first)", text[:200])
    def submit_one(http, rnd, measured=True):
        data, ctype = small_form(rnd, notice, station=rnd.choice(stations))
        t0 = time.perf_counter()
        status, _, body = http.send("POST", "/api/requests", data, ctype)
        elapsed = time.perf_counter() - t0
        if status != 201:
            fail(f"submit {status}", body.decode(errors="replace"))
            return None
        if measured: timed("submit", t0, elapsed)
        return json.loads(body)["referenceNumber"]

    # The deciders' stock, submitted 8 at a time before anything is measured.
    def prepare(w):
        http, rnd = Http(base), random.Random(500 + w)
        for _ in range(w, prepared, 8):
            ref = submit_one(http, rnd, measured=False)
            if ref:
                with cond: queue.append(ref)
    threads = [threading.Thread(target=prepare, args=(w,)) for w in range(8)]
    started = time.perf_counter()
    for t in threads: t.start()
    for t in threads: t.join()
    stock, prepare_s = len(queue), time.perf_counter() - started

    def submitter(w):
        http, rnd = Http(base), random.Random(900 + w)
        while not stop.is_set():
            ref = submit_one(http, rnd)
            if ref:
                with cond:
                    queue.append(ref)
                    cond.notify()
    def decider(w):
        http = Http(base, cookie, csrf)
        local = []
        while not stop.is_set():
            with cond:
                waited = time.perf_counter()
                while not queue and not stop.is_set():
                    cond.wait(0.5)
                if window[0] is not None:
                    with lock: idle[0] += time.perf_counter() - max(waited, window[0])
                if stop.is_set():
                    break
                ref = queue.popleft()
            if not decide(http, ref, timed=timed, failures=local):
                for k in local: fail(k, "")
                local.clear()
    writers = [threading.Thread(target=submitter, args=(w,)) for w in range(8)] + [threading.Thread(target=decider, args=(w,)) for w in range(8)]
    for t in writers: t.start()
    time.sleep(5)
    probe = subprocess.Popen(list(sampler), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    ready = probe.stdout.readline().strip()
    window[0] = time.perf_counter()
    idle[0] = 0.0
    time.sleep(seconds)
    window[1] = time.perf_counter()
    probe.stdin.close()
    stop.set()
    with cond: cond.notify_all()
    for t in writers: t.join()
    locks_out = probe.stdout.read().strip()
    probe.wait()
    wall = window[1] - window[0]
    decisions = times["receive"] + times["approve"]
    out = {"seconds": round(wall, 1), "stations": len(stations), "prepared": stock, "prepare_s": round(prepare_s, 1), "left_undecided": len(queue),
           "deciders_idle_s": round(idle[0], 1),
           "submissions": stats_of(times["submit"], wall), "decisions": stats_of(decisions, wall),
           "receive": stats_of(times["receive"], wall), "approve": stats_of(times["approve"], wall)}
    try:
        out["locks"] = json.loads(locks_out.splitlines()[-1]) if ready == "ready" else {"problem": f"the sampler said {ready!r}"}
    except (ValueError, IndexError):
        out["locks"] = {"problem": f"the sampler answered {locks_out[:300]!r}"}
    if failures:
        out["failures"] = failures
    print(json.dumps(out))

def apiclient(base, cookie):
    cookie, csrf = staff_http(base, cookie)
    http = Http(base, cookie, csrf)
    expires = (datetime.datetime.utcnow() + datetime.timedelta(hours=7) + datetime.timedelta(days=30)).date().isoformat()
    status, _, body = http.send("POST", "/api/staff/api-clients", {"name": "Bench integrator", "ownerContact": "bench@example.go.th",
                                                                      "scopes": ["events.read"], "expiresOn": expires})
    if status != 201:
        sys.exit(f"CreateApiClient: {status} {body[:300]!r}")
    print(json.loads(body)["clientId"])

def apitoken(base, cookie, scope, out_form=None):
    """A new API client with SCOPE, as an administrator creates one, and a token for it by client credentials; with
    OUT_FORM, the client-credentials form itself is written there (for wrk to ask for tokens again and again)."""
    cookie, csrf = staff_http(base, cookie)
    http = Http(base, cookie, csrf)
    expires = (datetime.datetime.utcnow() + datetime.timedelta(hours=7) + datetime.timedelta(days=30)).date().isoformat()
    status, _, body = http.send("POST", "/api/staff/api-clients", {"name": "Bench reader", "ownerContact": "bench@example.go.th",
                                                                      "scopes": [scope], "expiresOn": expires})
    if status != 201:
        sys.exit(f"CreateApiClient: {status} {body[:300]!r}")
    created = json.loads(body)
    form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": created["clientId"], "client_secret": created["clientSecret"]}).encode()
    if out_form:
        open(out_form, "wb").write(form)
    req = urllib.request.Request(base + "/connect/token", data=form, method="POST")
    req.add_header("Content-Type", "application/x-www-form-urlencoded")
    with urllib.request.urlopen(req, timeout=30) as r:
        print("Authorization: Bearer " + json.loads(r.read())["access_token"])

def webhook_create(http, client, url, types, secrets):
    status, _, body = http.send("POST", "/api/integrations/webhooks", {"url": url, "eventTypes": types, "clientId": client})
    if status != 201:
        sys.exit(f"CreateWebhook: {status} {body[:300]!r}")
    answer = json.loads(body)
    with open(secrets, "a") as f:
        f.write(answer["secret"] + "\n")
    return answer["webhook"]["id"]

def webhook_delete(http, hook):
    status, _, body = http.send("DELETE", f"/api/integrations/webhooks/{hook}")
    if status != 204:
        sys.exit(f"DeleteWebhook: {status} {body[:300]!r}")

def webhook(base, cookie, action, *args):
    cookie, csrf = staff_http(base, cookie)
    http = Http(base, cookie, csrf)
    if action == "create":
        client, url, types, secrets = args
        print(webhook_create(http, client, url, types.split(","), secrets))
    else:
        webhook_delete(http, args[0])

def receiver_stats(receiver):
    with urllib.request.urlopen(receiver + "/stats", timeout=30) as r:
        return json.loads(r.read())

def hookdecisions(base, cookie, refs_off, refs_on, receiver, client, secrets, concurrency):
    """A decision's time without and with a webhook subscribed to it (request.received and request.approved, to the
    receiver at RECEIVER), the dispatcher delivering on the same node meanwhile."""
    concurrency = int(concurrency)
    cookie, csrf = staff_http(base, cookie)
    admin = Http(base, cookie, csrf)
    sets = {"off": [l.strip() for l in open(refs_off) if l.strip()], "on": [l.strip() for l in open(refs_on) if l.strip()]}
    etags, times, walls, failures, lock = {}, {"off": [], "on": []}, {"off": 0.0, "on": 0.0}, {}, threading.Lock()
    def run(refs, action, mode):
        def worker(part):
            http = Http(base, cookie, csrf)
            for ref in part:
                if action == "detail":
                    status, headers, _ = http.send("GET", f"/api/staff/requests/{ref}")
                    etags[ref] = headers.get("ETag") if status == 200 else None
                    continue
                t0 = time.perf_counter()
                status, headers, body = http.send("POST", f"/api/staff/requests/{ref}/{action}", b"{}", headers={"If-Match": etags.get(ref) or ""})
                elapsed = time.perf_counter() - t0
                with lock:
                    if status == 200:
                        etags[ref] = headers.get("ETag")
                        if mode in times: times[mode].append(elapsed)
                    else:
                        failures.setdefault(f"{action} {status}", body[:300].decode(errors="replace"))
        threads = [threading.Thread(target=worker, args=(refs[w::concurrency],)) for w in range(concurrency)]
        t0 = time.perf_counter()
        for t in threads: t.start()
        for t in threads: t.join()
        if mode in walls: walls[mode] += time.perf_counter() - t0
    run(sets["off"] + sets["on"], "detail", None)
    for mode in sets:
        warm, sets[mode] = sets[mode][:len(sets[mode]) // 3], sets[mode][len(sets[mode]) // 3:]
        for action in ("receive", "approve"):
            run(warm, action, "warm")
    before = receiver_stats(receiver)
    run(sets["off"], "receive", "off")
    hook = webhook_create(admin, client, receiver + "/hook", ["request.received", "request.approved"], secrets)
    run(sets["on"], "receive", "on")
    run(sets["on"], "approve", "on")
    expected = 2 * len(sets["on"])
    deadline = time.time() + 120
    while True:
        after = receiver_stats(receiver)
        if after["unique"] - before["unique"] >= expected or time.time() > deadline:
            break
        time.sleep(0.2)
    webhook_delete(admin, hook)
    run(sets["off"], "approve", "off")
    out = {mode: {**stats_of(times[mode]), "rps": round(len(times[mode]) / walls[mode], 1) if walls[mode] else 0,
                  "non2xx": 2 * len(sets[mode]) - len(times[mode])} for mode in sets}
    out["deliveries"] = {"expected": expected, "arrived": after["unique"] - before["unique"], "repeated": after["repeated"] - before["repeated"],
                         "bad_signature": after["bad_signature"] - before["bad_signature"], "stale": after["stale_timestamp"] - before["stale_timestamp"]}
    if failures:
        out["first_problems"] = failures
    print(json.dumps(out))

def appointments(base, cookie, applicants_file, same, spread, concurrency):
    """Booking under contention, as applicants do it (status token + national ID typed again) after an officer approved
    their View requests. Round 1: SAME bookings of one slot of one seat released at once (expected: one 201, the rest
    409 appointment.slot_taken), checked in the staff day list. Round 2: SPREAD bookings of distinct slots, CONCURRENCY
    at a time (expected: all 201), checked likewise. Only the booking call is timed."""
    same, spread, concurrency = int(same), int(spread), int(concurrency)
    cookie, csrf = staff_http(base, cookie)
    admin = Http(base, cookie, csrf)
    people = [json.loads(l) for l in open(applicants_file) if l.strip()]
    if len(people) < same + spread:
        sys.exit(f"appointments: {len(people)} applicants, {same + spread} needed")
    problems, lock = {}, threading.Lock()
    def problem(key, text=""):
        with lock:
            problems[key] = problems.get(key, 0) + 1
            if text: problems.setdefault(key + " (first)", text[:200])
    # An officer approves them (untimed), 8 at a time.
    def approve(part):
        http, local = Http(base, cookie, csrf), {}
        for p in part:
            if not decide(http, p["ref"], failures=local):
                for k, v in local.items(): problem(k, v)
                local.clear()
    threads = [threading.Thread(target=approve, args=(people[w::8],)) for w in range(8)]
    for t in threads: t.start()
    for t in threads: t.join()

    status, _, body = admin.send("GET", "/api/staff/viewing-places")
    places = json.loads(body)
    place = next(p for p in places if p["isActive"])
    def place_form(p, **changes):
        return {"name": p["name"]["th"], "nameEn": p["name"]["en"], "address": p["address"]["th"], "addressEn": p["address"]["en"],
                "mapUrl": p.get("mapUrl"), "whatToBring": p["whatToBring"]["th"], "whatToBringEn": p["whatToBring"]["en"],
                "hours": p["hours"], "slotMinutes": p["slotMinutes"], "seats": p["seats"], "daysAhead": p["daysAhead"],
                "latestChangeHours": p["latestChangeHours"], "isActive": p["isActive"], "sortOrder": p["sortOrder"], **changes}
    # Enough distinct slots for round 2: 10-minute slots (the shortest allowed), one seat each.
    status, _, body = admin.send("PUT", f"/api/staff/admin/viewing-places/{place['id']}", place_form(place, slotMinutes=10, seats=1))
    if status != 200:
        sys.exit(f"UpdateViewingPlace: {status} {body[:300]!r}")
    try:
        def slots_of(p):
            status, _, body = Http(base).send("POST", "/api/status/appointment/slots", {"token": p["token"], "nationalId": p["nationalId"]})
            if status != 200:
                sys.exit(f"ListAppointmentSlots: {status} {body[:300]!r}")
            return [s for s in json.loads(body) if s["placeId"] == place["id"]]
        def staff_count(starts):
            """Bookings holding a seat at these starts, from the officers' day lists."""
            wanted = {datetime.datetime.fromisoformat(s) for s in starts}
            days = sorted({(w.astimezone(datetime.timezone(datetime.timedelta(hours=7)))).date().isoformat() for w in wanted})
            found = 0
            for day in days:
                status, _, body = admin.send("GET", f"/api/staff/appointments?date={day}&days=1&placeId={place['id']}")
                if status != 200:
                    problem(f"ListAppointments {status}", body.decode(errors="replace"))
                    continue
                found += sum(1 for a in json.loads(body) if datetime.datetime.fromisoformat(a["startsAt"]) in wanted)
            return found
        def book(http, p, slot, results):
            t0 = time.perf_counter()
            status, _, body = http.send("POST", "/api/status/appointment/book",
                                        {"token": p["token"], "nationalId": p["nationalId"], "placeId": slot["placeId"], "startsAt": slot["startsAt"]})
            elapsed = time.perf_counter() - t0
            code = None
            try:
                answer = json.loads(body)
                code = answer.get("code") if status != 201 else answer.get("seat")
            except ValueError:
                pass
            with lock:
                results.append((status, elapsed, code, body[:200].decode(errors="replace")))
        ms = lambda v: round(v * 1000, 1) if v is not None else None
        def summary(results):
            lat = [r[1] for r in results]
            return {"p50_ms": ms(percentile(lat, 50)), "p95_ms": ms(percentile(lat, 95)), "p99_ms": ms(percentile(lat, 99)), "max_ms": ms(max(lat) if lat else None)}

        # Round 1: the same slot, all at once (each caller on its own open connection, released together).
        first = slots_of(people[0])[0]
        results, gate = [], threading.Barrier(same)
        def one(p):
            http = Http(base)
            http.connect()
            gate.wait()
            book(http, p, first, results)
        threads = [threading.Thread(target=one, args=(p,)) for p in people[:same]]
        for t in threads: t.start()
        for t in threads: t.join()
        created = sum(1 for r in results if r[0] == 201)
        taken = sum(1 for r in results if r[0] == 409 and r[2] == "appointment.slot_taken")
        for r in results:
            if r[0] != 201 and not (r[0] == 409 and r[2] == "appointment.slot_taken"):
                problem(f"round 1: {r[0]} {r[2]}", r[3])
        round1 = {"callers": same, "created": created, "slot_taken": taken, "other": same - created - taken, **summary(results),
                  "slot": first["startsAt"], "held_in_staff_list": staff_count([first["startsAt"]])}

        # Round 2: distinct slots, CONCURRENCY at a time.
        group = people[same:same + spread]
        free = slots_of(group[0])
        if len(free) < spread:
            sys.exit(f"appointments: {len(free)} free slots, {spread} needed")
        pairs = list(zip(group, free))
        results = []
        def worker(part):
            http = Http(base)
            for p, slot in part:
                book(http, p, slot, results)
        threads = [threading.Thread(target=worker, args=(pairs[w::concurrency],)) for w in range(concurrency)]
        t0 = time.perf_counter()
        for t in threads: t.start()
        for t in threads: t.join()
        wall = time.perf_counter() - t0
        created2 = sum(1 for r in results if r[0] == 201)
        for r in results:
            if r[0] != 201:
                problem(f"round 2: {r[0]} {r[2]}", r[3])
        round2 = {"bookings": spread, "concurrency": concurrency, "created": created2, "rps": round(created2 / wall, 1), **summary(results),
                  "held_in_staff_list": staff_count([s["startsAt"] for _, s in pairs])}
    finally:
        status, _, body = admin.send("PUT", f"/api/staff/admin/viewing-places/{place['id']}", place_form(place))
        if status != 200:
            problem(f"restoring the place: {status}", body.decode(errors="replace"))
    print(json.dumps({"round1": round1, "round2": round2, **({"problems": problems} if problems else {})}))

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
    {"session": session, "body": body, "uploads": uploads, "submit": submit, "decisions": decisions, "clips": clips, "table": table,
     "contention": contention, "applicants": applicants, "apiclient": apiclient, "apitoken": apitoken, "webhook": webhook, "hookdecisions": hookdecisions,
     "appointments": appointments}[cmd](*args)
