"""Copy buttons in a real browser: every block of sample wording and every part of
a filled plan has one, one more copies the whole plan; what lands on the
clipboard is the wording alone, Vietnamese intact; the keyboard is enough."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import page_url

from macros.load import load
from macros.model import document
from macros.site import urls

CAT = load()
# The reference samples (data/plans/) by id.
PLANS = {e.id: e.plan for e in CAT.samples.values()}
PLAN = PLANS["bcd-pckb-tinh-thanh-hoa-2024"]
CLIPBOARD = ["clipboard-read", "clipboard-write"]
# Page chrome that must never be copied with the wording.
NOT_WORDING = ["Sao chép", "Đã sao chép", "¶", "Nội dung mẫu", "Loại kế hoạch", "Tình trạng", "Tìm kiếm", "<", ">"]


def url(src_path: str) -> str:
    return "/" + page_url(src_path)


def open_page(served_site, new_page, src_path):
    page = new_page(permissions=CLIPBOARD)
    page.goto(served_site + url(src_path))
    page.evaluate("navigator.clipboard.writeText('')")
    return page


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def visible_label(button) -> str:
    return button.locator(".plan-copy__label").inner_text()


def assert_clean(text: str):
    assert text.strip()
    for chrome in NOT_WORDING:
        assert chrome not in text, chrome
    assert unicodedata.is_normalized("NFC", text)
    assert "  " not in text and not any(line != line.strip() for line in text.splitlines())


def block_texts(blocks) -> list[str]:
    """Sentences of a plan part as data gives them (paragraphs, bullets, items)."""
    out = []
    for b in blocks:
        if isinstance(b, document.Paragraph):
            out.append(b.text)
        elif isinstance(b, document.BulletList):
            for line in b.lines:
                out.append(line.text)
                out.extend(line.sub)
        else:
            out.extend(t for t in (getattr(b, "title", None), getattr(b, "text", None)) if t)
            out.extend(block_texts(getattr(b, "blocks", [])))
    return [str(t) for t in out]


@pytest.mark.parametrize("plan_type_id", list(CAT.plan_types))
def test_every_sample_block_has_a_copy_button(served_site, new_page, plan_type_id):
    page = open_page(served_site, new_page, urls.plan_type_path(plan_type_id))
    samples = page.locator(".plan-sample")
    assert samples.count() >= 3
    for i in range(samples.count()):
        button = samples.nth(i).locator(":scope > button.plan-copy")
        assert button.count() == 1
        assert visible_label(button) == "Sao chép"


@pytest.mark.parametrize("plan_id", list(PLANS))
def test_every_part_of_a_plan_and_the_whole_plan_have_a_copy_button(served_site, new_page, plan_id):
    page = open_page(served_site, new_page, urls.plan_path(PLANS[plan_id]))
    parts = page.locator(".plan-doc h2")
    assert parts.count() == len(CAT.plan(plan_id).doc.parts)
    for i, p in enumerate(CAT.plan(plan_id).doc.parts):
        part = parts.nth(i).locator("xpath=..")
        assert part.evaluate("e => e.classList.contains('plan-part')")
        button = part.locator(":scope > button.plan-copy")
        assert visible_label(button) == "Sao chép"
        # its name for screen readers says which part
        assert page.get_by_role("button", name=f"Sao chép phần {p.number}. {p.heading}", exact=True).count() == 1
    whole = page.get_by_role("button", name="Sao chép toàn bộ kế hoạch")
    assert whole.count() == 1
    assert whole.evaluate("b => b.closest('[data-plan]') === null"), "outside the printed plan"


def test_copying_a_sample_gives_the_wording_alone(served_site, new_page):
    pt = CAT.plan_types["phong-chong-khung-bo"]
    part = CAT.type_samples[pt.id].parts[1]
    page = open_page(served_site, new_page, urls.plan_type_path(pt.id))
    sample = page.locator(".plan-sample", has=page.locator("p.plan-sample__label")).nth(1)
    sample.locator("button.plan-copy").click()
    text = clipboard(page)
    assert_clean(text)
    lines = text.splitlines()
    for sentence in block_texts(part.blocks):
        assert any(sentence in line for line in lines), sentence
    # bullets keep the marker the page shows
    assert any(line.startswith("- ") for line in lines)


def test_copying_a_part_gives_that_part_in_order(served_site, new_page):
    doc = CAT.plan(PLAN.id).doc
    page = open_page(served_site, new_page, urls.plan_path(PLAN))
    page.locator(".plan-part").nth(1).locator("button.plan-copy").click()
    text = clipboard(page)
    assert_clean(text)
    lines = text.splitlines()
    assert lines[0] == f"{doc.parts[1].number}. {doc.parts[1].heading}"
    at = 0
    for sentence in block_texts(doc.parts[1].blocks):
        at = next(i for i, line in enumerate(lines) if i >= at and sentence in line)
    # nothing of the other parts
    assert doc.parts[0].heading not in text and doc.parts[2].heading not in text


def test_one_action_copies_the_whole_plan_in_order(served_site, new_page):
    doc = CAT.plan(PLAN.id).doc
    page = open_page(served_site, new_page, urls.plan_path(PLAN))
    page.get_by_role("button", name="Sao chép toàn bộ kế hoạch").click()
    text = clipboard(page)
    assert_clean(text)
    lines = text.splitlines()
    expected = [
        "BAN CHỈ ĐẠO PHÒNG, CHỐNG KHỦNG BỐ TỈNH THANH HÓA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "KẾ HOẠCH",
        str(doc.title),
    ]
    expected += [f"{p.number}. {p.heading}" for p in doc.parts]
    expected += ["Nơi nhận:", "- Lưu: VT, KSTTHCNC.", "TRƯỞNG BAN", "Đỗ Minh Tuấn"]
    at = -1
    for line in expected:
        assert line in lines[at + 1 :], line
        at = lines.index(line, at + 1)
    # the four lines sharing one note: the note ends the last of them
    assert "- Chủ tịch, các PCT UBND tỉnh } (để b/c);" in lines


def test_copy_buttons_work_from_the_keyboard_with_a_visible_confirmation(served_site, new_page):
    page = open_page(served_site, new_page, urls.plan_path(PLAN))
    whole = page.locator("button.plan-copy--all")
    assert whole.inner_text() == "Sao chép toàn bộ kế hoạch"
    for _ in range(80):
        page.keyboard.press("Tab")
        if whole.evaluate("b => b === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reaches the copy button")
    page.keyboard.press("Enter")
    page.wait_for_function("b => b.innerText === 'Đã sao chép'", arg=whole.element_handle())
    assert "KẾ HOẠCH" in clipboard(page)
    page.wait_for_function("() => document.querySelector('[role=status]').textContent === 'Đã sao chép'")
    # Tab goes on (past the links of the opening paragraph's citations) to the first part's button
    part_button = page.locator(".plan-part").first.locator("button.plan-copy")
    for _ in range(20):
        page.keyboard.press("Tab")
        if part_button.evaluate("b => b === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reaches the first part's copy button")
    page.keyboard.press("Space")
    label = part_button.locator(".plan-copy__label").element_handle()
    page.wait_for_function("l => l.textContent === 'Đã sao chép'", arg=label)
    assert clipboard(page).startswith("I. ")
    assert part_button.locator(".plan-copy__label").is_visible()
    page.wait_for_function(
        "() => document.querySelector('[role=status]').textContent.startsWith('Đã sao chép phần I. ')"
    )
    # the confirmation goes away again
    page.wait_for_function("l => l.textContent === 'Sao chép'", arg=label, timeout=5000)
