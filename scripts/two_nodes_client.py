"""Client for scripts/two-nodes.sh (standard library only; submissions built by faults_client.py).

Sub-commands print one JSON object and exit 0 when the check passed, 1 otherwise:
  submit BASE DIR                         one submission on BASE; its reference and status token
  token BASE TOKEN                        the citizen's status page data by token, from BASE
  staff A B EMAIL PASSWORD REF DIR        sign in on A (password, then two-step set-up on A), then on B:
                                          the session, the request's detail and every attachment, hashed
  lookups A B                             six lookups of one new national ID, alternating nodes, then a seventh
"""
import base64
import hashlib
import hmac
import http.client
import json
import os
import struct
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import faults_client as fc  # noqa: E402

HOST = "127.0.0.1"


def call(base, method, path, body=None, cookie=None, csrf=None, raw=False):
    conn = http.client.HTTPConnection(HOST, fc.port_of(base), timeout=30)
    headers = {"Accept-Language": "en"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if cookie:
        headers["Cookie"] = cookie
    if csrf:
        headers["X-CSRF-TOKEN"] = csrf
    conn.request(method, path, body=data, headers=headers)
    resp = conn.getresponse()
    payload = resp.read()
    cookies = [v.split(";", 1)[0] for k, v in resp.getheaders() if k.lower() == "set-cookie"]
    conn.close()
    if raw:
        return resp.status, payload, cookies
    try:
        doc = json.loads(payload.decode("utf-8")) if payload else {}
    except ValueError:
        doc = {"raw": payload[:200].decode("utf-8", "replace")}
    return resp.status, doc, cookies


def totp(key, at=None):
    secret = base64.b32decode(key.replace(" ", "").upper() + "=" * (-len(key.replace(" ", "")) % 8))
    counter = int((at or time.time()) // 30)
    digest = hmac.new(secret, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def out(doc, ok):
    print(json.dumps(dict(doc, ok=ok), ensure_ascii=False))
    return 0 if ok else 1


def cmd_submit(base, files_dir):
    nid, boundary, body = fc.multipart(files_dir)
    conn = http.client.HTTPConnection(HOST, fc.port_of(base), timeout=30)
    conn.request("POST", "/api/requests", body=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    resp = conn.getresponse()
    doc = json.loads(resp.read() or b"{}")
    conn.close()
    ok = resp.status == 201
    token = doc.get("statusUrl", "").split("#t=", 1)[-1] if ok else None
    return out({"status": resp.status, "ref": doc.get("referenceNumber"), "token": token}, ok)


def cmd_token(base, token):
    status, doc, _ = call(base, "POST", "/api/status/token", {"token": token})
    return out({"status": status, "referenceNumber": doc.get("referenceNumber"), "statusText": doc.get("statusText")}, status == 200)


def cmd_staff(a, b, email, password, ref, files_dir):
    status, doc, cookies = call(a, "POST", "/api/staff/session", {"email": email, "password": password})
    if status != 200 or not cookies:
        return out({"step": "sign-in on A", "status": status, "answer": doc}, False)
    cookie = cookies[-1]
    csrf = doc["csrfToken"]
    if doc.get("mustEnrollTwoFactor"):
        status, setup, renewed = call(a, "POST", "/api/staff/session/two-factor/setup", {}, cookie, csrf)
        if status != 200:
            return out({"step": "two-step set-up on A", "status": status, "answer": setup}, False)
        # A new authenticator key changes the account's security stamp: the session comes back renewed (issue 18).
        cookie = renewed[-1] if renewed else cookie
        status, enabled, cookies = call(a, "POST", "/api/staff/session/two-factor", {"code": totp(setup["key"])}, cookie, csrf)
        if status != 200:
            return out({"step": "two-step code on A", "status": status, "answer": enabled}, False)
        cookie = cookies[-1] if cookies else cookie
        csrf = enabled["session"]["csrfToken"]
    status, session, _ = call(b, "GET", "/api/staff/session", cookie=cookie)
    if status != 200 or session.get("mustEnrollTwoFactor"):
        return out({"step": "the session on B", "status": status, "answer": session}, False)
    status, detail, _ = call(b, "GET", f"/api/staff/requests/{ref}", cookie=cookie)
    if status != 200:
        return out({"step": "the detail on B", "status": status, "answer": detail}, False)
    sent = {hashlib.sha256(x).hexdigest() for x in fc.load_files(files_dir)}
    checked = []
    for att in detail.get("attachments", []):
        status, payload, _ = call(b, "GET", f"/api/staff/requests/{ref}/attachments/{att['id']}", cookie=cookie, raw=True)
        digest = hashlib.sha256(payload).hexdigest()
        checked.append({"kind": att["kind"], "status": status, "bytes": len(payload), "same": digest == att["sha256"], "as_sent": digest in sent})
    ok = len(checked) == 3 and all(c["status"] == 200 and c["same"] for c in checked)
    if os.environ.get("TWO_NODES_SESSION"):
        # Kept for the API-client check (5), which signs nothing in again.
        with open(os.environ["TWO_NODES_SESSION"], "w") as f:
            json.dump({"cookie": cookie, "csrf": csrf}, f)
    return out({"signedInOnA": True, "sessionOnB": session.get("roles"), "detailOnB": detail.get("referenceNumber"),
                "attachmentsOnB": checked, "csrfTokenSame": session.get("csrfToken") == csrf}, ok)


def token(base, client_id, secret):
    conn = http.client.HTTPConnection(HOST, fc.port_of(base), timeout=30)
    form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret})
    conn.request("POST", "/connect/token", body=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
    resp = conn.getresponse()
    doc = json.loads(resp.read() or b"{}")
    conn.close()
    return resp.status, doc


def bearer_get(base, path, access_token):
    conn = http.client.HTTPConnection(HOST, fc.port_of(base), timeout=30)
    conn.request("GET", path, headers={"Authorization": "Bearer " + access_token})
    resp = conn.getresponse()
    resp.read()
    conn.close()
    return resp.status


def cmd_clients(a, b, session_file, ref):
    """An API client made by the administrator on A reads on B; revoked on A, its token is refused on B at once."""
    with open(session_file) as f:
        session = json.load(f)
    status, made, _ = call(a, "POST", "/api/staff/api-clients",
                           {"name": "two-nodes", "ownerContact": "ops@two-nodes.test", "scopes": ["requests.read"],
                            "expiresOn": time.strftime("%Y-%m-%d", time.gmtime(time.time() + 30 * 86400))},
                           session["cookie"], session["csrf"])
    if status != 201:
        return out({"step": "create the client on A", "status": status, "answer": made}, False)
    status, issued = token(b, made["clientId"], made["clientSecret"])
    if status != 200:
        return out({"step": "a token on B", "status": status, "answer": issued}, False)
    before = bearer_get(b, f"/api/staff/requests/{ref}", issued["access_token"])
    status, _, _ = call(a, "POST", f"/api/staff/api-clients/{made['clientId']}/revoke", {}, session["cookie"], session["csrf"])
    after = bearer_get(b, f"/api/staff/requests/{ref}", issued["access_token"])
    again, refused = token(b, made["clientId"], made["clientSecret"])
    ok = before == 200 and status == 200 and after == 401 and again == 400 and refused.get("error") == "invalid_client"
    return out({"detailOnBWithToken": before, "revokedOnA": status, "detailOnBAfterRevoke": after, "tokenOnBAfterRevoke": [again, refused.get("error")]}, ok)


def cmd_lookups(a, b):
    nid = fc.national_id()
    answers = []
    for i, base in enumerate([a, b, a, b, a, b, a]):
        status, _, _ = call(base, "POST", "/api/status/lookup", {"nationalId": nid})
        answers.append({"n": i + 1, "node": "A" if base == a else "B", "status": status})
    ok = [x["status"] for x in answers] == [200] * 5 + [429, 429]
    return out({"answers": answers}, ok)


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    return {"submit": cmd_submit, "token": cmd_token, "staff": cmd_staff, "lookups": cmd_lookups, "clients": cmd_clients}[cmd](*args)


if __name__ == "__main__":
    sys.exit(main())
