"""A value containing HTML, Markdown or Jinja is printed as the characters written."""

from __future__ import annotations

import re

from conftest import build

EVIL = {
    "html": "<script>alert('x')</script><b>đậm</b>",
    "markdown": "**đậm** _nghiêng_ [liên kết](http://example.invalid) # tiêu đề `mã`",
    "jinja": "{{ config }} {% if true %}có{% endif %} {{config.site_name}} {# ghi chú #}",
}

PLAN = """\
id: thu-nghiem-du-lieu-2026
plan_type: phong-chong-khung-bo
year: 2026
level: xa
issuer:
  name: "ỦY BAN NHÂN DÂN XÃ {html}"
  short: "UBND xã {markdown}"
place: "{jinja}"
title: "Tiêu đề {html} {markdown} {jinja}"
preamble: "Mở đầu {jinja} {markdown}"
sections:
  nhiem-vu:
    content:
      - "{markdown}"
      - bullets:
          - "{html}"
          - text: "{jinja}"
            bullets: ["{markdown}"]
      - items:
          - title: "{html}"
            text: "{markdown}"
            executor: "{jinja}"
recipients: ["{html}", "Lưu: VT."]
signature:
  authority: "TM. {markdown}"
  title: "{jinja}"
  name: "{html}"
"""


def yaml_quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def test_html_markdown_and_jinja_in_data_render_as_inert_text(project):
    text = PLAN.format(**{k: yaml_quoted(v) for k, v in EVIL.items()})
    (project / "data/plans/2026/thu-nghiem.yml").write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site/ke-hoach/phong-chong-khung-bo/thu-nghiem-du-lieu-2026.html").read_text(encoding="utf-8")
    body = page[page.index('data-plan="thu-nghiem-du-lieu-2026"') :]
    # HTML stays text
    assert "<script>alert" not in page and "<b>đậm</b>" not in page
    assert (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;đậm&lt;/b&gt;" in body
        or "&lt;script&gt;alert('x')&lt;/script&gt;&lt;b&gt;đậm&lt;/b&gt;" in body
    )
    # Markdown stays text
    assert "**đậm** _nghiêng_ [liên kết](http://example.invalid) # tiêu đề `mã`" in body
    assert 'example.invalid"' not in body and "<strong>đậm" not in body and "<em>nghiêng" not in body
    # Jinja stays text: the site's configuration is not printed
    assert "{{ config }} {% if true %}có{% endif %} {{config.site_name}} {# ghi chú #}" in body
    assert "Mẫu kế hoạch an ninh, trật tự {%" not in body
    # no backslash from escaping survives on the page
    assert not re.search(r"\\[*_\[\]{}#`<>-]", body)
    # the navigation entry (built from data) is escaped too
    nav = (project / "site/index.html").read_text(encoding="utf-8")
    assert "UBND xã **đậm**" in nav and "<strong>đậm" not in nav
