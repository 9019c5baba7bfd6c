#!/usr/bin/python3
"""Runs NeuroRnn's toolkit magic commands (defined in NeuroRnn.Interactive, found by the kernel by convention) in the
real kernel process through Debian's jupyter_client. Prints one JSON line per check; the first failure exits 1.

Usage: toolkit_magic_checks.py --kernel-name NAME --recording data/v1-gratings.npz --not-a-recording FILE
"""
import argparse
import json
import sys

from kernel_client_checks import Failure, Session, check, report, types  # the shared client of the protocol checks

TRAIN_TIMEOUT = 240


def outputs(iopub, kind):
    return [m["content"] for _, m in iopub if m["msg_type"] == kind]


def error_of(reply, iopub, cell):
    check(reply["content"]["status"] == "error", f"{cell!r} should fail, got {reply['content']['status']}")
    errors = outputs(iopub, "error")
    check(errors, f"{cell!r}: no error message on iopub")
    return errors[0]["evalue"]


def ok(session, cell, timeout=60):
    reply, iopub = session.run(cell, timeout=timeout)
    check(reply["content"]["status"] == "ok", f"{cell!r} failed: {outputs(iopub, 'error')}")
    return iopub


def result_text(iopub):
    results = outputs(iopub, "execute_result")
    check(results, f"no execute_result: {types(iopub)}")
    return results[0]["data"]["text/plain"]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kernel-name", required=True)
    parser.add_argument("--recording", required=True)
    parser.add_argument("--not-a-recording", required=True)
    args = parser.parse_args()
    session = Session(argparse.Namespace(connection_file=None, kernel_name=args.kernel_name))
    try:
        # Loading defines a C# variable; describing shows it with NeuroRnn.Interactive's HTML and plain text.
        iopub = ok(session, f'#!load-recording "{args.recording}" --as rec')
        shown = outputs(iopub, "display_data")
        check(len(shown) == 1 and shown[0]["data"]["text/plain"].startswith("rec = Recording"), f"load display: {shown}")
        check(result_text(ok(session, "rec.UnitCount")) == "200", "rec is not the 200-unit recording")
        described = outputs(ok(session, "#!describe rec"), "display_data")
        check(len(described) == 1, f"describe: {described}")
        html, plain = described[0]["data"]["text/html"], described[0]["data"]["text/plain"]
        check("neurornn-recording" in html and "<th>direction_deg</th>" in html, "describe: no recording HTML")
        check(plain.startswith("Recording '") and "trials table:" in plain and len(plain.splitlines()) <= 10, f"describe plain text: {plain!r}")
        report("load_and_describe", plain_lines=len(plain.splitlines()), html_chars=len(html))

        # A figure: tuning curves of two units.
        figure = outputs(ok(session, "#!plot tuning rec --units 0,5"), "display_data")
        check(len(figure) == 1 and "Plotly" in figure[0]["data"]["text/html"], "plot tuning: no plotly figure")
        trajectories = outputs(ok(session, "#!plot trajectories rec --by orientation_deg --dimensions 2"), "display_data")
        check(len(trajectories) == 1 and "Plotly" in trajectories[0]["data"]["text/html"], "plot trajectories: no figure")
        report("plot", html_chars=len(figure[0]["data"]["text/html"]))

        # Training with a live chart: one display, updates under the same display id, the last of them the last iteration.
        iopub = ok(session, "#!train --task addition --length 10 --units 16 --iterations 4 --batch 100 --test-size 100 --as net", timeout=TRAIN_TIMEOUT)
        shown = [m for _, m in iopub if m["msg_type"] == "display_data"]
        updates = [m["content"] for _, m in iopub if m["msg_type"] == "update_display_data"]
        check(len(shown) == 2, f"train: expected the chart and the summary, got {types(iopub)}")
        chart_id = shown[0]["content"]["transient"]["display_id"]
        check(updates and all(u["transient"]["display_id"] == chart_id for u in updates), "train: updates under another display id")
        final = json.loads(json.dumps(updates[-1]["data"]))["text/plain"]
        check("iteration 4" in final, f"train: the final frame is not the final iteration: {final!r}")
        check(shown[1]["content"]["data"]["text/plain"].startswith("net = addition"), f"train summary: {shown[1]['content']['data']}")
        check(result_text(ok(session, "net.Statistics.Count")) == "4", "net has not 4 iterations")
        report("train_live_chart", updates=len(updates), final=final)

        # Tab completion of magic options and of their values.
        def complete(code):
            reply = session.client.complete(code, len(code))
            content = session.client.get_shell_msg(timeout=30)["content"]
            return content["matches"]
        check("--task" in complete("#!train --ta"), "completion of --task")
        check(complete("#!train --task ma") == ["mante"], "completion of the task name")
        check("tuning" in complete("#!plot tu"), "completion of the plot kind")
        report("completion")

        # Help.
        help_text = outputs(ok(session, "#!lsmagic #!fit"), "display_data")[0]["data"]["text/plain"]
        check("--iterations" in help_text and "--units" in help_text, f"#!lsmagic #!fit: {help_text!r}")
        listing = outputs(ok(session, "#!lsmagic"), "display_data")[0]["data"]["text/plain"]
        check(all(name in listing for name in ["#!load-recording", "#!describe", "#!train", "#!fit", "#!plot", "#!backend"]), "lsmagic misses toolkit magics")
        backend = outputs(ok(session, "#!backend"), "display_data")[0]["data"]["text/plain"]
        check("backend" in backend.lower(), f"#!backend: {backend!r}")
        report("help_and_backend")

        # User errors name the option or file, and the kernel keeps going.
        errors = {
            "#!fit rec --bogus 3": "#!fit has no option --bogus",
            "#!fit missing --iterations 1": "no variable 'missing'",
            "#!load-recording /no/such/file.npz --as x": "--path '/no/such/file.npz' does not exist",
            f'#!load-recording "{args.not_a_recording}" --as x': args.not_a_recording,
            "#!train --task juggling": "--task must be one of",
            "#!train --task addition --iterations many": "--iterations needs a whole number, not 'many'",
            "#!plot tuning net": "'net' (--of) is a TrainedNetwork",
            "#!fit rec --units 0 --iterations 1": "--units",
        }
        seen = {}
        for cell, expected in errors.items():
            reply, iopub = session.run(cell)
            message = error_of(reply, iopub, cell)
            check(expected in message, f"{cell!r}: error {message!r} does not contain {expected!r}")
            seen[cell] = message
        check(result_text(ok(session, "1 + 1")) == "2", "the kernel did not survive the errors")
        report("errors", messages=seen)

        # F# cells get the same magics and variables.
        ok(session, f'#!fsharp\n#!load-recording "{args.recording}" --as frec')
        check(result_text(ok(session, "#!fsharp\nfrec.TrialCount")) != "", "F# variable")
        report("fsharp")
    except Failure as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
    finally:
        session.close()


if __name__ == "__main__":
    main()
