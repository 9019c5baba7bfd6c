#!/usr/bin/python3
"""Drives a NeuroRnn kernel with the real Jupyter client (Debian's python3-jupyter-client) and checks the protocol.

Two ways to reach a kernel:
  --connection-file FILE   connect to a kernel that is already running (the in-process protocol tests)
  --kernel-name NAME       start it with jupyter_client.KernelManager from a kernelspec on JUPYTER_PATH

--dialect picks the cell code (scripted: the protocol tests' scripted interpreter; csharp; fsharp).
Each check prints one JSON line {"check": ..., "ok": true, ...}; the first failure raises (exit code 1) with details.
"""
import argparse
import hashlib
import hmac
import json
import os
import queue
import statistics
import sys
import time
import uuid

try:
    import zmq
    from jupyter_client import BlockingKernelClient, KernelManager
except ImportError as error:  # the xunit test turns this into a failure naming the Debian package
    print(f"MISSING-DEPENDENCY: {error}; install python3-jupyter-client (it brings python3-zmq)", file=sys.stderr)
    sys.exit(3)

TIMEOUT = 60

DIALECTS = {
    "scripted": {
        "streams": "print:early\nsleep:1500\nprint:late",
        "stderr": "eprint:to stderr",
        "display": "display:d1:first\nupdate:d1:second",
        "result": ("=2", "2"),
        "exception": ("error:boom", "ScriptError", "boom"),
        "compile_error": ("error:syntax", "ScriptError", "syntax"),
        "complete": ("pri", 3, "print"),
        "inspect": ("print", 2),
        "is_complete": [("a \\", "incomplete"), ("a", "complete")],
        "long": "sleep:600000",
        "input": "input:Name? ",
        "state": ("=7", "=7", "7"),
        "trivial": "=1",
    },
    "csharp": {
        "streams": 'Console.WriteLine("early");\nSystem.Threading.Thread.Sleep(1500);\nConsole.WriteLine("late");',
        "stderr": 'Console.Error.WriteLine("to stderr");',
        "display": 'var d = display("first");\nd.Update("second");',
        "result": ("1 + 1", "2"),
        "exception": ('throw new InvalidOperationException("boom");', "InvalidOperationException", "boom"),
        "compile_error": ('int x = "text";', None, "CS0029"),
        "complete_setup": 'var probeText = "abc";',
        "complete": ("probeText.Len", 13, "Length"),
        "inspect": ("probeText", 3),
        "is_complete": [("if (true) {", "incomplete"), ("1 + 1", "complete")],
        "long": "while (true) { System.Threading.Thread.Sleep(10); }",
        "input": 'var name = Console.ReadLine();\nConsole.WriteLine("got " + name);',
        "state": ("var keep = 7;", "keep", "7"),
        "trivial": "1",
    },
    "fsharp": {
        "streams": 'printfn "early"\nSystem.Threading.Thread.Sleep 1500\nprintfn "late"',
        "stderr": 'eprintfn "to stderr"',
        "display": 'let d = display "first"\nd.Update "second"',
        "result": ("1 + 1", "2"),
        "exception": ('(raise (System.InvalidOperationException "boom") : unit)', "InvalidOperationException", "boom"),
        "compile_error": ('let x : int = "text"', None, "FS0001"),
        "complete_setup": 'let probeText = "abc"',
        "complete": ("probeText.Len", 13, "Length"),
        "inspect": ("probeText", 3),
        "is_complete": [("1 + 1", "complete")],
        "long": "while true do System.Threading.Thread.Sleep 10",
        "input": 'let name = System.Console.ReadLine()\nprintfn "got %s" name',
        "state": ("let keep = 7", "keep", "7"),
        "trivial": "1",
    },
}


class Failure(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def report(name, **details):
    print(json.dumps({"check": name, "ok": True, **details}), flush=True)


class Session:
    def __init__(self, args):
        self.args = args
        self.manager = None
        if args.connection_file:
            self.client = BlockingKernelClient(connection_file=args.connection_file)
            self.client.load_connection_file()
        else:
            self.manager = KernelManager(kernel_name=args.kernel_name)
            self.started_at = time.monotonic()
            self.manager.start_kernel()
            self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=TIMEOUT)
        self.ready_at = time.monotonic()

    @property
    def pid(self):
        if self.manager is None:
            return os.getpid()  # an in-process kernel lives in the test host, not here; RSS is not meaningful
        provisioner = getattr(self.manager, "provisioner", None)
        process = getattr(provisioner, "process", None) or getattr(self.manager, "kernel", None)
        return process.pid

    def close(self):
        self.client.stop_channels()
        if self.manager is not None and self.manager.has_kernel:
            # After a checked shutdown the process is gone; now=True just reaps it and removes the connection file.
            self.manager.shutdown_kernel(now=getattr(self, "shut_down", False))

    def run(self, code, allow_stdin=False, stop_on_error=True, timeout=TIMEOUT, on_stdin=None):
        """Executes a cell; returns (reply, [(arrival seconds, iopub msg)...]) once reply and idle were seen."""
        sent = time.monotonic()
        msg_id = self.client.execute(code, allow_stdin=allow_stdin, stop_on_error=stop_on_error)
        deadline = sent + timeout
        iopub = []
        idle = False
        # iopub first, with blocking reads, so each message's arrival time is when the client really got it.
        while not idle:
            remaining = deadline - time.monotonic()
            check(remaining > 0, f"no idle within {timeout}s for cell {code!r}; iopub so far: {[m['msg_type'] for _, m in iopub]}")
            if on_stdin is not None:
                try:
                    on_stdin(self.client.get_stdin_msg(timeout=0.001))
                except queue.Empty:
                    pass
            try:
                message = self.client.get_iopub_msg(timeout=min(remaining, 0.05) if on_stdin else remaining)
            except queue.Empty:
                continue
            if message["parent_header"].get("msg_id") != msg_id:
                continue
            iopub.append((time.monotonic() - sent, message))
            idle = message["msg_type"] == "status" and message["content"]["execution_state"] == "idle"
        while True:
            message = self.client.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
            if message["parent_header"].get("msg_id") == msg_id:
                return message, iopub


def types(iopub):
    return [m["msg_type"] for _, m in iopub]


def text_output(iopub, name="stdout"):
    return "".join(m["content"]["text"] for _, m in iopub if m["msg_type"] == "stream" and m["content"]["name"] == name)


def check_kernel_info(s, d):
    s.client.kernel_info()
    reply = s.client.get_shell_msg(timeout=TIMEOUT)
    content = reply["content"]
    check(reply["msg_type"] == "kernel_info_reply", f"unexpected {reply['msg_type']}")
    check(content["protocol_version"] == "5.3", f"protocol_version {content['protocol_version']}")
    check(content["status"] == "ok", content)
    check(content["language_info"]["name"], content)
    check(content["implementation"] == "neurornn", content)
    report("kernel_info", language=content["language_info"]["name"], banner=content["banner"][:60])


def check_streams(s, d):
    reply, iopub = s.run(d["streams"])
    check(reply["content"]["status"] == "ok", reply["content"])
    streams = [(t, m) for t, m in iopub if m["msg_type"] == "stream"]
    check(streams, f"no stream messages: {types(iopub)}")
    check(text_output(iopub) == "early\nlate\n", f"stdout was {text_output(iopub)!r}")
    first = streams[0][0]
    idle_at = iopub[-1][0]
    check(idle_at - first >= 1.0, f"first stream at {first:.3f}s, cell ended at {idle_at:.3f}s: output was not live")
    execute_input = [m for _, m in iopub if m["msg_type"] == "execute_input"]
    check(execute_input and execute_input[0]["content"]["execution_count"] == reply["content"]["execution_count"], "execute_input count")
    check(types(iopub)[0] == "status" and iopub[0][1]["content"]["execution_state"] == "busy", f"first iopub {types(iopub)[0]}")
    reply2, iopub2 = s.run(d["stderr"])
    check(text_output(iopub2, "stderr") == "to stderr\n", f"stderr was {text_output(iopub2, 'stderr')!r}")
    report("streams", first_stream_s=round(first, 3), cell_end_s=round(idle_at, 3))


def check_display(s, d):
    reply, iopub = s.run(d["display"])
    check(reply["content"]["status"] == "ok", reply["content"])
    shown = [m for _, m in iopub if m["msg_type"] == "display_data"]
    updated = [m for _, m in iopub if m["msg_type"] == "update_display_data"]
    check(len(shown) == 1 and len(updated) == 1, f"iopub: {types(iopub)}")
    display_id = shown[0]["content"]["transient"]["display_id"]
    check(display_id and updated[0]["content"]["transient"]["display_id"] == display_id, "display ids differ")
    check("first" in shown[0]["content"]["data"]["text/plain"], shown[0]["content"])
    check("second" in updated[0]["content"]["data"]["text/plain"], updated[0]["content"])
    report("display", display_id=display_id)


def check_result(s, d):
    code, expected = d["result"]
    reply, iopub = s.run(code)
    results = [m for _, m in iopub if m["msg_type"] == "execute_result"]
    check(len(results) == 1, f"iopub: {types(iopub)}")
    check(results[0]["content"]["data"]["text/plain"] == expected, results[0]["content"])
    check(results[0]["content"]["execution_count"] == reply["content"]["execution_count"], "execution counts differ")
    before = reply["content"]["execution_count"]
    reply2, _ = s.run(code)
    check(reply2["content"]["execution_count"] == before + 1, "execution count did not increase")
    report("execute_result", execution_count=before)


def check_errors(s, d):
    for key in ("exception", "compile_error"):
        code, ename, fragment = d[key]
        reply, iopub = s.run(code)
        content = reply["content"]
        check(content["status"] == "error", f"{key}: {content}")
        errors = [m for _, m in iopub if m["msg_type"] == "error"]
        check(len(errors) == 1, f"{key}: iopub {types(iopub)}")
        traceback = "\n".join(errors[0]["content"]["traceback"])
        if ename:
            check(ename in content["ename"], f"{key}: ename {content['ename']}")
        check(fragment in content["evalue"] or fragment in traceback, f"{key}: {fragment!r} not in {content['evalue']!r} / {traceback!r}")
        check(traceback.strip(), f"{key}: empty traceback")
    reply, _ = s.run(d["result"][0])
    check(reply["content"]["status"] == "ok", "kernel did not survive the errors")
    report("errors")


def check_completion(s, d):
    if "complete_setup" in d:
        reply, _ = s.run(d["complete_setup"])
        check(reply["content"]["status"] == "ok", reply["content"])
    code, cursor, expected = d["complete"]
    s.client.complete(code, cursor)
    content = s.client.get_shell_msg(timeout=TIMEOUT)["content"]
    check(content["status"] == "ok", content)
    check(expected in content["matches"], f"{expected!r} not in {content['matches'][:20]}")
    check(0 <= content["cursor_start"] <= content["cursor_end"] <= len(code), content)
    code, cursor = d["inspect"]
    s.client.inspect(code, cursor, 0)
    content = s.client.get_shell_msg(timeout=TIMEOUT)["content"]
    check(content["status"] == "ok" and content["found"], f"inspect: {content}")
    check(content["data"].get("text/plain") or content["data"].get("text/markdown"), f"inspect data: {content}")
    for code, expected in d["is_complete"]:
        s.client.is_complete(code)
        content = s.client.get_shell_msg(timeout=TIMEOUT)["content"]
        check(content["status"] == expected, f"is_complete({code!r}) = {content}")
    report("completion_inspect_is_complete")


def interrupt(s):
    if s.manager is not None:
        s.manager.interrupt_kernel()  # goes through the kernelspec's interrupt_mode
    else:
        s.client.control_channel.send(s.client.session.msg("interrupt_request", {}))


def check_interrupt(s, d, quiet=False):
    msg_id = s.client.execute(d["long"])
    started = time.monotonic()
    busy = False
    while not busy:
        check(time.monotonic() - started < TIMEOUT, "long cell never went busy")
        message = s.client.get_iopub_msg(timeout=TIMEOUT)
        busy = message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "execute_input"
    time.sleep(0.3)
    interrupted_at = time.monotonic()
    interrupt(s)
    while True:
        check(time.monotonic() - interrupted_at < 15, "the interrupted cell did not finish within 15 s")
        reply = s.client.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    stop_s = time.monotonic() - interrupted_at
    check(reply["content"]["status"] in ("error", "aborted"), reply["content"])
    # Drain iopub up to idle of the interrupted cell.
    while True:
        message = s.client.get_iopub_msg(timeout=TIMEOUT)
        if message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            break
    reply2, _ = s.run(d["result"][0])
    check(reply2["content"]["status"] == "ok", f"cell after interrupt: {reply2['content']}")
    if not quiet:
        report("interrupt", stop_seconds=round(stop_s, 3))
    return stop_s


def check_input(s, d):
    answered = []

    def on_stdin(request):
        check(request["msg_type"] == "input_request", request)
        answered.append(request["content"])
        s.client.input("Ada")

    reply, iopub = s.run(d["input"], allow_stdin=True, on_stdin=on_stdin)
    check(answered, "no input_request arrived")
    check(reply["content"]["status"] == "ok", reply["content"])
    check("got Ada" in text_output(iopub), f"stdout {text_output(iopub)!r}")
    report("input", prompt=answered[0]["prompt"])


def check_bad_signature(s, d):
    info = s.client.get_connection_info()
    context = zmq.Context.instance()
    socket = context.socket(zmq.DEALER)
    socket.setsockopt(zmq.LINGER, 0)
    socket.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
    try:
        for key in (b"wrong-key", None):
            header = json.dumps({"msg_id": uuid.uuid4().hex, "session": uuid.uuid4().hex, "username": "forger",
                                 "date": "2026-01-01T00:00:00.000000Z", "msg_type": "kernel_info_request", "version": "5.3"}).encode()
            frames = [header, b"{}", b"{}", b"{}"]
            signature = hmac.new(key, b"".join(frames), hashlib.sha256).hexdigest().encode() if key else b"0" * 64
            socket.send_multipart([b"<IDS|MSG>", signature] + frames)
            check(socket.poll(1500) == 0, f"the kernel answered a message signed with {'a wrong key' if key else 'a garbage signature'}")
    finally:
        socket.close()
    s.client.kernel_info()
    reply = s.client.get_shell_msg(timeout=TIMEOUT)
    check(reply["msg_type"] == "kernel_info_reply", "kernel stopped answering after forged messages")
    report("bad_signature_rejected")


def check_state(s, d):
    first, second, expected = d["state"]
    s.run(first)
    reply, iopub = s.run(second)
    results = [m for _, m in iopub if m["msg_type"] == "execute_result"]
    check(results and results[0]["content"]["data"]["text/plain"] == expected, f"state lost: {types(iopub)}")
    report("state_kept")


def rss_kb(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def check_restart(s, d):
    check(s.manager is not None, "restart needs --kernel-name")
    old_pid = s.pid
    old_process = s.manager.provisioner.process
    first, second, _ = d["state"]
    s.run(first)
    s.manager.restart_kernel(now=False)
    s.client.wait_for_ready(timeout=TIMEOUT)
    check(s.pid != old_pid, "restart did not start a new process")
    # jupyter_client kills a kernel that does not exit by itself within 5 s; exit code 0 means it left on its own.
    check(old_process.poll() == 0, f"the old kernel process ended with {old_process.poll()} (killed rather than exiting?)")
    reply, iopub = s.run(d["result"][0])
    check(reply["content"]["status"] == "ok", reply["content"])
    check(reply["content"]["execution_count"] == 1, f"execution count after restart {reply['content']['execution_count']}")
    report("restart", old_pid=old_pid, new_pid=s.pid, old_exit_code=old_process.poll())


def check_shutdown(s, d):
    check(s.manager is not None, "shutdown needs --kernel-name")
    pid = s.pid
    process = s.manager.provisioner.process
    s.client.shutdown()
    deadline = time.monotonic() + 15
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    code = process.poll()
    check(code is not None, "the kernel process did not exit within 15 s of shutdown_request")
    check(code == 0, f"kernel exit code {code} (a kill instead of a clean exit?)")
    s.shut_down = True
    report("shutdown", pid=pid, exit_code=code)


def check_soak(s, d, cells, interrupt_every, error_every):
    counts = {"succeeded": 0, "error": 0, "interrupted": 0}
    peak = 0
    started = time.monotonic()
    for i in range(cells):
        if interrupt_every and i % interrupt_every == interrupt_every - 1:
            check_interrupt(s, d, quiet=True)
            counts["interrupted"] += 1
        elif error_every and i % error_every == error_every - 1:
            reply, _ = s.run(d["exception"][0])
            check(reply["content"]["status"] == "error", reply["content"])
            counts["error"] += 1
        else:
            reply, iopub = s.run(d["result"][0] if i % 2 else d["stderr"])
            check(reply["content"]["status"] == "ok", reply["content"])
            counts["succeeded"] += 1
        if s.manager is not None and i % 25 == 0:
            peak = max(peak, rss_kb(s.pid))
    if s.manager is not None:
        peak = max(peak, rss_kb(s.pid), rss_kb(s.pid, "VmHWM"))
        final = rss_kb(s.pid)
    else:
        final = 0
    s.client.kernel_info()
    check(s.client.get_shell_msg(timeout=TIMEOUT)["msg_type"] == "kernel_info_reply", "kernel dead after soak")
    report("soak", cells=cells, seconds=round(time.monotonic() - started, 1), peak_rss_mb=round(peak / 1024, 1),
           final_rss_mb=round(final / 1024, 1), **counts)


def check_bench(s, d):
    # First result after start (KernelManager mode: measured from start_kernel).
    code, expected = d["result"]
    reply, iopub = s.run(code)
    first_result = time.monotonic() - s.started_at if s.manager is not None else None
    check(reply["content"]["status"] == "ok", reply["content"])
    for _ in range(10):
        s.run(d["trivial"])
    samples, inside = [], []
    for _ in range(100):
        t0 = time.monotonic()
        _, iopub = s.run(d["trivial"])
        samples.append((time.monotonic() - t0) * 1000)
        # busy→idle by the kernel's own clock: the time spent inside the kernel (interpreter + protocol).
        states = {m["content"]["execution_state"]: m["header"]["date"] for _, m in iopub if m["msg_type"] == "status"}
        if "busy" in states and "idle" in states and hasattr(states["busy"], "timestamp"):
            inside.append((states["idle"].timestamp() - states["busy"].timestamp()) * 1000)
    samples.sort()
    report("bench", first_result_s=round(first_result, 3) if first_result else None,
           ready_s=round(s.ready_at - s.started_at, 3) if s.manager is not None else None,
           roundtrip_median_ms=round(statistics.median(samples), 2), roundtrip_p90_ms=round(samples[89], 2),
           kernel_busy_median_ms=round(statistics.median(inside), 2) if inside else None,
           rss_mb=round(rss_kb(s.pid) / 1024, 1) if s.manager is not None else None)


def check_rss_both(s, d):
    check(s.manager is not None, "rss_both needs --kernel-name")
    for code in ("#!csharp\n1 + 1", "#!fsharp\n1 + 1"):
        reply, iopub = s.run(code)
        check(reply["content"]["status"] == "ok", f"{code!r}: {reply['content']}")
    report("rss_both", rss_mb=round(rss_kb(s.pid) / 1024, 1), hwm_mb=round(rss_kb(s.pid, "VmHWM") / 1024, 1))


def check_rss_completion(s, d):
    """Resident memory after semantic completion was used in both languages (the language services load lazily)."""
    check(s.manager is not None, "rss_completion needs --kernel-name")
    for code in ("#!csharp\nConsole.WriteL", "#!fsharp\nSystem.Console.WriteL"):
        s.client.complete(code, len(code))
        reply = s.client.get_shell_msg(timeout=TIMEOUT)
        check(reply["content"]["status"] == "ok", f"{code!r}: {reply['content']}")
    report("rss_completion", rss_mb=round(rss_kb(s.pid) / 1024, 1), hwm_mb=round(rss_kb(s.pid, "VmHWM") / 1024, 1))


def check_native_libraries(s, d):
    """The transport is managed (NetMQ): after a cell ran, no native ZeroMQ library is mapped into the kernel."""
    check(s.manager is not None, "native_libraries needs --kernel-name (the kernel's own process)")
    s.run(d["trivial"])
    with open(f"/proc/{s.pid}/maps") as maps:
        mapped = maps.read()
    check("libzmq" not in mapped, "a native libzmq is mapped into the kernel process")
    check("NetMQ.dll" in mapped, "NetMQ.dll is not mapped into the kernel process")
    report("native_libraries", pid=s.pid)


CHECKS = {
    "native_libraries": check_native_libraries, "rss_completion": check_rss_completion,
    "rss_both": check_rss_both,
    "kernel_info": check_kernel_info, "streams": check_streams, "display": check_display, "execute_result": check_result,
    "errors": check_errors, "completion": check_completion, "interrupt": check_interrupt, "input": check_input,
    "bad_signature": check_bad_signature, "state": check_state, "restart": check_restart, "shutdown": check_shutdown,
    "bench": check_bench,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--connection-file")
    target.add_argument("--kernel-name")
    parser.add_argument("--dialect", choices=sorted(DIALECTS), required=True)
    parser.add_argument("--checks", required=True, help="comma-separated: " + ",".join(CHECKS) + ",soak")
    parser.add_argument("--soak-cells", type=int, default=1000)
    parser.add_argument("--soak-interrupt-every", type=int, default=50)
    parser.add_argument("--soak-error-every", type=int, default=7)
    args = parser.parse_args()
    dialect = DIALECTS[args.dialect]
    session = Session(args)
    try:
        for name in args.checks.split(","):
            if name == "soak":
                check_soak(session, dialect, args.soak_cells, args.soak_interrupt_every, args.soak_error_every)
            elif name in CHECKS:
                CHECKS[name](session, dialect)
            else:
                raise Failure(f"unknown check {name!r}")
    finally:
        session.close()


if __name__ == "__main__":
    main()
