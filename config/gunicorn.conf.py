"""Gunicorn settings for production: `gunicorn -c config/gunicorn.conf.py "lti_tool:create_app()"`."""
import multiprocessing
import os

bind = os.environ.get("LEERNETWERK_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("LEERNETWERK_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# One thread: gunicorn's synchronous worker. bench/live.py on 2 cores measured a request 25 % cheaper than
# with 2 threads (gthread's selector, queue and keep-alive bookkeeping, and two threads taking turns at the
# GIL) and the vote p99 at 160–200 ms instead of 240–290. Sync workers expect a reverse proxy that buffers
# slow clients (nginx does by default); more threads (gthread) suit a deployment without one.
threads = int(os.environ.get("LEERNETWERK_THREADS", 1))
timeout = 30
graceful_timeout = 20
keepalive = 5
# Application processes hold no state of their own; load the app in each worker after fork so
# database pools and key caches are per process.
preload_app = False
# The app writes one line per request itself (lti_tool/request_log.py: request id, route, status, time, no
# IP address); gunicorn's own access log repeats it with the client's address, so it is off unless asked for.
# Measured: 7 % of a worker's CPU in a launch (bench/launch.py).
accesslog = "-" if os.environ.get("LEERNETWERK_ACCESS_LOG", "").strip() not in ("", "0") else None
# The path only (%(U)s), never the query string or the referrer: links carry launch tokens.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms "%(a)s"'
forwarded_allow_ips = os.environ.get("LEERNETWERK_FORWARDED_ALLOW_IPS", "127.0.0.1")


def on_starting(server):
    """Check the configuration and the database once, in the master, before any worker forks.

    A problem ends gunicorn with one clear message instead of workers failing and restarting for ever.
    """
    from config.checks import check_environment
    from lti_tool.health import check_ready_or_exit

    check_environment()
    check_ready_or_exit()
