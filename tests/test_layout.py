"""The repository layout keeps the standard library and the two layers intact."""
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_nothing_shadows_the_standard_library_platform_module():
    result = subprocess.run(
        [sys.executable, "-c", "import platform, torch; platform.system(); print(platform.__file__)"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert not result.stdout.strip().startswith(str(ROOT))
    assert not (ROOT / "platform" / "__init__.py").exists()


def test_domain_libraries_never_import_django():
    for library in ("generation", "safety", "provenance"):
        for path in (ROOT / library).rglob("*.py"):
            tree = ast.parse(path.read_text())
            for node in ast.walk(tree):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                assert not any(n == "django" or n.startswith("django.") for n in names), path


def test_the_audit_chain_module_stays_free_of_django():
    tree = ast.parse((ROOT / "platform" / "audit" / "chain.py").read_text())
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(name and name.startswith("django") for name in imported)
