#!/usr/bin/env python3
"""Runs a command on a real pseudo-terminal and answers its prompts.

usage: pty-run.py <script.json>
The JSON holds {"argv": [...], "env": {...}, "steps": [{"expect": "text", "send": "answer\\r"}, ...]},
and optionally "cols" and "rows": the terminal's size, set before the command starts.
Each step waits (up to 10 s) for its text in the output, then types its answer ("send"), or
sends the command a signal ("signal": "SIGINT" or "SIGTERM", as `kill` would). Prints the whole
output, then a last line "EXIT <status>" (after a signal step: "EXIT <status> <ms from the signal
to the exit>").
"""
import fcntl, json, os, pty, select, signal, struct, sys, termios, time

spec = json.load(open(sys.argv[1]))
pid, fd = pty.fork()
if pid == 0:
    # The size is set on the child's side of the terminal before it runs, so its very first
    # look at the window (process.stdout.columns) already sees it; a terminal left at 0x0
    # would leave the width up to the program's fallback.
    if "cols" in spec or "rows" in spec:
        size = struct.pack("HHHH", spec.get("rows", 24), spec.get("cols", 80), 0, 0)
        fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, size)
    env = dict(os.environ)
    env.update(spec.get("env", {}))
    os.execvpe(spec["argv"][0], spec["argv"], env)

output = b""

def read_until(text, timeout=10.0):
    global output
    deadline = time.time() + timeout
    while text.encode() not in output:
        remaining = deadline - time.time()
        if remaining <= 0:
            raise SystemExit("timed out waiting for %r; output so far:\n%s" % (text, output.decode(errors="replace")))
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk

signalled = None
for step in spec.get("steps", []):
    read_until(step["expect"])
    time.sleep(0.05)
    if "signal" in step:
        signalled = time.time()
        os.kill(pid, getattr(signal, step["signal"]))
    else:
        os.write(fd, step["send"].encode())

while True:
    try:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            break
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        output += chunk
    except OSError:
        break
_, status = os.waitpid(pid, 0)
exited = time.time()
sys.stdout.write(output.decode(errors="replace"))
code = os.waitstatus_to_exitcode(status)
if signalled is None:
    sys.stdout.write("\nEXIT %d\n" % code)
else:
    sys.stdout.write("\nEXIT %d %d\n" % (code, round((exited - signalled) * 1000)))
