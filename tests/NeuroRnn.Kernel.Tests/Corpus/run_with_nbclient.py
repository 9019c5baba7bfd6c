#!/usr/bin/python3
"""Executes one notebook headless with Debian's nbclient against an installed kernelspec and writes the result.

usage: run_with_nbclient.py NOTEBOOK KERNEL_NAME OUTPUT [--allow-errors] [--timeout SECONDS]
The kernel's working directory is the notebook's folder (as in Jupyter). Exit code 0 when the run completed (with
--allow-errors, cells may have failed), 1 when a cell failed without it, 3 when nbclient is missing.
"""
import argparse
import os
import sys

try:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
except ImportError as error:
    print(f"MISSING-DEPENDENCY: {error}; install python3-nbclient (and python3-nbformat)", file=sys.stderr)
    sys.exit(3)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("notebook")
    parser.add_argument("kernel_name")
    parser.add_argument("output")
    parser.add_argument("--allow-errors", action="store_true")
    parser.add_argument("--timeout", type=int, default=600)
    args = parser.parse_args()

    notebook = nbformat.read(args.notebook, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name=args.kernel_name,
        timeout=args.timeout,
        allow_errors=args.allow_errors,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(args.notebook))}},
    )
    status = 0
    try:
        client.execute()
    except CellExecutionError as error:
        print(f"CELL-FAILED: {error}", file=sys.stderr)
        status = 1
    nbformat.write(notebook, args.output)
    return status


if __name__ == "__main__":
    sys.exit(main())
