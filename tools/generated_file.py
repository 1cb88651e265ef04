"""Writing build outputs: a file is rewritten only when its text changed, so
what depends on it is not rebuilt needlessly."""
import os


def write_if_changed(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            if handle.read() == text:
                return
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
