"""Entry point of a query worker process:
``python -m server.query_worker PATH FD [--write] [--memory MB]``."""

import argparse

from server.executor import serve_jobs

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("fd", type=int)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--memory", type=int, metavar="MB")
    args = parser.parse_args()
    serve_jobs(args.path, args.fd, write=args.write, memory_mb=args.memory)
