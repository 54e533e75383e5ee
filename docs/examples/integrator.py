#!/usr/bin/env python3
"""A CctvRequests integrator in the Python standard library only (docs/INTEGRATIONS.md).

  integrator.py token   BASE_URL CLIENT_ID CLIENT_SECRET [SCOPE]   print an access token (client credentials)
  integrator.py feed    BASE_URL CLIENT_ID CLIENT_SECRET [CURSOR]  print every event after CURSOR, then the next cursor
  integrator.py receive PORT WEBHOOK_SECRET                         receive webhooks on 127.0.0.1:PORT/hook, verify each, print it

Exit code 0 on success. `receive` answers 204 to a delivery whose Standard Webhooks signature is right and
whose timestamp is within 5 minutes, 400 otherwise, and prints one line per delivery ("verified ..." or
"REFUSED ...").
"""
import base64
import hashlib
import hmac
import json
import sys
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer


def get_token(base_url, client_id, client_secret, scope=None):
    form = {"grant_type": "client_credentials"}
    if scope:
        form["scope"] = scope
    request = urllib.request.Request(
        base_url.rstrip("/") + "/connect/token",
        data=urllib.parse.urlencode(form).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            # RFC 6749 §2.3.1: both parts form-urlencoded, then Basic.
            "Authorization": "Basic " + base64.b64encode(
                f"{urllib.parse.quote_plus(client_id)}:{urllib.parse.quote_plus(client_secret)}".encode()).decode(),
        },
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)["access_token"]


def read_feed(base_url, token, cursor=None, limit=500):
    """Yields every event after the cursor, page by page; returns the cursor to keep for next time."""
    while True:
        query = {"limit": str(limit)}
        if cursor:
            query["after"] = cursor
        request = urllib.request.Request(
            base_url.rstrip("/") + "/api/integrations/events?" + urllib.parse.urlencode(query),
            headers={"Authorization": "Bearer " + token, "Accept": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            page = json.load(answer)
        for event in page["events"]:
            yield event
        cursor = page["next"]
        if not page["hasMore"]:
            print("next cursor:", cursor)
            return


def verify_webhook(secret, headers, body, tolerance_seconds=300):
    """Standard Webhooks: HMAC-SHA256 over "id.timestamp.body" with the base64 key after "whsec_"."""
    webhook_id = headers.get("webhook-id", "")
    timestamp = headers.get("webhook-timestamp", "")
    signatures = headers.get("webhook-signature", "")
    if not webhook_id or not timestamp.isdigit() or abs(time.time() - int(timestamp)) > tolerance_seconds:
        return False
    key = base64.b64decode(secret.removeprefix("whsec_"))
    expected = base64.b64encode(hmac.new(key, f"{webhook_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()).decode()
    # The header may carry several space-separated "v1,<signature>" (during a secret rotation).
    return any(hmac.compare_digest(expected, s.partition(",")[2]) for s in signatures.split() if s.startswith("v1,"))


def receive(port, secret):
    class Hook(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            headers = {k.lower(): v for k, v in self.headers.items()}
            if self.path == "/hook" and verify_webhook(secret, headers, body):
                event = json.loads(body)
                print("verified", headers["webhook-id"], event["type"], event["data"]["referenceNumber"], flush=True)
                self.send_response(204)
            else:
                print("REFUSED", headers.get("webhook-id", "?"), flush=True)
                self.send_response(400)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", int(port)), Hook)
    print("listening on", f"http://127.0.0.1:{server.server_port}/hook", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    command, args = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("help", [])
    if command == "token" and len(args) >= 3:
        print(get_token(*args[:4]))
    elif command == "feed" and len(args) >= 3:
        token = get_token(*args[:3])
        for event in read_feed(args[0], token, args[3] if len(args) > 3 else None):
            print(json.dumps(event, ensure_ascii=False))
    elif command == "receive" and len(args) == 2:
        receive(*args)
    else:
        print(__doc__)
        sys.exit(2)
