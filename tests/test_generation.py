"""Pages come from data: a new YAML file is a new page and navigation entry; data is read once per build."""

from __future__ import annotations

import pytest
from conftest import ROOT, build, page_url


def test_adding_a_plan_file_adds_its_page_and_navigation_entry(project):
    src = project / "data/plans/2026/ubnd-xa-vinh-thuy-pckb-2026.yml"
    text = src.read_text(encoding="utf-8")
    text = (
        text.replace("ubnd-xa-vinh-thuy-pckb-2026", "ubnd-xa-vinh-linh-pckb-2026")
        .replace("VĨNH THỦY", "VĨNH LINH")
        .replace("Vĩnh Thủy", "Vĩnh Linh")
        .replace("Thái Nam Sơn", "")
    )
    text = text.replace("  name: \n", "\n")
    (project / "data/plans/2026/ubnd-xa-vinh-linh-pckb-2026.yml").write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = project / "site" / page_url("ke-hoach/phong-chong-khung-bo/ubnd-xa-vinh-linh-pckb-2026.md")
    html = page.read_text(encoding="utf-8")
    assert 'data-plan="ubnd-xa-vinh-linh-pckb-2026"' in html
    assert "UBND xã Vĩnh Linh ban hành Kế hoạch triển khai công tác phòng, chống khủng bố năm 2026" in html
    home = (project / "site/index.html").read_text(encoding="utf-8")
    assert 'href="ke-hoach/phong-chong-khung-bo/ubnd-xa-vinh-linh-pckb-2026.html"' in home
    assert "UBND xã Vĩnh Linh (2026)" in home


@pytest.mark.build
def test_data_is_loaded_once_per_build(tmp_path, monkeypatch):
    """Run a real build in this process and count reads of data/."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from macros.load import catalogue
    from macros.site import build as site_build

    loads = []
    real = catalogue.load
    monkeypatch.setattr(site_build, "load", lambda *a, **k: loads.append(1) or real(*a, **k))

    def one_build():
        before = len(loads)
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        mkdocs_build(config)
        return len(loads) - before

    assert one_build() == 1
    assert one_build() == 1  # a second build (as under `mkdocs serve`) reads data again, once
