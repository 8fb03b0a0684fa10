"""Entry point of a page-task worker process:
``python -m server.task_worker PATH FD [--memory MB]``."""

import argparse

from server.tasks import serve_tasks

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("fd", type=int)
    parser.add_argument("--memory", type=int, metavar="MB")
    args = parser.parse_args()
    serve_tasks(args.path, args.fd, memory_mb=args.memory)
