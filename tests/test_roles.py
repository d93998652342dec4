"""Responsibilities and deadlines: roles registry, assignments rendered and checked,
role pages across plans, the assignment matrix, and .ics calendars that parse back."""

from __future__ import annotations

import html
import re

import icalendar
from conftest import build, edit, page_url, site_page

from macros.load import load
from macros.model import resolve, schema
from macros.site import urls

CAT = load()
# The reference samples (data/plans/) by id.
PLANS = {e.id: e.plan for e in CAT.samples.values()}
THANH_HOA = "data/plans/2024/bcd-pckb-tinh-thanh-hoa-2024.yml"
PCKB = "data/editions/2026/plan-types/phong-chong-khung-bo.yml"


def text_of(path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def _assigns(blocks) -> bool:
    return any(isinstance(b, schema.Items) and any(i.assign or _assigns(i.content) for i in b.items) for b in blocks)


def test_assignments_and_deadlines_written_in_a_plan_reach_its_document():
    # A plan need not give tasks to roles nor state deadlines (a training plan may have neither);
    # where the wording it prints (its own, or its type's sample) does, the document carries them.
    for plan_id, entry in CAT.samples.items():
        plan, pt = entry.plan, CAT.plan_types[entry.plan.plan_type]
        samples = {s.id: s.sample for s in pt.sections}
        printed = []
        for pid in resolve.part_ids(plan, pt):
            own = plan.sections.get(pid, schema.SectionContent())
            printed += [*(own.content if own.content is not None else samples.get(pid, [])), *own.add]
        assert any(item.assign for _, item in entry.doc.items()) == _assigns(printed), plan_id
        written = plan.deadlines if "deadlines" in plan.model_fields_set else pt.defaults.deadlines
        assert len(entry.doc.deadlines) == len(written or ()), plan_id


def test_role_page_of_cong_an_xa_lists_its_tasks_from_both_commune_plans(site):
    role_page = site_page(site, urls.role_path("cong-an-xa"))
    page = role_page.read_text(encoding="utf-8")
    for plan_id in ("ubnd-xa-vinh-thuy-pckb-2026", "ubnd-xa-vinh-phong-dien-hinh-2026"):
        assert f'href="../{page_url(urls.plan_path(PLANS[plan_id]))}"' in page, plan_id
    text = " ".join(text_of(role_page).split())
    assert "III.1. Là lực lượng nòng cốt, cơ quan tham mưu cho UBND xã" in text  # seed 000, as carrying out
    assert "Chủ trì" in text and "Thực hiện" in text  # seed 002: leads item IV.1
    assert "Ban Chỉ huy Quân sự xã" not in text.split("Việc được giao")[0]  # duties are its own


def test_titles_come_from_assignments(site):
    doc = CAT.plan("ubnd-xa-vinh-thuy-pckb-2026").doc
    titles = [item.title for part, item in doc.items() if part.id == "to-chuc-thuc-hien"]
    assert titles == [
        "Công an xã",
        "Ban Chỉ huy Quân sự xã",
        "Văn phòng HĐND và UBND xã",
        "Đề nghị Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội",
        "Trưởng thôn và các cơ quan, đơn vị trên địa bàn",
    ]


def test_plan_page_shows_the_assignment_matrix_and_timeline(site):
    plan = PLANS["bcd-pckb-tinh-thanh-hoa-2024"]
    page = site_page(site, urls.plan_path(plan)).read_text(encoding="utf-8")
    matrix = page[page.index('class="plan-matrix"') : page.index("</table>", page.index('class="plan-matrix"'))]
    assert matrix.count("<tr") == 1 + sum(1 for _, i in CAT.plan(plan.id).doc.items() if i.assign)
    assert matrix.count(">CT<") == 6 and "Công an tỉnh" in matrix
    timeline = page[page.index('class="plan-timeline"') :]
    assert '<time datetime="2024-05-01">01/5/2024</time>' in timeline
    assert '<time datetime="2024-11-01">01/11/2024</time>' in timeline
    assert 'href="../../lich/bcd-pckb-tinh-thanh-hoa-2024.ics"' in page


def _events(path):
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return [e for e in cal.walk("VEVENT")]


def test_every_calendar_parses_back_with_the_right_dates(site):
    calendars = 0
    for plan in PLANS.values():
        doc = CAT.plan(plan.id).doc
        dated = [d for d in doc.deadlines if d.date]
        path = site / "lich" / f"{plan.id}.ics"
        if not dated:
            assert not path.exists()
            continue
        calendars += 1
        events = _events(path)
        assert [e.decoded("dtstart") for e in events] == [d.date for d in dated]
        for event, d in zip(events, dated):
            assert str(event["summary"]).startswith(f"Hạn: {d.title}")
            assert ("RRULE" in event) == d.every_year
            assert event.decoded("dtend") > event.decoded("dtstart")
    assert calendars >= 3
    year = CAT.current.year
    everything = _events(site / "lich" / f"nam-{year}.ics")
    expected = sorted(d.date for p in PLANS.values() if p.year == year for d in CAT.plan(p.id).doc.deadlines if d.date)
    assert sorted(e.decoded("dtstart") for e in everything) == expected
    assert len({str(e["uid"]) for e in everything}) == len(everything)


# ---------------------------------------------------------------- checks at build time


def test_an_unknown_role_stops_the_build(project):
    line = edit(project, PCKB, "assign: {carry_out: [bchqs-xa]}", "assign: {carry_out: [bchq-xa]}")
    out = build(project)
    assert out.returncode != 0
    assert (
        f"{PCKB}:{line}: sections[2].sample[0].items[1].assign.carry_out[0]: vai trò 'bchq-xa' không có "
        "trong data/roles.yml — có phải ý là 'bchqs-xa'?"
    ) in out.stderr, out.stderr


def test_executor_wording_must_name_every_assigned_role(project):
    line = edit(
        project,
        THANH_HOA,
        "Công an tỉnh chủ trì, các sở, ban, ngành, cơ quan, đơn vị, UBND huyện, thị xã, thành phố có liên quan phối hợp thực hiện.",
        "Công an tỉnh chủ trì, các sở, ban, ngành, cơ quan, đơn vị có liên quan phối hợp thực hiện.",
    )
    out = build(project)
    assert out.returncode != 0
    assert re.search(
        rf"{THANH_HOA}:{line - 1}: sections\.nhiem-vu\.content\[0\]\.items\[3\]\.executor: dòng 'Đơn vị thực hiện' "
        r"không nhắc tới 'UBND huyện, thị xã, thành phố'",
        out.stderr,
    ), out.stderr


def test_a_task_without_a_lead_warns_and_is_marked(project):
    line = edit(
        project,
        THANH_HOA,
        "            assign: {lead: [cong-an-tinh]}\n",
        "            assign: {support: [cong-an-tinh]}\n",
    )
    out = build(project)
    assert out.returncode == 0, out.stderr
    assert (
        f"WARNING -  Dữ liệu: {THANH_HOA}:{line}: sections.to-chuc-thuc-hien.content[0].items[2].assign: "
        "nhiệm vụ có đơn vị phối hợp nhưng chưa có đơn vị chủ trì"
    ) in out.stderr, out.stderr
    page = site_page(project / "site", urls.plan_path(PLANS["bcd-pckb-tinh-thanh-hoa-2024"]))
    assert page.read_text(encoding="utf-8").count('class="plan-matrix__gap">Chưa có đơn vị chủ trì') == 1


def test_a_deadline_not_written_in_the_plan_stops_the_build(project):
    line = edit(project, THANH_HOA, "    date: 05-01\n", "    date: 05-02\n")
    out = build(project)
    assert out.returncode != 0
    assert (
        f"{THANH_HOA}:{line}: deadlines[0].date: hạn 2/5 không có trong văn bản kế hoạch 'bcd-pckb-tinh-thanh-hoa-2024'"
    ) in out.stderr, out.stderr
