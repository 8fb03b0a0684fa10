"""Entry point of a query worker process: ``python -m server.query_worker PATH FD [--write]``."""

import sys

from server.executor import serve_jobs

if __name__ == "__main__":
    serve_jobs(sys.argv[1], int(sys.argv[2]), write="--write" in sys.argv[3:])
