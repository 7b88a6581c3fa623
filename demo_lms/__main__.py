"""`python -m demo_lms`: run the demo LMS standalone, or print its registration values as JSON."""
import argparse
import json
import sys
from pathlib import Path

from demo_lms.registration import registration_values


def parse_args(argv):
    """The command line options."""
    parser = argparse.ArgumentParser(prog="python -m demo_lms", description="Leernetwerk's demo LMS.")
    parser.add_argument("--host", default="127.0.0.1", help="Interface to listen on (default 127.0.0.1).")
    parser.add_argument("--port", type=int, default=5000, help="Port to listen on (default 5000).")
    parser.add_argument("--tool-url", default="http://localhost:5001", help="Base URL of the Leernetwerk tool.")
    parser.add_argument("--lms-url", default=None, help="This LMS's own base URL (its issuer); "
                                                        "default http://127.0.0.1:PORT.")
    parser.add_argument("--instance", default=str(Path("instance") / "demo_lms"),
                        help="Folder for the LMS's SQLite file and key (default instance/demo_lms).")
    parser.add_argument("--platform-storage", action="store_true",
                        help="Offer the tool LTI postMessage storage (lti_storage_target) for cookie-less browsers.")
    parser.add_argument("--like-moodle", action="store_true",
                        help="Be as strict as Moodle: single-use login hints, no platform storage.")
    parser.add_argument("--print-registration", action="store_true",
                        help="Print the values to register this LMS in the tool, as JSON, and exit.")
    return parser.parse_args(argv)


def main(argv=None):
    """Run the server (Werkzeug, threaded) or print the registration."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    lms_url = (args.lms_url or f"http://127.0.0.1:{args.port}").rstrip("/")
    if args.print_registration:
        print(json.dumps(registration_values(lms_url), indent=2))
        return 0
    from werkzeug.serving import run_simple

    from demo_lms.app import create_demo_lms

    app = create_demo_lms(args.tool_url, lms_url, args.instance, platform_storage=args.platform_storage,
                          like_moodle=args.like_moodle)
    print(f"Demo LMS at {lms_url}/ (tool: {args.tool_url}); state in {args.instance}", flush=True)
    run_simple(args.host, args.port, app, threaded=True, use_reloader=False, use_debugger=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
