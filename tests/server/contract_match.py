"""The pattern language of tests/contract scenarios (README there, "expect"): matching an answer
against a pattern and naming where it differs, JSON pointers for "save", and ${name} substitution.
Pure functions, so tests/server/test_contract.py can check them on their own.
"""
import json
import re


class Mismatch(Exception):
    """Where (a JSON pointer into the answer) and how an answer differs from the pattern."""

    def __init__(self, pointer, message):
        super().__init__("%s: %s" % (pointer or "/", message))


def _kind(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(value)]


def short(value):
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 200 else text[:200] + "..."


def _is_operator(pattern):
    return isinstance(pattern, dict) and len(pattern) == 1 and next(iter(pattern)).startswith("$")


def match(pattern, value, saved, pointer=""):
    """Raise Mismatch unless `value` matches `pattern` (the README's `expect.json` rules)."""
    if _is_operator(pattern):
        return _match_operator(pattern, value, saved, pointer)
    if isinstance(pattern, dict):
        if not isinstance(value, dict):
            raise Mismatch(pointer, "expected an object, got %s" % short(value))
        for key, sub in pattern.items():
            here = "%s/%s" % (pointer, key.replace("~", "~0").replace("/", "~1"))
            if sub == {"$absent": True}:
                if key in value:
                    raise Mismatch(here, "expected no such key, got %s" % short(value[key]))
            elif key not in value:
                raise Mismatch(here, "missing")
            else:
                match(sub, value[key], saved, here)
    elif isinstance(pattern, list):
        if not isinstance(value, list):
            raise Mismatch(pointer, "expected an array, got %s" % short(value))
        if len(value) != len(pattern):
            raise Mismatch(pointer, "expected %d elements, got %d: %s" % (len(pattern), len(value), short(value)))
        for i, (sub, element) in enumerate(zip(pattern, value)):
            match(sub, element, saved, "%s/%d" % (pointer, i))
    elif _kind(pattern) != _kind(value) or pattern != value:
        raise Mismatch(pointer, "expected %s, got %s" % (short(pattern), short(value)))


def _number(value, pointer):
    if _kind(value) != "number":
        raise Mismatch(pointer, "expected a number, got %s" % short(value))
    return value


def _match_operator(pattern, value, saved, pointer):
    op, arg = next(iter(pattern.items()))
    if op == "$len":
        if not isinstance(value, (list, str)) or len(value) != arg:
            raise Mismatch(pointer, "expected length %d, got %s" % (arg, short(value)))
    elif op == "$gte":
        if _number(value, pointer) < arg:
            raise Mismatch(pointer, "expected >= %s, got %s" % (arg, value))
    elif op == "$lte":
        if _number(value, pointer) > arg:
            raise Mismatch(pointer, "expected <= %s, got %s" % (arg, value))
    elif op == "$type":
        if _kind(value) != arg:
            raise Mismatch(pointer, "expected a %s, got %s" % (arg, short(value)))
    elif op == "$contains":
        if not isinstance(value, list):
            raise Mismatch(pointer, "expected an array, got %s" % short(value))
        if not any(_matches(arg, element, saved) for element in value):
            raise Mismatch(pointer, "no element matches %s in %s" % (short(arg), short(value)))
    elif op == "$each":
        if not isinstance(value, list):
            raise Mismatch(pointer, "expected an array, got %s" % short(value))
        for i, element in enumerate(value):
            match(arg, element, saved, "%s/%d" % (pointer, i))
    elif op == "$saved":
        if arg not in saved:
            raise Mismatch(pointer, "nothing saved as %r" % arg)
        match(saved[arg], value, saved, pointer)
    elif op == "$prefix":
        if not isinstance(value, str) or not value.startswith(arg):
            raise Mismatch(pointer, "expected a string starting with %r, got %s" % (arg, short(value)))
    elif op == "$absent":
        raise Mismatch(pointer, "$absent is only valid as an object member")
    else:
        raise Mismatch(pointer, "unknown operator %s in the scenario" % op)


def _matches(pattern, value, saved):
    try:
        match(pattern, value, saved)
    except Mismatch:
        return False
    return True


def resolve_pointer(document, pointer):
    """The value at an RFC 6901 JSON pointer; KeyError when there is none."""
    value = document
    for token in pointer.split("/")[1:] if pointer else []:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        elif isinstance(value, dict) and token in value:
            value = value[token]
        else:
            raise KeyError(pointer)
    return value


def substitute(value, saved):
    """`${name}` in strings (recursively) replaced by the saved value."""
    if isinstance(value, str):
        def one(found):
            if found.group(1) not in saved:
                raise KeyError("nothing saved as %r" % found.group(1))
            sub = saved[found.group(1)]
            return sub if isinstance(sub, str) else json.dumps(sub)
        return re.sub(r"\$\{([^}]+)\}", one, value)
    if isinstance(value, list):
        return [substitute(v, saved) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, saved) for k, v in value.items()}
    return value
