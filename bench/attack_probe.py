#!/usr/bin/env python3
"""The attacks of issue 20 against a local `nextcall serve`, one after the other, on loopback.

    python3 bench/attack_probe.py [--build build] [--quick]

Builds a demo database in a temporary directory, starts `BUILD/nextcall serve` on a free
port (restarting it when an attack kills it) and prints a Markdown table: the status the
attacker got, the server's resident memory before / at its peak / after, and whether a
normal client (GET / from 127.0.0.1, 15 s time-out) was served during the attack.
Standard library only. The trickling sockets come from 127.0.0.2-5 (Linux loopback).
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

NOW = "2026-11-24T15:00:00Z"


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class Server:
    def __init__(self, build, tmp):
        self.build, self.tmp = build, tmp
        self.db = os.path.join(tmp, "probe.db")
        env = dict(os.environ, NEXTCALL_NOW=NOW)
        self.env = env
        subprocess.run([f"{build}/nextcall", "--db", self.db, "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
        self.token = subprocess.run([f"{build}/nextcall", "--db", self.db, "user", "token", "maria@demo.nextcall",
                                     "--name", "probe"], env=env, check=True, capture_output=True,
                                    text=True).stdout.strip().splitlines()[-1]
        self.proc = None
        self.start()

    def start(self):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        self.proc = subprocess.Popen([f"{self.build}/nextcall", "--db", self.db, "serve", "--port", str(self.port)],
                                     env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            if normal_get(self.port, 1)[0] == 200:
                return
            time.sleep(0.05)
        raise SystemExit("the server did not start")

    def ensure(self):
        if self.proc.poll() is not None:
            self.start()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)


def normal_get(port, timeout=15):
    t0 = time.monotonic()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=timeout) as r:
            return r.status, time.monotonic() - t0
    except urllib.error.HTTPError as e:
        return e.code, time.monotonic() - t0
    except Exception:
        return 0, time.monotonic() - t0


def read_status(sock, timeout=15):
    sock.settimeout(timeout)
    data = b""
    try:
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    except (OSError, socket.timeout):
        pass
    if data.startswith(b"HTTP/1.1 "):
        return data[9:12].decode()
    return "reset" if not data else "?"


def raw_request(port, head, body=b"", source="127.0.0.1"):
    s = socket.socket()
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    try:
        s.sendall(head + body)
    except OSError:
        pass
    st = read_status(s)
    s.close()
    return st


class Watch:
    """Samples the server's RSS and checks a normal client while an attack runs."""

    def __init__(self, srv):
        self.srv, self.pid = srv, srv.proc.pid
        self.before = rss_mb(self.pid)
        self.peak = self.before
        self.stop = False
        self.t = threading.Thread(target=self.sample, daemon=True)
        self.t.start()

    def sample(self):
        while not self.stop:
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(0.05)

    def others(self):
        st, secs = normal_get(self.srv.port)
        return f"{'yes' if st == 200 else 'no'} ({secs:.2f} s)"

    def done(self):
        time.sleep(1.0)
        self.stop = True
        self.t.join()
        after = rss_mb(self.pid) if self.srv.proc.poll() is None else 0
        dead = self.srv.proc.poll()
        mem = f"{self.before:.0f} / {self.peak:.0f} / {after:.0f} MB"
        return mem, ("exited " + str(dead)) if dead is not None else "up"


def nested(srv):
    w = Watch(srv)
    req = urllib.request.Request(f"http://127.0.0.1:{srv.port}/api/settings",
                                 headers={"Authorization": f"Bearer {srv.token}"})
    key = next(iter(json.load(urllib.request.urlopen(req, timeout=15))))
    # Well-formed, under a real setting, so it reaches the merge: {"key":{"a":{"a":…1}}}
    body = (f'{{"{key}":' + '{"a":' * 100000 + "1" + "}" * 100001).encode()
    head = (f"PATCH /api/settings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {srv.token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
    st = raw_request(srv.port, head, body)
    time.sleep(0.3)
    others = w.others()
    mem, state = w.done()
    return "PATCH /api/settings, 100,000 nested {\"a\":", st, mem, others + ", server " + state


def headers(srv, count, total_mb):
    w = Watch(srv)
    results = []

    def one():
        s = socket.socket()
        s.connect(("127.0.0.1", srv.port))
        line = b"X-Pad: " + b"a" * 4000 + b"\r\n"
        sent = 0
        try:
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
            while sent < total_mb << 20:
                s.sendall(line)
                sent += len(line)
            s.sendall(b"\r\n")
        except OSError:
            pass
        results.append(read_status(s, 30))
        s.close()

    ts = [threading.Thread(target=one) for _ in range(count)]
    for t in ts:
        t.start()
    time.sleep(0.5)
    others = w.others()
    for t in ts:
        t.join(120)
    mem, state = w.done()
    return f"{count} x {total_mb} MB of headers", ",".join(sorted(set(results))), mem, others + ", server " + state


def trickle(srv, n=100, pause=3.0, rounds=3):
    w = Watch(srv)
    socks = []
    for i in range(n):
        s = socket.socket()
        try:
            s.bind((f"127.0.0.{2 + i % 4}", 0))
        except OSError:
            pass
        s.connect(("127.0.0.1", srv.port))
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        socks.append(s)
    answered = {}
    result = {}

    def normal():
        result["others"] = w.others()

    t = threading.Thread(target=normal)
    t.start()
    for r in range(rounds):
        for i, s in enumerate(socks):
            if i in answered:
                continue
            try:
                s.sendall(f"X-Trickle-{r}: 1\r\n".encode())
            except OSError:
                answered[i] = "closed"
        time.sleep(pause)
    t.join()
    for i, s in enumerate(socks):
        if i not in answered:
            s.setblocking(False)
            try:
                data = s.recv(64)
                answered[i] = data[9:12].decode() if data.startswith(b"HTTP/1.1") else "closed"
            except BlockingIOError:
                answered[i] = "open"
            except OSError:
                answered[i] = "reset"
        s.close()
    counts = {}
    for v in answered.values():
        counts[v] = counts.get(v, 0) + 1
    mem, state = w.done()
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
    return f"{n} sockets trickling a header line every {pause:.0f} s", summary, mem, result["others"] + ", server " + state


def csv_form(srv, size):
    w = Watch(srv)
    rows = ["First Name,Last Name,Phone,Email"]
    while sum(len(r) + 1 for r in rows) < size:
        rows.append(f"Ann{len(rows)},Lee,+1 415 555 0142,ann{len(rows)}@example.com")
    body = ("\n".join(rows) + "\n").encode()
    head = (f"POST /api/import/contacts?dry_run=true HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {srv.token}\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
            f"Connection: close\r\n\r\n").encode()
    st = raw_request(srv.port, head, body)
    others = w.others()
    mem, state = w.done()
    return f"curl --data-binary @file.csv ({len(body) // 1024} KB, form type)", st, mem, others + ", server " + state


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--quick", action="store_true", help="20 MB of headers instead of 200 MB")
    a = ap.parse_args()
    mb = 20 if a.quick else 200
    with tempfile.TemporaryDirectory() as tmp:
        srv = Server(a.build, tmp)
        rows = []
        try:
            for attack in (lambda: nested(srv), lambda: headers(srv, 1, mb), lambda: headers(srv, 4, mb),
                           lambda: trickle(srv), lambda: csv_form(srv, 20000)):
                srv.ensure()
                rows.append(attack())
                print("done:", rows[-1], file=sys.stderr)
        finally:
            srv.stop()
    print(f"build: {a.build}\n")
    print("| attack | status | RSS before / peak / after | normal client served |")
    print("|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(str(x) for x in r) + " |")


if __name__ == "__main__":
    main()
