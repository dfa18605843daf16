"""The apps depend one way, read from their source (not from what a run happens to import):

    readingroom (caching, loading, middleware)  <-  cables  <-  comments  <-  pages

`cables` knows nothing of comments, `comments` nothing of the pages that join both, and
`operations` and the development tool `corpus` stand beside them on `cables`. The project's
urls.py and settings (the composition root) may name anything. Views are only views: no
module imports one but a URLconf. Migrations import nothing live, so that what they do does
not change when the code does.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What each part may import of the project, besides itself.
ALLOWED = {
    "readingroom": set(),
    "accounts": {"readingroom"},
    "cables": {"readingroom"},
    "comments": {"readingroom", "accounts", "cables"},
    "pages": {"readingroom", "accounts", "cables", "comments"},
    "operations": {"readingroom", "cables"},
    "corpus": {"readingroom", "cables"},
    "devtools": set(),
}
COMPOSITION_ROOT = {"readingroom/urls.py", "readingroom/settings.py"}


def imported(path: Path) -> list[tuple[int, str]]:
    """(line, dotted name) of every module `path` imports, however deep in the file (a lazy
    import inside a function counts the same)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from cables import views` imports cables.views.
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def modules(part: str) -> list[Path]:
    return sorted((ROOT / part).rglob("*.py"))


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def back_imports(part: str, files: list[Path]) -> list[str]:
    wrong = []
    for path in files:
        if relative(path) in COMPOSITION_ROOT or "migrations" in path.parts:
            continue
        for line, name in imported(path):
            top = name.split(".")[0]
            if top in ALLOWED and top != part and top not in ALLOWED[part]:
                wrong.append(f"{relative(path)}:{line} imports {name}")
    return wrong


def views_imports(files: list[Path]) -> list[str]:
    wrong = []
    for path in files:
        if path.name == "urls.py":
            continue
        for line, name in imported(path):
            parts = name.split(".")
            if parts[0] in ALLOWED and "views" in parts[1:]:
                wrong.append(f"{relative(path)}:{line} imports {name}")
    return wrong


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_each_part_imports_only_the_parts_below_it(part):
    assert back_imports(part, modules(part)) == []


def test_no_module_but_a_urlconf_imports_a_views_module():
    assert views_imports([path for part in ALLOWED for path in modules(part)]) == []


def test_migrations_import_nothing_of_the_project():
    wrong = [
        f"{relative(path)}:{line} imports {name}"
        for part in ALLOWED
        for path in (ROOT / part).glob("migrations/*.py")
        for line, name in imported(path)
        if name.split(".")[0] not in {"django", "taggit"}
    ]
    assert wrong == []


def test_the_checks_see_a_back_import(tmp_path):
    """The checks above fail on a cables module importing comments or pages, even lazily, and
    on a module importing a view."""
    module = tmp_path / "cables" / "sneaky.py"
    module.parent.mkdir()
    module.write_text(
        "from cables import views\n"
        "def late():\n"
        "    from comments.models import Comment\n"
        "    from pages.views import cable\n"
    )
    assert back_imports("cables", [module]) == [
        f"{module}:3 imports comments.models.Comment",
        f"{module}:4 imports pages.views.cable",
    ]
    assert views_imports([module]) == [
        f"{module}:1 imports cables.views",
        f"{module}:4 imports pages.views.cable",
    ]
