#!/usr/bin/env python3
"""Measures what several processes do together, with the release binary (the figures in the
README): two servers on one PostgreSQL following imports; an import and a server killed with
SIGKILL and restarted; 30, then 120, concurrent failed sign-ins and the server's memory.

Usage: cargo build --release -p server && python3 scripts/measure_servers.py POSTGRES_URL
(POSTGRES_URL names a server where this script may create a database, e.g. the one
`scripts/lib.sh`'s start_postgres starts.) Only loopback addresses are used.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, "target", "release", "passerelle")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env_for(data_dir, database_url=None, port=None):
    env = dict(os.environ, PASSERELLE_DATA_DIR=data_dir, PASSERELLE_LOG="warn")
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    if port:
        env["PASSERELLE_ADDR"] = f"127.0.0.1:{port}"
    return env


def run(args, env):
    return subprocess.run([BINARY, *args], env=env, check=True, capture_output=True, text=True)


def get_json(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return json.load(response)
    except (OSError, ValueError):
        return None


class Server:
    def __init__(self, data_dir, database_url=None):
        self.port = free_port()
        env = env_for(data_dir, database_url, self.port)
        # The sign-in burst comes "through a proxy" on loopback, each request from its own address.
        env["PASSERELLE_TRUSTED_PROXIES"] = "127.0.0.1"
        self.process = subprocess.Popen([BINARY, "serve"], env=env, stdout=subprocess.DEVNULL)
        self.wait(lambda: get_json(self.port, "/healthz") is not None, 120)

    def total(self):
        answer = get_json(self.port, "/api/v1/openings?closed=1&per_page=1")
        return answer and answer["total"]

    def wait(self, done, seconds=60):
        start = time.monotonic()
        while time.monotonic() - start < seconds:
            if done():
                return time.monotonic() - start
            time.sleep(0.01)
        raise SystemExit("timed out")

    def memory(self):
        status = open(f"/proc/{self.process.pid}/status").read()
        fields = dict(re.findall(r"(Vm\w+):\s+(\d+) kB", status))
        return int(fields["VmRSS"]) // 1024, int(fields["VmHWM"]) // 1024

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()


def count_in(database_url):
    """Published openings, read through a throwaway server-less query (psql or sqlite3)."""
    if database_url.startswith("postgres"):
        out = subprocess.run(["psql", database_url, "-tAc", "SELECT count(*) FROM opening WHERE status = 'published'"],
                             check=True, capture_output=True, text=True).stdout
    else:
        path = database_url.split("://", 1)[1].split("?", 1)[0]
        out = subprocess.run(["sqlite3", path, "SELECT count(*) FROM opening WHERE status = 'published'"],
                             check=True, capture_output=True, text=True).stdout
    return int(out.strip())


def two_servers(admin_url, work):
    name = f"passerelle_measure_{os.getpid()}"
    subprocess.run(["psql", admin_url, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True)
    subprocess.run(["psql", admin_url, "-qc", f"CREATE DATABASE {name}"], check=True)
    url = admin_url.rsplit("/", 1)[0] + "/" + name
    dirs = [tempfile.mkdtemp(dir=work) for _ in range(2)]
    servers = [Server(d, url) for d in dirs]
    print("two servers on one PostgreSQL database, each with its own index:")
    for count in (40, 20_000):
        path = os.path.join(work, f"synthetic-{count}.jsonl")
        run(["seed", "synthetic", str(count), "--output", path], env_for(dirs[0]))
        before = count_in(url)
        started = time.monotonic()
        run(["import", "openings", path], env_for(dirs[0], url))
        ended = time.monotonic()
        wanted = count_in(url)
        for server in servers:
            server.wait(lambda s=server: s.total() == wanted)
        print(f"  import of {count} openings ({wanted - before} new) took {ended - started:.2f} s; "
              f"both servers found all {wanted} {time.monotonic() - ended:.2f} s after it ended")
    for server in servers:
        server.kill()


def crash_and_restart(work):
    data_dir = tempfile.mkdtemp(dir=work)
    url = f"sqlite://{data_dir}/passerelle.db?mode=rwc"
    path = os.path.join(work, "synthetic-50000.jsonl")
    run(["seed", "synthetic", "50000", "--output", path], env_for(data_dir))
    server = Server(data_dir)
    importer = subprocess.Popen([BINARY, "import", "openings", path], env=env_for(data_dir),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while count_in(url) < 20_000:
        time.sleep(0.01)
    importer.send_signal(signal.SIGKILL)
    importer.wait()
    server.kill()
    killed_at = count_in(url)
    server = Server(data_dir)
    print("kill -9 of an import of 50,000 openings halfway, then of the server:")
    print(f"  {killed_at} committed when killed; after the restart the server finds {server.total()}")
    started = time.monotonic()
    run(["import", "openings", path], env_for(data_dir))
    ended = time.monotonic()
    server.wait(lambda: server.total() == 50_000)
    print(f"  the rerun completed in {ended - started:.2f} s; the server found all 50,000 "
          f"{time.monotonic() - ended:.2f} s after it ended")
    return server


def sign_in_burst(server, clients, first_address):
    rss, _ = server.memory()
    page = urllib.request.urlopen(f"http://127.0.0.1:{server.port}/en/login")
    cookie = page.headers.get_all("set-cookie")[0].split(";")[0]
    csrf = cookie.split("=", 1)[1]
    statuses = []

    def attempt(n):
        body = urllib.parse.urlencode({"csrf": csrf, "email": f"nobody{n}@example.org", "password": "wrong password"})
        address = f"10.{first_address}.{n // 250}.{n % 250 + 1}"
        request = urllib.request.Request(f"http://127.0.0.1:{server.port}/en/login", data=body.encode(),
                                         headers={"Cookie": cookie, "X-Forwarded-For": address})
        try:
            urllib.request.urlopen(request)
            statuses.append(200)
        except urllib.error.HTTPError as error:
            statuses.append(error.code)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    after, peak = server.memory()
    counts = {status: statuses.count(status) for status in sorted(set(statuses))}
    print(f"{clients} concurrent failed sign-ins from {clients} addresses: answers {counts}; resident {rss} MB before, "
          f"{after} MB after, peak {peak} MB")


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    with tempfile.TemporaryDirectory() as work:
        two_servers(sys.argv[1], work)
        server = crash_and_restart(work)
        for first_address, clients in enumerate((30, 120)):
            sign_in_burst(server, clients, first_address)
        server.kill()


if __name__ == "__main__":
    main()
