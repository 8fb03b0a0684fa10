"""Entry point of a page-task worker process: ``python -m server.task_worker PATH FD``."""

import sys

from server.tasks import serve_tasks

if __name__ == "__main__":
    serve_tasks(sys.argv[1], int(sys.argv[2]))
