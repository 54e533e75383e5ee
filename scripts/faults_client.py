"""Client and checker for scripts/faults.sh (standard library only).

Sub-commands (all write what they saw as JSON lines, one per answer or event, with wall-clock times):
  files DIR                          builds the signature PNG and the PDFs the submissions carry
  once BASE DIR                      one submission; prints the answer; exit 0 on 201
  slow BASE DIR OUT READY            scenario A: N concurrent submissions sent slowly; writes READY once they are mid-upload
  load BASE DIR OUT STOP             scenario B: WORKERS workers submitting small requests until the file STOP exists
  burst BASE DIR OUT N LABEL         scenario C: N submissions, one after the other
  health BASE OUT SECONDS [--until-200]
                                     polls GET /healthz every second for SECONDS (or until it answers 200)
  storage ROOT OUT                   counts files: tmp/, objects/ and which objects no row references (needs PG)
  check-a | check-b | check-c ...    the checks of each scenario; append their figures to the summary file
  smtp MAILDIR HOST:PORT [--hold S] [--kill-pid PID --arm FILE --holding FILE]
                                     scenarios D and E: aiosmtpd storing each message, then keeping its 250 back S seconds;
                                     once FILE is there, kills PID between storing a message and answering it
                                     (run with /usr/bin/python3, the interpreter Debian's python3-aiosmtpd belongs to)
  session BASE EMAIL PASSWORD OUT    a staff session (second factor enrolled here) for the decisions
  notify BASE DIR SESSION OUT        scenario D: submissions with an e-mail, each received, then approved or cancelled
  mail-load BASE DIR OUT STOP        scenario E: submissions with an e-mail until the file STOP exists
  outbox-state | wait-sent | check-messages ...
                                     the outbox at the kill, waiting until every row is Sent, and the delivery checks
  summary SUMMARY                    prints the table; exit 1 if any check failed
The database is read with psql (FAULTS_PSQL, FAULTS_PGPORT, FAULTS_DB in the environment).
"""
import argparse
import base64
import datetime
import hashlib
import hmac
import http.client
import json
import math
import os
import random
import struct
import subprocess
import sys
import threading
import time
import uuid
import zlib

HOST = "127.0.0.1"
BANGKOK = datetime.timezone(datetime.timedelta(hours=7))
CHUNK = 16 * 1024


# ---------------------------------------------------------------- inputs

def national_id():
    d = [random.randint(1, 8)] + [random.randint(0, 9) for _ in range(11)]
    check = (11 - sum(x * (13 - i) for i, x in enumerate(d)) % 11) % 10
    return "".join(map(str, d + [check]))


def make_png(path, w=400, h=150):
    """RGBA, transparent background, a dark wavy stroke about 5 px thick (some 2,000 opaque pixels)."""
    ink = set()
    for x in range(20, w - 20):
        yc = h / 2 + 40 * math.sin(x / 25.0) + 10 * math.sin(x / 7.0)
        for dy in range(-2, 3):
            ink.add((x, int(yc) + dy))
    rows = bytearray()
    for y in range(h):
        rows.append(0)
        for x in range(w):
            rows += b"\x15\x20\x50\xff" if (x, y) in ink else b"\x00\x00\x00\x00"

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


def minimal_pdf(label):
    """A one-page PDF with a correct xref table."""
    content = f"BT /F1 12 Tf 72 720 Td ({label}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def cmd_files(args):
    os.makedirs(args.dir, exist_ok=True)
    make_png(os.path.join(args.dir, "signature.png"))
    with open(os.path.join(args.dir, "idcard.pdf"), "wb") as f:
        f.write(minimal_pdf("ID card copy"))
    with open(os.path.join(args.dir, "police.pdf"), "wb") as f:
        f.write(minimal_pdf("Police report"))


def load_files(d):
    with open(os.path.join(d, "signature.png"), "rb") as f:
        sig = f.read()
    with open(os.path.join(d, "idcard.pdf"), "rb") as f:
        idcard = f.read()
    with open(os.path.join(d, "police.pdf"), "rb") as f:
        police = f.read()
    return sig, idcard, police


def form_fields(nid, extra=None):
    """The form's fields; extra adds fields or replaces those of the same name (e.g. email, privacyNoticeVersion)."""
    today = datetime.datetime.now(BANGKOK).date()
    fields = [
        ("writtenOn", today.isoformat()), ("title", "นาย"), ("firstName", "สมศักดิ์"), ("lastName", "ใจดี"),
        ("nationalId", nid), ("age", "35"), ("ethnicity", "ไทย"), ("nationality", "ไทย"),
        ("address", "99 หมู่ 1 ต.ศาลา อ.เกาะคา จ.ลำปาง 52130"), ("phone", "081-234-5678"), ("purpose", "Copy"),
        ("fileCount", "2"), ("stationId", "3"), ("incidentDate", (today - datetime.timedelta(days=2)).isoformat()),
        ("incidentTime", "14:30"), ("reason", "ต้องการขอข้อมูลภาพเหตุการณ์เพื่อค้นหากระเป๋าสตางค์ที่สูญหาย"),
        ("privacyAccepted", "true"), ("privacyNoticeVersion", "2569-1"), ("signatureMethod", "Drawn"),
    ]
    extra = dict(extra or {})
    fields = [(k, extra.pop(k, v)) for k, v in fields]
    return fields + list(extra.items())


def multipart(files_dir, pad_to=0, extra=None):
    """(national id, boundary, body). pad_to > 0 pads the ID-card PDF with spaces after %%EOF up to that many bytes."""
    sig, idcard, police = load_files(files_dir)
    if pad_to > len(idcard):
        idcard = idcard + b" " * (pad_to - len(idcard))
    nid = national_id()
    boundary = "----faults" + uuid.uuid4().hex
    parts = []
    for name, value in form_fields(nid, extra):
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value.encode() + b"\r\n")
    for name, fname, ctype, data in (("idCardCopy", "idcard.pdf", "application/pdf", idcard),
                                     ("policeReport", "police.pdf", "application/pdf", police),
                                     ("signature", "signature.png", "image/png", sig)):
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{fname}"\r\n'
                     f"Content-Type: {ctype}\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return nid, boundary, b"".join(parts)


def submit(base_port, files_dir, pad_to=0, rate=0, progress=None, timeout=30, label="", extra=None, language="en"):
    """One POST /api/requests. rate > 0 throttles the body to that many bytes/s. Returns a result dict, never raises."""
    nid, boundary, body = multipart(files_dir, pad_to, extra)
    res = {"label": label, "nid": nid, "size": len(body), "t0": time.time(), "sent": 0, "status": None,
           "ctype": None, "ref": None, "error": None}
    conn = http.client.HTTPConnection(HOST, base_port, timeout=timeout)
    try:
        conn.putrequest("POST", "/api/requests", skip_accept_encoding=True)
        conn.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
        conn.putheader("Content-Length", str(len(body)))
        conn.putheader("Accept-Language", language)
        conn.putheader("Connection", "close")
        conn.endheaders()
        start = time.monotonic()
        view = memoryview(body)
        while res["sent"] < len(body):
            n = min(CHUNK, len(body) - res["sent"])
            conn.send(view[res["sent"]:res["sent"] + n])
            res["sent"] += n
            if progress is not None:
                progress(res["sent"], len(body))
            if rate:
                ahead = res["sent"] / rate - (time.monotonic() - start)
                if ahead > 0:
                    time.sleep(ahead)
        resp = conn.getresponse()
        data = resp.read()
        res["status"] = resp.status
        res["ctype"] = resp.getheader("Content-Type")
        try:
            doc = json.loads(data.decode("utf-8")) if data else {}
        except ValueError:
            doc = {"raw": data[:300].decode("utf-8", "replace")}
        if resp.status == 201:
            res["ref"] = doc.get("referenceNumber")
        else:
            res["problem"] = {k: doc.get(k) for k in ("title", "detail", "errors", "traceId", "raw") if k in doc}
    except Exception as e:  # noqa: BLE001 - any transport failure is an answer of its own kind
        res["error"] = type(e).__name__ + (f": {e}" if str(e) else "")
    finally:
        conn.close()
        res["t1"] = time.time()
    return res


def port_of(base):
    return int(base.rsplit(":", 1)[1].strip("/"))


def write_jsonl(path, rows, lock=None):
    if lock:
        with lock:
            write_jsonl(path, rows)
        return
    with open(path, "a", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def read_jsonl(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cmd_once(args):
    r = submit(port_of(args.base), args.dir, label="once")
    print(json.dumps(r, ensure_ascii=False))
    return 0 if r["status"] == 201 and r["ref"] else 1


def cmd_slow(args):
    """Scenario A. Sizes spread from SMALL to BIG: the small ones finish, the big ones are mid-upload when READY is written."""
    port = port_of(args.base)
    n = args.count
    sizes = [int(args.small + (args.big - args.small) * i / max(1, n - 1)) for i in range(n)]
    sent = [0] * n
    total = [1] * n
    done = [False] * n
    results = [None] * n
    lock = threading.Lock()

    def worker(i):
        def progress(s, t):
            sent[i], total[i] = s, t
        results[i] = submit(port, args.dir, pad_to=sizes[i], rate=args.rate, progress=progress, timeout=60, label=f"slow{i}")
        done[i] = True

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    deadline = time.time() + 60
    while time.time() < deadline:
        # Ready: each upload finished, or has sent at least THRESHOLD bytes and is still sending.
        if all(done[i] or sent[i] >= min(args.threshold, total[i]) for i in range(n)):
            break
        time.sleep(0.05)
    with lock:
        snap = {"t": time.time(), "finished": sum(1 for i in range(n) if done[i] or sent[i] >= total[i]),
                "mid_upload": sum(1 for i in range(n) if not done[i] and 0 < sent[i] < total[i]),
                "sent_bytes": sum(sent), "body_bytes": sum(total)}
    with open(args.ready + ".tmp", "w") as f:
        json.dump(snap, f)
    os.replace(args.ready + ".tmp", args.ready)
    for t in threads:
        t.join(90)
    write_jsonl(args.out, [r for r in results if r])
    return 0


def cmd_load(args):
    port = port_of(args.base)
    lock = threading.Lock()

    def worker(w):
        while not os.path.exists(args.stop):
            r = submit(port, args.dir, timeout=30, label=f"load{w}")
            write_jsonl(args.out, [r], lock)
            time.sleep(args.pause)

    threads = [threading.Thread(target=worker, args=(w,), daemon=True) for w in range(args.workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return 0


def cmd_burst(args):
    port = port_of(args.base)
    for _ in range(args.n):
        write_jsonl(args.out, [submit(port, args.dir, timeout=30, label=args.label)])
    return 0


def health_once(port, timeout=5):
    r = {"t0": time.time(), "status": None, "ctype": None, "error": None}
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", "/healthz", headers={"Accept-Language": "en"})
        resp = conn.getresponse()
        resp.read()
        r["status"], r["ctype"] = resp.status, resp.getheader("Content-Type")
    except Exception as e:  # noqa: BLE001
        r["error"] = type(e).__name__
    finally:
        conn.close()
        r["t1"] = time.time()
    return r


def cmd_health(args):
    port = port_of(args.base)
    end = time.time() + args.seconds
    while True:
        r = health_once(port)
        r["label"] = args.label
        write_jsonl(args.out, [r])
        if args.until_200 and r["status"] == 200:
            return 0
        if time.time() >= end:
            return 1 if args.until_200 else 0
        time.sleep(max(0.0, 1.0 - (r["t1"] - r["t0"])))


# ---------------------------------------------------------------- database and storage

def psql(sql):
    cmd = [os.environ["FAULTS_PSQL"], "-h", HOST, "-p", os.environ["FAULTS_PGPORT"], "-U", "postgres", "-d", os.environ["FAULTS_DB"],
           "-qtAX", "-v", "ON_ERROR_STOP=1", "-F", "\t", "-c", sql]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise SystemExit(f"psql failed: {out.stderr.strip()}")
    return [line.split("\t") for line in out.stdout.splitlines() if line]


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def list_files(folder):
    """Relative paths of the regular files under folder ('' when folder is missing or not a folder)."""
    found = []
    if not os.path.isdir(folder):
        return found
    for dirpath, _, names in os.walk(folder):
        for name in names:
            found.append(os.path.relpath(os.path.join(dirpath, name), folder).replace(os.sep, "/"))
    return found


def storage_state(root):
    """Rows against files: which requests are whole, which files no row references, what is left in tmp/."""
    # National IDs are stored encrypted; their blind index (HMAC-SHA256) is compared instead.
    requests = psql("SELECT r.id, r.reference_number, count(a.id), encode(r.applicant_id_index, 'hex') FROM footage_requests r "
                    "LEFT JOIN request_attachments a ON a.request_id = r.id GROUP BY r.id, r.reference_number, r.applicant_id_index")
    attachments = psql("SELECT coalesce(request_id::text, ''), storage_key, sha256 FROM request_attachments")
    objects = os.path.join(root, "objects")
    half = []
    for rid, ref, count, _ in requests:
        if int(count) != 3:  # every submission of this script carries 3 files
            half.append({"ref": ref, "why": f"{count} attachment rows, 3 sent"})
    for rid, key, sha in attachments:
        path = os.path.join(objects, key)
        if not rid:
            half.append({"key": key, "why": "attachment row without request"})
        elif not os.path.isfile(path):
            half.append({"key": key, "why": "file missing"})
        elif sha256_of(path) != sha.strip():
            half.append({"key": key, "why": "SHA-256 differs"})
    # The online copy's clips (scenario F) are stored objects too, named by their own rows.
    known = {key for _, key, _ in attachments} | {key for (key,) in psql("SELECT storage_key FROM delivered_clips")}
    files = list_files(objects)
    orphans = [f for f in files if f not in known]
    tmp = os.path.join(root, "tmp")
    return {"requests": len(requests), "attachments": len(attachments), "objects": len(files), "orphans": orphans,
            "half": half, "tmp": list_files(tmp) if os.path.isdir(tmp) else (["<tmp is not a folder>"] if os.path.exists(tmp) else []),
            "refs": sorted(ref for _, ref, _, _ in requests), "nids": sorted(nid.strip() for _, _, _, nid in requests)}


def storage_files_only(root):
    """After a kill, before the restart: files in tmp/ and objects/, and the objects no row names (PG is up)."""
    return storage_state(root)


def cmd_storage(args):
    s = storage_files_only(args.root)
    with open(args.out, "w") as f:
        json.dump(s, f)
    print(f"  storage now: {s['requests']} requests, {s['objects']} files in objects/ ({len(s['orphans'])} unreferenced), "
          f"{len(s['tmp'])} in tmp/")
    return 0


# ---------------------------------------------------------------- checks

class Checks:
    def __init__(self, name):
        self.name, self.failed = name, []

    def check(self, ok, text):
        print(f"  [{'ok' if ok else 'FAIL'}] {text}")
        if not ok:
            self.failed.append(text)
        return ok


def answers(rows):
    counts = {}
    for r in rows:
        k = str(r["status"]) if r["status"] is not None else "no answer"
        counts[k] = counts.get(k, 0) + 1
    return counts


def fmt_counts(counts):
    return " ".join(f"{k}:{v}" for k, v in sorted(counts.items())) or "-"


def is_problem(r):
    return (r.get("ctype") or "").split(";")[0].strip() == "application/problem+json"


def lost_of(rows, refs):
    refs = set(refs)
    return [r for r in rows if r["status"] == 201 and r.get("ref") not in refs]


def id_index(nid):
    """The API's blind index of a national ID: HMAC-SHA256 under the index key of FAULTS_KEYS (the keys file)."""
    with open(os.environ["FAULTS_KEYS"], encoding="utf-8") as f:
        key = base64.b64decode(json.load(f)["indexKey"])
    return hmac.new(key, f"NationalId|{nid}".encode(), hashlib.sha256).hexdigest()


def check_phantoms(c, rows, state):
    """An error answer says nothing was saved: a row for it would be filed twice when the citizen tries again."""
    nids = set(state["nids"])
    saved = [r for r in rows if r["status"] is not None and r["status"] != 201 and id_index(r["nid"]) in nids]
    c.check(not saved, f"answered an error but saved anyway: {len(saved)}"
                       + (f" {[(r['label'], r['nid'], r['status']) for r in saved[:5]]}" if saved else ""))


def new_orphans(state, baseline):
    """Orphans this scenario made: those already there at its start were reported by the scenario before."""
    old = set(baseline["orphans"]) if baseline else set()
    return [o for o in state["orphans"] if o not in old]


def common_storage_checks(c, state, orphans_label="files in objects/ no row references", baseline=None):
    c.check(not state["half"], f"rows half-saved: {len(state['half'])} (of {state['requests']} requests, {state['attachments']} attachments, "
                               f"each file present with its SHA-256)" + (f" {state['half'][:5]}" if state["half"] else ""))
    new = new_orphans(state, baseline)
    old = len(state["orphans"]) - len(new)
    c.check(not new, f"{orphans_label}: {len(new)}" + (f" (+{old} left from before this scenario)" if old else "")
                     + (f" {new[:6]}" if new else ""))
    c.check(not state["tmp"], f"files left in tmp/: {len(state['tmp'])}" + (f" {state['tmp'][:5]}" if state["tmp"] else ""))
    return new


def explain_orphans(root, orphans, rows, api_log, origin, origin_name):
    """Where unreferenced files came from: their time, the answers in flight then, the API's own warnings."""
    if not orphans:
        return
    print(f"    unreferenced files (written at, relative to {origin_name}):")
    stamps = []
    for o in orphans:
        m = os.path.getmtime(os.path.join(root, "objects", o))
        stamps.append(m)
        print(f"      objects/{o}  {m - origin:+.3f} s  ({datetime.datetime.fromtimestamp(m, datetime.timezone.utc):%H:%M:%S.%f} UTC)")
    lo, hi = min(stamps), max(stamps)
    for r in rows:
        if r["t0"] <= hi + 0.05 and r["t1"] >= lo - 0.05 and r["status"] != 201:
            print(f"    request in flight then: {r['label']} nid={r['nid']} sent {r['t0'] - origin:+.3f} s, answered {r['t1'] - origin:+.3f} s: "
                  f"{r['status']} {r.get('ctype')} {json.dumps(r.get('problem'), ensure_ascii=False)}")
    if api_log and os.path.exists(api_log):
        with open(api_log, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
        for i, line in enumerate(lines):
            if "promoted files of an unfinished commit" in line:
                # The exception the handler logged just before: its first line and the frames that name the commit.
                j = i - 1
                while j > 0 and not lines[j].startswith("warn: CctvRequests.Api.Errors.ProblemExceptionHandler"):
                    j -= 1
                block = lines[j:i + 1]
                keep = [b for b in block[:3]] + [b for b in block if "Commit" in b][:3] + block[-2:]
                print("    API log:")
                for b in keep:
                    print("      | " + b.strip()[:200])


def show_non2xx(rows, limit=5):
    shown = 0
    for r in rows:
        if r["status"] not in (201, 503) or (r["status"] == 503 and not is_problem(r)):
            if shown < limit:
                print(f"      {r.get('label')} nid={r['nid']} status={r['status']} ctype={r.get('ctype')} error={r.get('error')} "
                      f"problem={json.dumps(r.get('problem'), ensure_ascii=False)}")
            shown += 1


def record(summary, row):
    with open(summary, "a", encoding="utf-8") as f:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")


def cmd_check_a(args):
    c = Checks("A")
    rows = read_jsonl(args.results)
    with open(args.ready) as f:
        ready = json.load(f)
    with open(args.before) as f:
        before = json.load(f)
    after = storage_state(args.root)
    kill_t = float(args.kill_time)
    answered_before = [r for r in rows if r["status"] is not None and r["t1"] <= kill_t]
    print(f"  sent {len(rows)} submissions; at the kill {ready['mid_upload']} were mid-upload, {len(answered_before)} had their answer "
          f"({fmt_counts(answers(answered_before))}); {ready['sent_bytes'] / 1e6:.1f} of {ready['body_bytes'] / 1e6:.1f} MB sent")
    errors = {}
    for r in rows:
        if r["error"]:
            errors[r["error"].split(":")[0]] = errors.get(r["error"].split(":")[0], 0) + 1
    print(f"  answers: {fmt_counts(answers(rows))}; transport errors (connection cut by the kill): {fmt_counts(errors)}")
    print(f"  right after the kill (before restart): {len(before['tmp'])} files in tmp/, {len(before['orphans'])} unreferenced in objects/")
    c.check(ready["mid_upload"] > 0, f"uploads in flight at the kill: {ready['mid_upload']}")
    c.check(not [r for r in rows if r["status"] == 500], f"answers 500: {sum(1 for r in rows if r['status'] == 500)}")
    lost = lost_of(rows, after["refs"])
    c.check(not lost, f"requests lost (201 answered, not in the DB): {len(lost)}" + (f" {[r['ref'] for r in lost]}" if lost else ""))
    check_phantoms(c, rows, after)
    common_storage_checks(c, after, "files in objects/ no row references, after restart")
    show_non2xx([r for r in rows if r["status"] is not None])  # no answer is what a kill does to an upload
    record(args.summary, {
        "scenario": "A kill -9 with uploads in flight", "inputs": len(rows), "answers": answers(rows),
        "faults": "kill -9 API (+ restart)", "lost": len(lost), "orphans": len(after["orphans"]),
        "orphans_note": f"{len(before['orphans'])} unreferenced + {len(before['tmp'])} tmp right after kill, swept at restart",
        "half": len(after["half"]), "seconds": round(float(args.seconds), 1), "failed": c.failed})
    return 1 if c.failed else 0


def cmd_check_b(args):
    c = Checks("B")
    rows = read_jsonl(args.results)
    health = read_jsonl(args.health)
    ev = {k: float(v) for k, v in (e.split("=") for e in args.events)}
    down, up = ev["pg_stop_done"], ev["pg_start_done"]
    healthy = next((h["t1"] for h in health if h.get("label") == "recovery" and h["status"] == 200), None)
    state = storage_state(args.root)
    with open(args.baseline) as f:
        baseline = json.load(f)
    print(f"  sent {len(rows)} submissions over {max(r['t1'] for r in rows) - min(r['t0'] for r in rows):.0f} s; answers: {fmt_counts(answers(rows))}")
    c.check(not [r for r in rows if r["status"] == 500], f"answers 500: {sum(1 for r in rows if r['status'] == 500)}")
    c.check(not [r for r in rows if r["status"] is None], f"submissions without an answer (timeout, reset): {sum(1 for r in rows if r['status'] is None)}")
    # Wholly inside the outage (started after pg_ctl stop returned, answered before start was issued).
    during = [r for r in rows if r["t0"] >= down and r["t1"] <= ev["pg_start"]]
    bad = [r for r in during if not (r["status"] == 503 and is_problem(r))]
    c.check(during and not bad, f"while PostgreSQL was down: {len(during)} submissions, "
                                f"{sum(1 for r in during if r['status'] == 503 and is_problem(r))} answered 503 application/problem+json, "
                                f"{len(bad)} otherwise ({fmt_counts(answers(bad))})")
    show_non2xx(bad)
    hd = [h for h in health if h.get("label") == "down"]
    hbad = [h for h in hd if not (h["status"] == 503 and is_problem(h))]
    c.check(hd and not hbad, f"/healthz while down: {len(hd)} polls, {len(hd) - len(hbad)} answered 503 application/problem+json"
                             + (f", others: {[(h['status'], h['ctype'], h['error']) for h in hbad][:5]}" if hbad else ""))
    c.check(healthy is not None and healthy - up <= 30,
            f"/healthz 200 again {healthy - up:.1f} s after PostgreSQL was back (limit 30 s), no API restart" if healthy else "/healthz never 200 again within 30 s")
    after = sorted((r for r in rows if r["t0"] >= up), key=lambda r: r["t0"])
    first_ok = next((r for r in after if r["status"] == 201), None)
    c.check(first_ok is not None and first_ok["t1"] - up <= 30,
            f"first 201 {first_ok['t1'] - up:.1f} s after PostgreSQL was back (limit 30 s)" if first_ok else "no 201 after PostgreSQL was back")
    if first_ok:
        later = [r for r in after if r["t0"] >= first_ok["t1"]]
        c.check(later and all(r["status"] == 201 for r in later),
                f"after the first 201: {len(later)} submissions, {sum(1 for r in later if r['status'] == 201)} answered 201 ({fmt_counts(answers(later))})")
        show_non2xx([r for r in later if r["status"] != 201])
    lost = lost_of(rows, state["refs"])
    c.check(not lost, f"requests lost (201 answered, not in the DB): {len(lost)}" + (f" {[r['ref'] for r in lost]}" if lost else ""))
    check_phantoms(c, rows, state)
    new = common_storage_checks(c, state, "files in objects/ no row references (no restart)", baseline)
    explain_orphans(args.root, new, rows, args.api_log, ev["pg_stop"], "pg_ctl stop")
    n503 = sum(1 for r in rows if r["status"] == 503 and is_problem(r))
    record(args.summary, {
        "scenario": "B PostgreSQL down 30 s under load", "inputs": len(rows), "answers": answers(rows),
        "answers_note": f"submissions answered 503 application/problem+json: {n503}, of them {len(during)} wholly inside the outage; "
                        f"also {len(health)} GET /healthz ({fmt_counts(answers(health))})",
        "faults": "pg_ctl stop -m fast + start", "lost": len(lost), "orphans": len(new), "half": len(state["half"]),
        "seconds": round(float(args.seconds), 1), "failed": c.failed})
    return 1 if c.failed else 0


def cmd_check_c(args):
    c = Checks("C")
    rows = read_jsonl(args.results)
    counts = dict(e.split("=") for e in args.counts)
    state = storage_state(args.root)
    with open(args.baseline) as f:
        baseline = json.load(f)
    for phase, label in (("tmp", "tmp/ replaced by a file"), ("objects", "objects/ replaced by a file")):
        broken = [r for r in rows if r["label"] == f"{phase}-broken"]
        fixed = [r for r in rows if r["label"] == f"{phase}-restored"]
        ok503 = [r for r in broken if r["status"] == 503 and is_problem(r)]
        c.check(broken and len(ok503) == len(broken), f"{label}: {len(broken)} submissions, {len(ok503)} answered 503 application/problem+json ({fmt_counts(answers(broken))})")
        show_non2xx([r for r in broken if r not in ok503])
        c.check(counts[f"{phase}_before"] == counts[f"{phase}_during"],
                f"{label}: requests in the DB {counts[f'{phase}_before']} before, {counts[f'{phase}_during']} after (nothing stored)")
        c.check(fixed and all(r["status"] == 201 for r in fixed), f"{phase}/ restored: {len(fixed)} submissions, {sum(1 for r in fixed if r['status'] == 201)} answered 201")
        show_non2xx([r for r in fixed if r["status"] != 201])
    c.check(not [r for r in rows if r["status"] == 500], f"answers 500: {sum(1 for r in rows if r['status'] == 500)}")
    lost = lost_of(rows, state["refs"])
    c.check(not lost, f"requests lost (201 answered, not in the DB): {len(lost)}")
    check_phantoms(c, rows, state)
    new = common_storage_checks(c, state, baseline=baseline)
    explain_orphans(args.root, new, rows, args.api_log, float(args.start), "scenario start")
    record(args.summary, {
        "scenario": "C attachment folders unwritable", "inputs": len(rows), "answers": answers(rows),
        "faults": "tmp/ -> file, objects/ -> file", "lost": len(lost), "orphans": len(new),
        "half": len(state["half"]), "seconds": round(float(args.seconds), 1), "failed": c.failed})
    return 1 if c.failed else 0


# ---------------------------------------------------------------- messages (scenarios D and E)

def cmd_smtp(args):
    """A real SMTP server, Debian's aiosmtpd (run this sub-command with /usr/bin/python3), that stores each message
    as it came in a Maildir and then, with --hold, keeps the client waiting that long for its 250: a sender killed
    meanwhile has handed the message over without learning it, the gap between a send and its mark (ADR 0016).
    With --kill-pid, the first message stored once the file --arm exists makes it kill -9 that process (the API)
    before answering, and write that message's Message-ID to --holding."""
    import asyncio
    import mailbox
    from aiosmtpd.smtp import SMTP

    import signal
    box = mailbox.Maildir(args.maildir, create=True)
    host, port = args.listen.rsplit(":", 1)
    killed = [False]

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            box.add(envelope.content)
            if args.kill_pid and not killed[0] and os.path.exists(args.arm):
                # Stored, and its sender not told yet: kill -9 the sender now (the message's id goes to --holding).
                with open(args.holding + ".tmp", "w") as f:
                    f.write(raw_message_id(envelope.content))
                os.replace(args.holding + ".tmp", args.holding)
                killed[0] = True
                os.kill(args.kill_pid, signal.SIGKILL)
            if args.hold > 0:
                await asyncio.sleep(args.hold)
            return "250 OK"

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete(loop.create_server(lambda: SMTP(Handler(), hostname="faults-smtp"), host, int(port)))
    print(f"SMTP on {args.listen}, Maildir {args.maildir}, hold {args.hold} s", flush=True)
    loop.run_forever()


def raw_message_id(data):
    import re
    m = re.search(rb"^Message-Id:[ \t]*<([^>\r\n]+)>", data if isinstance(data, bytes) else data.encode(), re.I | re.M)
    return m.group(1).decode("ascii", "replace") if m else ""


def cmd_smtp_ready(args):
    """Waits until something accepts connections on HOST:PORT and greets with 220."""
    import socket
    host, port = args.listen.rsplit(":", 1)
    end = time.time() + args.seconds
    while time.time() < end:
        try:
            with socket.create_connection((host, int(port)), timeout=1) as s:
                if s.recv(100).startswith(b"220"):
                    return 0
        except OSError:
            pass
        time.sleep(0.1)
    return 1


def totp(key):
    k = base64.b32decode(key.upper() + "=" * (-len(key) % 8))
    digest = hmac.new(k, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    o = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[o:o + 4])[0] & 0x7FFFFFFF) % 1000000)


def http_json(conn, method, path, body=None, headers=None):
    """(status, headers as a message, parsed JSON or None) over an open connection (kept alive)."""
    data = json.dumps(body).encode() if body is not None else None
    h = {"Accept-Language": "en", **({"Content-Type": "application/json"} if data is not None else {}), **(headers or {})}
    conn.request(method, path, body=data, headers=h)
    resp = conn.getresponse()
    raw = resp.read()
    try:
        doc = json.loads(raw) if raw else None
    except ValueError:
        doc = {"raw": raw[:300].decode("utf-8", "replace")}
    return resp.status, resp.msg, doc


def cookies_of(msg):
    return "; ".join(c.split(";")[0] for c in (msg.get_all("Set-Cookie") or []))


def cmd_session(args):
    """A staff session of the administrator (second factor enrolled here): writes {cookie, csrf} to OUT."""
    conn = http.client.HTTPConnection(HOST, port_of(args.base), timeout=30)
    st, h, s = http_json(conn, "POST", "/api/staff/session", {"email": args.email, "password": args.password})
    if st != 200:
        raise SystemExit(f"sign-in: {st} {s}")
    cookie = cookies_of(h)
    if s.get("mustEnrollTwoFactor"):
        st, h, setup = http_json(conn, "POST", "/api/staff/session/two-factor/setup", {}, {"Cookie": cookie, "X-CSRF-TOKEN": s["csrfToken"]})
        if st != 200:
            raise SystemExit(f"two-factor setup: {st} {setup}")
        # A new key rotates the security stamp: the answer renews the cookie.
        cookie = cookies_of(h) or cookie
        st, h, done = http_json(conn, "POST", "/api/staff/session/two-factor", {"code": totp(setup["key"])}, {"Cookie": cookie, "X-CSRF-TOKEN": s["csrfToken"]})
        if st != 200:
            raise SystemExit(f"two-factor: {st} {done}")
        cookie = cookies_of(h) or cookie
    st, _, s = http_json(conn, "GET", "/api/staff/session", headers={"Cookie": cookie})
    if st != 200:
        raise SystemExit(f"session: {st} {s}")
    with open(args.out, "w") as f:
        json.dump({"cookie": cookie, "csrf": s["csrfToken"]}, f)
    return 0


def mail_submission(port, files_dir, i, label, notice):
    """One submission asking for e-mail (Thai and English forms in turn); the result carries the event it starts."""
    lang = "th" if i % 2 else "en"
    address = f"citizen{i}.{uuid.uuid4().hex[:10]}@example.com"
    r = submit(port, files_dir, timeout=30, label=label, extra={"email": address, "privacyNoticeVersion": notice}, language=lang)
    r.update(kind="submit", event="Submitted", email=address, lang=lang)
    return r


def cmd_notify(args):
    """Scenario D's load: COUNT submissions with an e-mail, 4 at a time; then, as an officer would, every request
    received, and half approved, half cancelled (GET the detail for its ETag, then the decision with If-Match)."""
    port = port_of(args.base)
    with open(args.session) as f:
        sess = json.load(f)
    lock = threading.Lock()
    subs = [None] * args.count

    def worker(w):
        for i in range(w, args.count, 4):
            subs[i] = mail_submission(port, args.dir, i, f"{args.label}-submit", args.notice)
            write_jsonl(args.out, [subs[i]], lock)

    threads = [threading.Thread(target=worker, args=(w,), daemon=True) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    auth = {"Cookie": sess["cookie"], "X-CSRF-TOKEN": sess["csrf"]}
    decided = {}
    for i, s in enumerate(subs):
        if not s or s["status"] != 201:
            continue
        path = f"/api/staff/requests/{s['ref']}"
        st, h, _ = http_json(conn, "GET", path, headers=auth)
        etag = h.get("ETag")
        steps = [("receive", "Received", None), ("approve", "Approved", None) if i % 2 == 0 else
                 ("cancel", "Cancelled", {"reasonCode": "WrongAttachments", "message": "Please attach a clear copy of the ID card."})]
        for action, event, body in steps:
            t0 = time.time()
            st, h, doc = http_json(conn, "POST", f"{path}/{action}", body if body is not None else {}, {**auth, "If-Match": etag or ""})
            etag = h.get("ETag")
            rec = {"kind": "decision", "label": f"{args.label}-{action}", "event": event, "ref": s["ref"], "email": s["email"],
                   "status": st, "t0": t0, "t1": time.time(), "nid": None, "error": None}
            if st != 200:
                rec["problem"] = doc
            write_jsonl(args.out, [rec])
            decided[st] = decided.get(st, 0) + 1
            if st != 200:
                break
    print(f"  submissions with an e-mail: {fmt_counts(answers([s for s in subs if s]))}; decisions: {fmt_counts({str(k): v for k, v in decided.items()})}")
    return 0


def cmd_mail_load(args):
    """Scenario E's load: WORKERS workers submitting with an e-mail until the file STOP exists."""
    port = port_of(args.base)
    lock = threading.Lock()
    counter = [0]

    def worker(w):
        while not os.path.exists(args.stop):
            with lock:
                i = counter[0]
                counter[0] += 1
            write_jsonl(args.out, [mail_submission(port, args.dir, i, f"{args.label}{w}", args.notice)], lock)
            time.sleep(args.pause)

    threads = [threading.Thread(target=worker, args=(w,), daemon=True) for w in range(args.workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(args.seconds_max)
    return 0


def outbox_rows():
    rows = psql("SELECT o.id, o.status, o.event, o.channel, coalesce(r.reference_number, ''), o.attempts, coalesce(o.recipient, ''), "
                "coalesce(o.lease_until > now(), false) FROM outbox_messages o LEFT JOIN footage_requests r ON r.id = o.request_id")
    return [{"id": i, "status": s, "event": e, "channel": c, "ref": ref, "attempts": int(a), "recipient": rc, "leased": lz == "t"}
            for i, s, e, c, ref, a, rc, lz in rows]


def maildir_messages(maildir):
    """Every message the SMTP server stored: its Message-ID (and the outbox id in it), recipient, subject, time."""
    import email
    import email.policy
    found = []
    for sub in ("new", "cur"):
        folder = os.path.join(maildir, sub)
        if not os.path.isdir(folder):
            continue
        for name in os.listdir(folder):
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                m = email.message_from_binary_file(f, policy=email.policy.default)
            mid = str(m.get("Message-ID") or "").strip().strip("<>")
            try:
                outbox = str(uuid.UUID(mid.split("@")[0]))
            except ValueError:
                outbox = None
            to = m.get("To")
            found.append({"mid": mid, "outbox": outbox, "to": to.addresses[0].addr_spec if to and to.addresses else "",
                          "subject": str(m.get("Subject") or ""), "t": os.path.getmtime(path)})
    return found


def cmd_outbox_state(args):
    """Right after the kill: what the outbox and the SMTP server hold."""
    rows = outbox_rows()
    held = open(args.holding).read().strip() if os.path.exists(args.holding) else ""
    state = {"t": time.time(), "rows": len(rows), "sent": sum(1 for r in rows if r["status"] == "Sent"),
             "claimed": sum(1 for r in rows if r["status"] != "Sent" and r["leased"]),
             "queued": sum(1 for r in rows if r["status"] != "Sent" and not r["leased"]),
             "delivered": len(maildir_messages(args.maildir)), "held": held}
    with open(args.out, "w") as f:
        json.dump(state, f)
    print(f"  at the kill: {state['rows']} outbox rows, {state['sent']} marked sent, {state['claimed']} claimed by the dispatcher and unmarked, "
          f"{state['queued']} waiting; {state['delivered']} messages at the SMTP server"
          + (f", one held before its 250 ({held})" if held else ""))
    return 0


def cmd_wait_sent(args):
    """Polls until every outbox row is Sent and there are at least as many rows as 2xx events in EVENTS."""
    expected = sum(1 for r in read_jsonl(args.events) if r["status"] in (200, 201))
    t0 = time.time()
    while True:
        rows = outbox_rows()
        left = sum(1 for r in rows if r["status"] != "Sent")
        if left == 0 and len(rows) >= expected:
            print(f"  every outbox row sent {time.time() - t0:.1f} s after waiting began")
            return 0
        if time.time() - t0 > args.seconds:
            print(f"  after {args.seconds:.0f} s: {left} outbox rows not sent "
                  f"({fmt_counts({k: sum(1 for r in rows if r['status'] == k) for k in {r['status'] for r in rows}})})")
            return 1
        time.sleep(0.5)


def cmd_check_messages(args):
    """Every event the client caused (a 201 submission, a 200 decision) has one outbox row, Sent, and at least one
    message at the SMTP server; a message that came twice came with the same Message-ID; nothing came that the
    outbox did not hold. Also the storage checks of A to C for the requests filed."""
    c = Checks(args.name[0])
    rows = read_jsonl(args.events)
    subs = [r for r in rows if r.get("kind") == "submit"]
    expected = [r for r in rows if r["status"] in (200, 201)]
    outbox = [o for o in outbox_rows() if o["ref"] in {r["ref"] for r in expected}]
    mails = maildir_messages(args.maildir)
    by_id = {}
    for m in mails:
        by_id.setdefault(m["outbox"], []).append(m)
    print(f"  {len(subs)} submissions with an e-mail ({fmt_counts(answers(subs))}), {len(rows) - len(subs)} decisions "
          f"({fmt_counts(answers([r for r in rows if r.get('kind') == 'decision']))}); {len(outbox)} outbox rows; {len(mails)} messages at the SMTP server")
    lost, doubled, duplicates, other_id, wrong_to, delivered = [], [], 0, 0, [], 0
    for e in expected:
        mine = [o for o in outbox if o["ref"] == e["ref"] and o["event"] == e["event"] and o["channel"] == "Email"]
        if len(mine) > 1:
            doubled.append((e["ref"], e["event"], len(mine)))
        copies = [m for o in mine for m in by_id.get(o["id"], [])]
        if not copies:
            lost.append((e["ref"], e["event"], [o["status"] for o in mine] or "no outbox row"))
            continue
        delivered += 1
        duplicates += len(copies) - 1
        other_id += len({m["mid"] for m in copies}) - 1
        wrong_to += [m["mid"] for m in copies if m["to"] != e["email"] or e["ref"] not in m["subject"]]
    ours = {o["id"] for o in outbox}
    stray = [m for m in mails if m["outbox"] not in ours]
    not_sent = [o for o in outbox if o["status"] != "Sent"]
    c.check(len(expected) > 0, f"events that send a message: {len(expected)}")
    c.check(not lost, f"events without a message at the SMTP server: {len(lost)}" + (f" {lost[:5]}" if lost else ""))
    c.check(not doubled, f"events written to the outbox twice: {len(doubled)}" + (f" {doubled[:5]}" if doubled else ""))
    c.check(not not_sent, f"outbox rows not Sent: {len(not_sent)}"
                          + (f" ({fmt_counts({k: sum(1 for o in not_sent if o['status'] == k) for k in {o['status'] for o in not_sent}})})" if not_sent else ""))
    c.check(other_id == 0, f"messages that came again under another Message-ID: {other_id} (duplicates with the same one: {duplicates - other_id})")
    c.check(not stray, f"messages the outbox did not hold: {len(stray)}" + (f" {[m['mid'] for m in stray[:3]]}" if stray else ""))
    c.check(not wrong_to, f"messages to another address, or without their reference in the subject: {len(wrong_to)}")
    c.check(not [r for r in subs if r["status"] != 201], f"submissions not answered 201: {sum(1 for r in subs if r['status'] != 201)}")
    c.check(not [r for r in rows if r.get("kind") == "decision" and r["status"] != 200],
            f"decisions not answered 200: {sum(1 for r in rows if r.get('kind') == 'decision' and r['status'] != 200)}")
    retried = [o for o in outbox if o["attempts"] > 1]
    print(f"  attempts per message: {fmt_counts({str(k): sum(1 for o in outbox if o['attempts'] == k) for k in {o['attempts'] for o in outbox}})}")
    faults = args.faults
    if args.kill:
        with open(args.kill) as f:
            k = json.load(f)
        c.check(k["claimed"] > 0, f"the kill hit mid-dispatch: {k['claimed']} messages claimed and unmarked, {k['queued']} waiting, "
                                  f"{k['delivered']} of {len(expected)} at the SMTP server")
        if k["held"]:
            held = [m for m in mails if m["mid"] == k["held"]]
            print(f"  the message held before its 250 at the kill came {len(held)} times, with "
                  f"{len({m['mid'] for m in held})} Message-ID (the crash between a send and its mark)")
        # ADR 0016: each message is marked before the next leaves, so one crash repeats at most the one in flight.
        c.check(duplicates <= 1, f"messages repeated by the one kill: {duplicates} (at most the one in flight)")
    if args.down:
        with open(args.down) as f:
            d = json.load(f)
        during = [r for r in subs if d["down"] <= r["t0"] and r["t1"] <= d["up"]]
        late = max((m["t"] for m in mails), default=d["up"]) - d["up"]
        print(f"  SMTP down {d['up'] - d['down']:.0f} s: {len(during)} submissions wholly inside it ({fmt_counts(answers(during))}); "
              f"{len(retried)} messages needed more than one attempt; the last arrived {late:.0f} s after SMTP came back")
        c.check(during and all(r["status"] == 201 for r in during), f"submissions while SMTP was down answered 201: {sum(1 for r in during if r['status'] == 201)} of {len(during)}")
        c.check(retried, f"messages that failed while SMTP was down and went later: {len(retried)}")
    state = storage_state(args.root)
    with open(args.baseline) as f:
        baseline = json.load(f)
    lost_requests = lost_of(subs, state["refs"])
    c.check(not lost_requests, f"requests lost (201 answered, not in the DB): {len(lost_requests)}")
    check_phantoms(c, subs, state)
    new = common_storage_checks(c, state, baseline=baseline)
    record(args.summary, {
        "scenario": args.name, "inputs": len(rows), "answers": answers(rows), "faults": faults, "lost": len(lost_requests),
        "orphans": len(new), "half": len(state["half"]), "seconds": round(float(args.seconds), 1), "failed": c.failed,
        "messages": {"expected": len(expected), "delivered": delivered, "duplicates": duplicates, "other_id": other_id,
                     "lost": len(lost), "not_sent": len(not_sent), "stray": len(stray)}})
    return 1 if c.failed else 0


# ---------------------------------------------------------------- the online copy (scenario F)

def make_clip(path, mb):
    """A real MP4 from Debian's ffmpeg (the type is told from its head), padded with zeros to MB megabytes."""
    subprocess.run(["/usr/bin/ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=10",
                    "-pix_fmt", "yuv420p", "-f", "mp4", path], check=True)
    with open(path, "r+b") as f:
        f.truncate(mb * 1024 * 1024)


def staff_conn(args):
    with open(args.session) as f:
        sess = json.load(f)
    return http.client.HTTPConnection(HOST, port_of(args.base), timeout=120), {"Cookie": sess["cookie"], "X-CSRF-TOKEN": sess["csrf"]}


def send_piece(conn, auth, upload, data, start, total):
    end = start + len(data) - 1
    conn.request("PUT", upload["url"], body=data, headers={**auth, "Content-Type": "application/octet-stream",
                                                            "Content-Range": f"bytes {start}-{end}/{total}"})
    r = conn.getresponse()
    raw = r.read()
    return r.status, json.loads(raw) if raw else None


def cmd_clip_start(args):
    """Scenario F's set-up: an approved copy request, a clip of MB megabytes, a resumable upload sent to 60 %;
    writes {ref, upload, sha256, size, clip} to OUT (the simple upload that the kill cuts is curl's, from faults.sh)."""
    r = submit(port_of(args.base), args.dir, timeout=30, label="F-submit")
    if r["status"] != 201:
        raise SystemExit(f"submission: {r['status']} {r.get('problem')}")
    conn, auth = staff_conn(args)
    path = f"/api/staff/requests/{r['ref']}"
    etag = http_json(conn, "GET", path, headers=auth)[1].get("ETag")
    for action in ("receive", "approve"):
        st, h, doc = http_json(conn, "POST", f"{path}/{action}", {}, {**auth, "If-Match": etag})
        if st != 200:
            raise SystemExit(f"{action}: {st} {doc}")
        etag = h.get("ETag")
    make_clip(args.clip, args.mb)
    size, sha = os.path.getsize(args.clip), sha256_of(args.clip)
    st, _, upload = http_json(conn, "POST", f"{path}/clips/uploads", {"fileName": "cam1-resumed.mp4", "sizeBytes": size}, auth)
    if st != 201:
        raise SystemExit(f"StartClipUpload: {st} {upload}")
    sent = 0
    with open(args.clip, "rb") as f:
        while sent < size * 0.6:
            data = f.read(upload["chunkBytes"])
            st, doc = send_piece(conn, auth, upload, data, sent, size)
            if st != 200:
                raise SystemExit(f"SendClipPiece at {sent}: {st} {doc}")
            sent += len(data)
    with open(args.out, "w") as f:
        json.dump({"ref": r["ref"], "upload": upload, "sha256": sha, "size": size, "clip": args.clip, "sent": sent}, f)
    print(f"  request {r['ref']} approved; a clip of {size / 1e6:.0f} MB; resumable upload at {sent / 1e6:.0f} MB ({100 * sent / size:.0f} %)")
    return 0


def cmd_clip_check(args):
    """After the kill and the restart: no clip visible, nothing in objects/ or tmp/ the rows do not name (the start's
    reconciliation took what the kill left), the cut simple upload gone, and the resumable one continues to one clip
    whose SHA-256 is the file's."""
    c = Checks("F")
    with open(args.state) as f:
        state = json.load(f)
    with open(args.after_kill) as f:
        after_kill = json.load(f)
    with open(args.baseline) as f:
        baseline = json.load(f)
    conn, auth = staff_conn(args)
    path = f"/api/staff/requests/{state['ref']}"
    st, _, copy = http_json(conn, "GET", f"{path}/clips", headers=auth)
    c.check(st == 200 and copy["clips"] == [], f"clips visible after the kill and restart: {len(copy['clips']) if st == 200 else st} (expected 0)")
    left = new_orphans(after_kill, baseline)
    print(f"  right after the kill: {len(left)} unreferenced files in objects/, {len(after_kill['tmp'])} in tmp/ (the cut upload's bytes)")
    now = storage_state(args.root)
    common_storage_checks(c, now, "files in objects/ no row references, after the start's reconciliation", baseline)
    st, _, upload = http_json(conn, "GET", state["upload"]["url"], headers=auth)
    received = upload.get("receivedBytes") if st == 200 else None
    c.check(received == state["sent"], f"the resumable upload, asked where it stands: {received} bytes (sent before the kill {state['sent']})")
    final = None
    if received is not None:
        with open(state["clip"], "rb") as f:
            f.seek(received)
            at = received
            while at < state["size"]:
                data = f.read(upload["chunkBytes"])
                code, doc = send_piece(conn, auth, upload, data, at, state["size"])
                at += len(data)
                if code == 201:
                    final = doc
                elif code != 200:
                    c.check(False, f"SendClipPiece at {at - len(data)}: {code} {doc}")
                    break
    clip = (final or {}).get("clip") or {}
    c.check(clip.get("sha256") == state["sha256"], f"continued to one clip: SHA-256 {clip.get('sha256', '-')[:16]}... "
                                                   f"{'equal to' if clip.get('sha256') == state['sha256'] else 'NOT'} the file's {state['sha256'][:16]}...")
    st, _, copy = http_json(conn, "GET", f"{path}/clips", headers=auth)
    c.check(st == 200 and len(copy["clips"]) == 1, f"clips visible now: {len(copy['clips']) if st == 200 else st} (expected 1)")
    end = storage_state(args.root)
    new = common_storage_checks(c, end, baseline=baseline)
    record(args.summary, {
        "scenario": "F kill -9 during clip uploads", "inputs": 2, "answers": {"201": 1 if clip else 0},
        "faults": "kill -9 API mid-upload (+ restart)", "lost": 0 if clip else 1, "orphans": len(new),
        "half": len(end["half"]), "seconds": round(float(args.seconds), 1), "failed": c.failed,
        "orphans_note": f"{len(left)} unreferenced in objects/ and {len(after_kill['tmp'])} in tmp/ right after the kill, none after the restart; "
                        f"the resumable upload kept its {state['sent']} bytes and continued"})
    return 1 if c.failed else 0


def cmd_summary(args):
    rows = read_jsonl(args.summary)
    head = ("scenario", "inputs", "answers by status", "faults injected", "lost", "orphaned", "half-saved", "time")
    table = [head]
    for r in rows:
        table.append((r["scenario"], str(r["inputs"]), fmt_counts(r["answers"]), r["faults"], str(r["lost"]), str(r["orphans"]), str(r["half"]),
                      f"{r['seconds']:.0f} s"))
    total = lambda k: sum(r[k] for r in rows)  # noqa: E731
    table.append(("total", str(total("inputs")), fmt_counts({k: sum(r["answers"].get(k, 0) for r in rows) for r in rows for k in r["answers"]}),
                  args.faults, str(total("lost")), str(total("orphans")), str(total("half")), f"{float(args.seconds):.0f} s"))
    widths = [max(len(t[i]) for t in table) for i in range(len(head))]
    line = "-+-".join("-" * w for w in widths)
    print(line)
    for i, t in enumerate(table):
        print(" | ".join(v.ljust(w) for v, w in zip(t, widths)))
        if i == 0 or i == len(table) - 2:
            print(line)
    print(line)
    for r in rows:
        for note in ("orphans_note", "answers_note"):
            if r.get(note):
                print(f"  {r['scenario'][0]}: {r[note]}")
    mail = [r for r in rows if r.get("messages")]
    if mail:
        head = ("messages (e-mail, aiosmtpd)", "expected", "delivered", "duplicates", "of them under another Message-ID", "lost", "rows not Sent")
        table = [head] + [(r["scenario"], *(str(r["messages"][k]) for k in ("expected", "delivered", "duplicates", "other_id", "lost", "not_sent")))
                          for r in mail]
        widths = [max(len(t[i]) for t in table) for i in range(len(head))]
        line = "-+-".join("-" * w for w in widths)
        print(line)
        for i, t in enumerate(table):
            print(" | ".join(v.ljust(w) for v, w in zip(t, widths)))
            if i == 0:
                print(line)
        print(line)
    failed = [(r["scenario"], f) for r in rows for f in r["failed"]]
    if args.end and os.path.exists(args.end):
        with open(args.end) as f:
            end = json.load(f)
        print(f"  end state: {end['requests']} requests, {end['attachments']} attachment rows, {end['objects']} files in objects/, "
              f"{len(end['orphans'])} unreferenced, {len(end['tmp'])} in tmp/, {len(end['half'])} half-saved")
    missing = int(args.expected) - len(rows)
    if missing > 0:
        failed.append(("script", f"{missing} scenario(s) did not reach their checks"))
    if failed:
        print(f"FAILED checks ({len(failed)}):")
        for sc, f in failed:
            print(f"  {sc}: {f}")
        return 1
    print("all checks passed: requests lost 0, files orphaned 0, rows half-saved 0"
          + (", messages lost 0, duplicates under another Message-ID 0" if mail else ""))
    return 0


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("files"); s.add_argument("dir")
    s = sub.add_parser("once"); s.add_argument("base"); s.add_argument("dir")
    s = sub.add_parser("slow"); s.add_argument("base"); s.add_argument("dir"); s.add_argument("out"); s.add_argument("ready")
    s.add_argument("--count", type=int, default=20); s.add_argument("--small", type=int, default=512 * 1024)
    s.add_argument("--big", type=int, default=3584 * 1024); s.add_argument("--rate", type=int, default=300 * 1024)
    s.add_argument("--threshold", type=int, default=1536 * 1024)
    s = sub.add_parser("load"); s.add_argument("base"); s.add_argument("dir"); s.add_argument("out"); s.add_argument("stop")
    s.add_argument("--workers", type=int, default=4); s.add_argument("--pause", type=float, default=0.05)
    s = sub.add_parser("burst"); s.add_argument("base"); s.add_argument("dir"); s.add_argument("out"); s.add_argument("n", type=int); s.add_argument("label")
    s = sub.add_parser("health"); s.add_argument("base"); s.add_argument("out"); s.add_argument("seconds", type=float)
    s.add_argument("--until-200", action="store_true"); s.add_argument("--label", default="")
    s = sub.add_parser("storage"); s.add_argument("root"); s.add_argument("out")
    s = sub.add_parser("check-a"); s.add_argument("root"); s.add_argument("results"); s.add_argument("ready"); s.add_argument("before")
    s.add_argument("kill_time"); s.add_argument("seconds"); s.add_argument("summary")
    s = sub.add_parser("check-b"); s.add_argument("root"); s.add_argument("results"); s.add_argument("health"); s.add_argument("seconds")
    s.add_argument("summary"); s.add_argument("baseline"); s.add_argument("api_log"); s.add_argument("events", nargs="+")
    s = sub.add_parser("check-c"); s.add_argument("root"); s.add_argument("results"); s.add_argument("seconds"); s.add_argument("summary")
    s.add_argument("baseline"); s.add_argument("api_log"); s.add_argument("start"); s.add_argument("counts", nargs="+")
    s = sub.add_parser("smtp"); s.add_argument("maildir"); s.add_argument("listen"); s.add_argument("--hold", type=float, default=0.0)
    s.add_argument("--kill-pid", type=int, default=0); s.add_argument("--arm", default=""); s.add_argument("--holding", default="")
    s = sub.add_parser("smtp-ready"); s.add_argument("listen"); s.add_argument("--seconds", type=float, default=15)
    s = sub.add_parser("session"); s.add_argument("base"); s.add_argument("email"); s.add_argument("password"); s.add_argument("out")
    s = sub.add_parser("notify"); s.add_argument("base"); s.add_argument("dir"); s.add_argument("session"); s.add_argument("out")
    s.add_argument("--count", type=int, default=30); s.add_argument("--notice", required=True); s.add_argument("--label", default="d")
    s = sub.add_parser("mail-load"); s.add_argument("base"); s.add_argument("dir"); s.add_argument("out"); s.add_argument("stop")
    s.add_argument("--workers", type=int, default=2); s.add_argument("--pause", type=float, default=1.0); s.add_argument("--notice", required=True)
    s.add_argument("--label", default="e"); s.add_argument("--seconds-max", type=float, default=600)
    s = sub.add_parser("outbox-state"); s.add_argument("maildir"); s.add_argument("holding"); s.add_argument("out")
    s = sub.add_parser("wait-sent"); s.add_argument("events"); s.add_argument("seconds", type=float)
    s = sub.add_parser("check-messages"); s.add_argument("name"); s.add_argument("root"); s.add_argument("events"); s.add_argument("maildir")
    s.add_argument("seconds"); s.add_argument("summary"); s.add_argument("baseline"); s.add_argument("faults")
    s.add_argument("--kill", default=""); s.add_argument("--down", default="")
    s = sub.add_parser("clip-start"); s.add_argument("base"); s.add_argument("dir"); s.add_argument("session"); s.add_argument("clip")
    s.add_argument("mb", type=int); s.add_argument("out")
    s = sub.add_parser("clip-check"); s.add_argument("base"); s.add_argument("session"); s.add_argument("root"); s.add_argument("state")
    s.add_argument("after_kill"); s.add_argument("baseline"); s.add_argument("seconds"); s.add_argument("summary")
    s = sub.add_parser("summary"); s.add_argument("summary"); s.add_argument("faults"); s.add_argument("seconds"); s.add_argument("expected"); s.add_argument("end", nargs="?")
    args = p.parse_args()
    fn = {"files": cmd_files, "once": cmd_once, "slow": cmd_slow, "load": cmd_load, "burst": cmd_burst, "health": cmd_health,
          "storage": cmd_storage, "check-a": cmd_check_a, "check-b": cmd_check_b, "check-c": cmd_check_c, "summary": cmd_summary,
          "smtp": cmd_smtp, "smtp-ready": cmd_smtp_ready, "session": cmd_session, "notify": cmd_notify, "mail-load": cmd_mail_load,
          "outbox-state": cmd_outbox_state, "wait-sent": cmd_wait_sent, "check-messages": cmd_check_messages,
          "clip-start": cmd_clip_start, "clip-check": cmd_clip_check}[args.cmd]
    sys.exit(fn(args) or 0)


if __name__ == "__main__":
    main()
