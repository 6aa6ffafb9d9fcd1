#!/usr/bin/env python3
"""Drives `swvsim nieuw` through a pseudo-terminal, as a controller at a terminal would: waits for
each question before answering it, and checks that the next question is not asked before.

Usage: nieuw_dialoog.py SWVSIM FOLDER SCRIPT
SCRIPT is a file of lines "expected text<TAB>answer": wait until the program has written the
expected text and its prompt ("> "), then type the answer (an empty answer is Enter). A line
"!absent<TAB>text" after such a line checks, before the answer is typed, that `text` has not been
written since the previous answer (one question at a time). A line "!exit<TAB>N" gives the exit
code the program must end with (default 0). Prints the whole conversation; exits 1 on a mismatch
or a timeout (5 s per step); exits 77 when the machine offers no pseudo-terminal."""
import os
import pty
import select
import sys
import time

binary, folder, script = sys.argv[1], sys.argv[2], sys.argv[3]
steps = [line.rstrip("\n").split("\t", 1) for line in open(script, encoding="utf-8") if line.strip()]

try:
    pid, fd = pty.fork()
except OSError as e:
    # A root without /dev/pts (a bare chroot) has no terminal to offer: exit 77, the test says so.
    print(f"geen pseudo-terminal op deze machine: {e}")
    sys.exit(77)
if pid == 0:
    os.chdir(folder)
    os.execv(binary, [binary, "nieuw", "--uit", "dialoog.toml"])

seen = b""    # everything the program wrote
since = b""   # written since the last answer


def fail(why):
    sys.stdout.write(seen.decode("utf-8", "replace"))
    sys.stdout.write("\nFOUT: " + why + "\n")
    sys.exit(1)


def read_some(deadline):
    global seen, since
    ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.time()))
    if not ready:
        return False
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        chunk = b""
    if not chunk:
        return None
    seen += chunk
    since += chunk
    return True


def wait_for(text):
    deadline = time.time() + 5
    want = text.encode("utf-8")
    while not (want in since and since.rstrip().endswith(b">")):
        got = read_some(deadline)
        if got is False:
            fail("geen vraag met %r na 5 s" % text)
        if got is None:
            fail("het programma stopte vóór %r" % text)


expected_exit = 0
for i, step in enumerate(steps):
    key, value = step[0], (step[1] if len(step) > 1 else "")
    if key == "!exit":
        expected_exit = int(value)
    if key.startswith("!"):
        continue
    wait_for(key)
    for later in steps[i + 1:]:
        if later[0] != "!absent":
            break
        if later[1].encode("utf-8") in since:
            fail("%r kwam al voordat de vraag beantwoord was" % later[1])
    since = b""
    os.write(fd, (value + "\r").encode("utf-8"))

deadline = time.time() + 10
while read_some(deadline):
    pass
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
sys.stdout.write(seen.decode("utf-8", "replace"))
if code != expected_exit:
    fail("exitcode %d, verwacht %d" % (code, expected_exit))
