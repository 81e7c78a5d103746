"""Writes NAME.golden.json: serve.py's whole answers to the steps of each NAME.json here (contract step
format, run by tests/server/test_contract.py's Run at T0), which tests/demo/test_contract.cpp
compares with the demo backend's. Run from the repository root after changing serve.py:
    python3 tests/demo/parity/make_parity_golden.py
With --check it writes nothing and fails when a golden file is not serve.py's answers today
(a CTest case), so serve.py cannot drift from the answers the demo backend is held to.
"""
import json
import os
import shutil
import sys
import tempfile
import threading

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", ".."))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "src", "server"))
from tests.server import test_contract  # noqa: E402
from trash_server import jsonio  # noqa: E402
from trash_server.httpd import TrashServer  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
# Differ run to run and backend to backend (an action's listingVersion has a before and an after).
OPAQUE = ("csrfToken", "version", "nextCursor", "before", "after")


def mask(value):
    if isinstance(value, dict):
        return {k: "(masked)" if k in OPAQUE and isinstance(v, str) else mask(v) for k, v in value.items()}
    if isinstance(value, list):
        return [mask(v) for v in value]
    return value


def record(name, check=False):
    with open(os.path.join(HERE, name + ".json"), encoding="utf-8") as f:
        walk = json.load(f)
    folder = tempfile.mkdtemp(prefix="trash-parity-")
    try:
        db_path = os.path.join(folder, "trash.db")
        shutil.copyfile(test_contract.template_db(), db_path)
        server = TrashServer(("127.0.0.1", 0), db_path, folder, log=lambda line: None)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
        thread.start()
        run = test_contract.Run(db_path, server.server_address[1], test_contract.fixture_passwords())
        jsonio.clock = lambda: run.now
        answers = []
        try:
            for step in walk["steps"]:
                status, answer, _ = run.step(step)
                answers.append({"status": status, "answer": mask(answer)})
                for saved_as, pointer in step.get("save", {}).items():
                    run.saved[saved_as] = test_contract.resolve_pointer(answer, pointer)
        finally:
            server.shutdown()
            server.server_close()
            thread.join(5)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    path = os.path.join(HERE, name + ".golden.json")
    if check:
        with open(path, encoding="utf-8") as f:
            same = json.load(f) == answers
        print("%s: %s" % (name, "serve.py answers as recorded" if same else "serve.py answers differently now; "
                                  "rerun this script and check the demo backend"))
        return same
    with open(path, "w", encoding="utf-8") as f:
        json.dump(answers, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("%s: wrote %d answers" % (name, len(answers)))
    return True


def main():
    check = "--check" in sys.argv[1:]
    ok = True
    for file_name in sorted(os.listdir(HERE)):
        if file_name.endswith(".json") and not file_name.endswith(".golden.json"):
            ok = record(file_name[:-len(".json")], check) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
