#!/usr/bin/python3
"""Executes a notebook headless with Debian's nbclient against a Jupyter kernelspec and writes the executed notebook.

Usage: run_nbclient.py KERNEL_NAME IN.ipynb OUT.ipynb
Cell errors are kept in the outputs (the caller checks them); a kernel that dies or a cell that times out fails (exit 1).
"""
import sys

try:
    import nbformat
    from nbclient import NotebookClient
except ImportError as error:
    print(f"MISSING-DEPENDENCY: {error}; install python3-nbclient", file=sys.stderr)
    sys.exit(3)


def main():
    kernel_name, source, target = sys.argv[1:4]
    notebook = nbformat.read(source, as_version=4)
    client = NotebookClient(notebook, kernel_name=kernel_name, timeout=300, allow_errors=True, startup_timeout=120)
    client.execute()
    nbformat.write(notebook, target)


if __name__ == "__main__":
    main()
