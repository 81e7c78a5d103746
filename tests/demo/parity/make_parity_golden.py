"""Writes NAME.golden.json: serve.py's whole answers to the steps of each NAME.json here (contract step
format, run by tests/server/test_contract.py's Run at T0), which tests/demo/test_parity.cpp
compares with the demo backend's. Run from the repository root after changing serve.py:
    python3 tests/demo/parity/make_parity_golden.py
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
OPAQUE = ("csrfToken", "version", "nextCursor")  # differ run to run and backend to backend


def mask(value):
    if isinstance(value, dict):
        return {k: "(masked)" if k in OPAQUE and isinstance(v, str) else mask(v) for k, v in value.items()}
    if isinstance(value, list):
        return [mask(v) for v in value]
    return value


def record(name):
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
    with open(os.path.join(HERE, name + ".golden.json"), "w", encoding="utf-8") as f:
        json.dump(answers, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("%s: wrote %d answers" % (name, len(answers)))


def main():
    for file_name in sorted(os.listdir(HERE)):
        if file_name.endswith(".json") and not file_name.endswith(".golden.json"):
            record(file_name[:-len(".json")])


if __name__ == "__main__":
    main()
