#!/usr/bin/python3
"""Runs Jupyter's own kernel test suite (jupyter_kernel_test, Debian's python3-jupyter-kernel-test) against the
NeuroRnn C# and F# kernels, with every sample the suite knows set, so no standard test is skipped.

Usage: jupyter_kernel_test_suite.py --kernel-name NAME --language csharp|fsharp
The kernelspec NAME must be on JUPYTER_PATH. Prints one JSON line per test (and per failing subtest):
{"test": "test_completion", "outcome": "pass"|"fail"|"error"|"skip", "detail": "..."}, then a summary line.
"""
import argparse
import json
import sys
import unittest

try:
    import jupyter_kernel_test
    from jupyter_client.manager import start_new_kernel
except ImportError as error:  # the xunit test turns this into a failure naming the Debian package
    print(f"MISSING-DEPENDENCY: {error}; install python3-jupyter-kernel-test", file=sys.stderr)
    sys.exit(3)

# First cells compile the engine (seconds, more on a loaded machine); the suite's own 15 s reply timeout is meant
# for protocol round trips, so each kernel runs one warm-up cell before the suite starts.
WARM_UP_TIMEOUT = 300

SAMPLES = {
    "csharp": dict(
        language_name="C#",
        file_extension=".cs",
        warm_up='var warm = 1 + 1;',
        code_hello_world='Console.WriteLine("hello, world");',
        code_stderr='Console.Error.WriteLine("to stderr");',
        completion_samples=[
            {"text": "Console.WriteL", "matches": {"WriteLine"}},
            {"text": "System.Collections.Generic.Dictiona", "matches": {"Dictionary"}},
            {"text": "new[] { 3, 1, 2 }.OrderByDesc", "matches": {"OrderByDescending"}},
            {"text": "Math.Sqr", "matches": {"Sqrt"}},
            {"text": "var greetingText = \"hi\"; greetingText.ToUpperInv", "matches": {"ToUpperInvariant"}},
        ],
        complete_code_samples=["1 + 1", "var x = 1;", 'Console.WriteLine("a");', "class C { }", ""],
        incomplete_code_samples=["if (true) {", "Console.WriteLine(", "var list = new List<int> {", "/* comment"],
        invalid_code_samples=["var x = 1; }", "int[] a = { 1 ];"],
        code_page_something="Console.WriteLine?",
        code_generate_error='throw new InvalidOperationException("boom");',
        code_execute_result=[
            {"code": "6 * 7", "result": "42"},
            {"code": "Math.Max(2, 5)", "result": "5"},
            {"code": "\"text\".Length", "result": "4"},
        ],
        code_display_data=[
            {"code": 'display("shown");', "mime": "text/plain"},
            {"code": 'displayAs(new[] { 1, 2, 3 }, "text/html");', "mime": "text/html"},
        ],
        code_history_pattern="6 [*] ?",
        supported_history_operations=("tail", "range", "search"),
        code_inspect_sample="Console.WriteLine",
        code_clear_output='Console.WriteLine("soon gone"); clearOutput();',
    ),
    "fsharp": dict(
        language_name="F#",
        file_extension=".fs",
        warm_up="let warm = 1 + 1",
        code_hello_world='printfn "hello, world"',
        code_stderr='eprintfn "to stderr"',
        completion_samples=[
            {"text": "System.Console.WriteL", "matches": {"WriteLine"}},
            {"text": "List.mapF", "matches": {"mapFold", "mapFoldBack"}},
            {"text": "let greetingText = \"hi\"\ngreetingText.ToUpperInv", "matches": {"ToUpperInvariant"}},
        ],
        complete_code_samples=["1 + 1", "let x = 1", 'printfn "a"', "type R = { A: int }", ""],
        incomplete_code_samples=["let f x =", "(1 + ", "[1; 2", "let s = \"\"\"abc", "(* comment"],
        invalid_code_samples=["1 + 2)", "let x = 1 ]"],
        code_page_something="List.map?",
        code_generate_error='failwith "boom"',
        code_execute_result=[
            {"code": "6 * 7", "result": "42"},
            {"code": "max 2 5", "result": "5"},
            {"code": "\"text\".Length", "result": "4"},
        ],
        code_display_data=[
            {"code": 'display "shown" |> ignore', "mime": "text/plain"},
            {"code": 'displayAs([| 1; 2; 3 |], "text/html") |> ignore', "mime": "text/html"},
        ],
        code_history_pattern="6 [*] ?",
        supported_history_operations=("tail", "range", "search"),
        code_inspect_sample="List.map",
        code_clear_output='printfn "soon gone"\nclearOutput()',
    ),
}


def suite_for(kernel_name, language):
    samples = dict(SAMPLES[language])
    warm_up = samples.pop("warm_up")

    class NeuroRnnKernelTests(jupyter_kernel_test.KernelTests):
        @classmethod
        def setUpClass(cls):
            cls.km, cls.kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=WARM_UP_TIMEOUT)
            reply = cls.kc.execute_interactive(warm_up, timeout=WARM_UP_TIMEOUT)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"the warm-up cell failed: {reply['content']}")

    NeuroRnnKernelTests.kernel_name = kernel_name
    for name, value in samples.items():
        setattr(NeuroRnnKernelTests, name, value)
    NeuroRnnKernelTests.__name__ = f"KernelTests_{language}"
    return unittest.defaultTestLoader.loadTestsFromTestCase(NeuroRnnKernelTests)


class JsonResult(unittest.TestResult):
    """Collects one outcome per test method; a failing or skipped subtest marks its whole test."""

    def __init__(self):
        super().__init__()
        self.outcomes = {}

    @staticmethod
    def method(test):
        test = getattr(test, "test_case", test)  # a subtest reports through its parent test
        return getattr(test, "_testMethodName", str(test))

    def mark(self, test, outcome, detail=""):
        name = self.method(test)
        previous = self.outcomes.get(name)
        order = ["pass", "skip", "fail", "error"]
        if previous is None or order.index(outcome) > order.index(previous["outcome"]):
            self.outcomes[name] = {"test": name, "outcome": outcome, "detail": detail}
        elif outcome != "pass" and detail:
            previous["detail"] += "\n" + detail

    def addSuccess(self, test):
        self.mark(test, "pass")

    def addFailure(self, test, err):
        self.mark(test, "fail", self._exc_info_to_string(err, test))

    def addError(self, test, err):
        self.mark(test, "error", self._exc_info_to_string(err, test))

    def addSkip(self, test, reason):
        self.mark(test, "skip", f"{test}: skipped ({reason})")

    def addSubTest(self, test, subtest, err):
        if err is None:
            self.mark(subtest, "pass")
        elif issubclass(err[0], test.failureException):
            self.mark(subtest, "fail", f"{subtest}: {self._exc_info_to_string(err, test)}")
        else:
            self.mark(subtest, "error", f"{subtest}: {self._exc_info_to_string(err, test)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kernel-name", required=True)
    parser.add_argument("--language", choices=sorted(SAMPLES), required=True)
    args = parser.parse_args()
    result = JsonResult()
    suite_for(args.kernel_name, args.language).run(result)
    for outcome in sorted(result.outcomes.values(), key=lambda o: o["test"]):
        print(json.dumps(outcome), flush=True)
    for test, trace in result.errors:  # setUpClass failures have no test method
        if not hasattr(test, "_testMethodName"):
            print(json.dumps({"test": str(test), "outcome": "error", "detail": trace}), flush=True)
    print(json.dumps({"summary": True, "jupyter_kernel_test": jupyter_kernel_test.__version__}), flush=True)


if __name__ == "__main__":
    main()
