"""Shared by the swvsim verken tests (verken_api.py, verken_browser.py): a copy of the PO example in a
temporary folder (variants are written beside the scenario, never into the source tree), the server
started on a free port, and plain HTTP requests with any headers."""
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def example_copy(source_dir):
    """A temporary folder with voorbeeld-po.toml (its rules are built in) and its path."""
    folder = tempfile.mkdtemp(prefix="swvsim-verken-")
    scenario = os.path.join(folder, "voorbeeld-po.toml")
    shutil.copy(os.path.join(source_dir, "scenarios", "voorbeeld-po.toml"), scenario)
    return folder, scenario


class Server:
    """swvsim verken SCENARIO --poort 0 ...; the first stdout line is the address."""

    def __init__(self, swvsim, scenario, *options):
        # stderr (a line per computation) to a file: a pipe nobody reads would fill and stop the server.
        self.log = tempfile.TemporaryFile(mode="w+")
        self.proc = subprocess.Popen([swvsim, "verken", scenario, "--poort", "0", *options], stdout=subprocess.PIPE,
                                     stderr=self.log, text=True)
        line = self.proc.stdout.readline()
        m = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\n", line)
        if not m:
            self.proc.kill()
            self.proc.wait()
            self.log.seek(0)
            raise Failure("eerste regel is geen adres: %r; stderr: %s" % (line, self.log.read()))
        self.url = line.strip()
        self.port = int(m.group(1))

    def request(self, method, path, body=None, headers=None, host=None):
        """(status, headers, body bytes); `host` replaces the Host header (None: 127.0.0.1:PORT)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        conn.putrequest(method, path, skip_host=host is not None, skip_accept_encoding=True)
        if host is not None and host != "":
            conn.putheader("Host", host)
        hdrs = dict(headers or {})
        if body is not None:
            if isinstance(body, str):
                body = body.encode()
            hdrs.setdefault("Content-Type", "application/json")
            if "Transfer-Encoding" not in hdrs:
                hdrs["Content-Length"] = str(len(body))
        for k, v in hdrs.items():
            conn.putheader(k, v)
        conn.endheaders()
        if body is not None:
            if hdrs.get("Transfer-Encoding") == "chunked":
                for i in range(0, len(body), 8192):
                    part = body[i:i + 8192]
                    try:
                        conn.send(b"%x\r\n%s\r\n" % (len(part), part))
                    except (BrokenPipeError, ConnectionResetError):
                        break
                try:
                    conn.send(b"0\r\n\r\n")
                except (BrokenPipeError, ConnectionResetError):
                    pass
            else:
                try:
                    conn.send(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        return resp.status, dict(resp.getheaders()), data

    def stop(self, sig=signal.SIGTERM, timeout=20):
        """Sends `sig` and returns the exit code (the server must stop by itself within `timeout`)."""
        self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise Failure("swvsim verken stopte niet binnen %d s na signaal %d" % (timeout, sig))

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def run_swvsim(swvsim, *args, cwd=None):
    r = subprocess.run([swvsim, *args], cwd=cwd, capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        raise Failure("swvsim %s: exit %d\n%s%s" % (" ".join(args), r.returncode, r.stdout, r.stderr))
    return r


def main(test, argv):
    """Runs test(swvsim, source_dir); prints the failure and exits 1 on a Failure."""
    if len(argv) != 3:
        print("gebruik: %s SWVSIM BRONMAP" % argv[0], file=sys.stderr)
        sys.exit(2)
    t0 = time.time()
    try:
        test(argv[1], argv[2])
    except Failure as e:
        print("MISLUKT: %s" % e, file=sys.stderr)
        sys.exit(1)
    print("geslaagd in %.1f s" % (time.time() - t0))
