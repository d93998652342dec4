"""The unit lists the scale benchmark builds (bench_scale.py), written into a throwaway copy of the project.

Two kinds, each a list of (file name `<list id>.yml`, YAML) for data/units/:

- synthetic: N clearly fake units ("Thử Tải 0001", "Tỉnh thử tải 01"), about 100 a list like a
  province after the 2025 mergers, plan types alternating between lists, some with content of
  their own;
- official: every commune-level unit of the official list (3,321 from the pinned
  `vietnam-provinces`), one list per province with `official: {province: N}`, for one plan type.
  The names come from the package at load time; the YAML holds only the province codes.

They never go into data/.
"""

from __future__ import annotations

import math

import yaml

PLAN_TYPES = ("phong-chong-khung-bo", "dien-hinh-phong-trao-bvantq")
CODES = {"phong-chong-khung-bo": "pckb", "dien-hinh-phong-trao-bvantq": "dien-hinh"}
# The part some synthetic units add a task to (ids from data/editions/<year>/plan-types/).
OWN_PART = {"phong-chong-khung-bo": "nhiem-vu", "dien-hinh-phong-trao-bvantq": "noi-dung-thuc-hien"}
# What every list says about its communes: year, level, issuer and place patterns, an unnamed signer.
COMMUNE_FORM = {
    "year": 2026,
    "level": "xa",
    "issuer": {"name": "ỦY BAN NHÂN DÂN {KIND} {NAME}", "short": "UBND {kind} {name}"},
    "place": "{name}",
    "signature": {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "[Họ và tên]"},
}


def unit_lists(n: int, per_list: int) -> list[tuple[str, str]]:
    """(file name, YAML) of the synthetic unit lists: n units, per_list at most in each."""
    out = []
    lists = math.ceil(n / per_list)
    made = 0
    for k in range(1, lists + 1):
        plan_type = PLAN_TYPES[(k - 1) % len(PLAN_TYPES)]
        count = min(per_list, n - made)
        units = []
        for i in range(made + 1, made + count + 1):
            unit = {"id": f"thu-tai-{i:05d}", "name": f"Thử Tải {i:05d}"}
            if i % 5 == 0:
                unit["kind"] = "phường"
            unit["group"] = f"Cụm thử tải {(i - made - 1) // 25 + 1}"
            if i % 10 == 0:  # some units have content of their own
                own = {
                    "sections": {
                        OWN_PART[plan_type]: {
                            "add": [
                                {
                                    "items": [
                                        {
                                            "text": f"Nhiệm vụ riêng của đơn vị thử tải {i:05d} (dữ liệu giả để đo tốc độ)."
                                        }
                                    ]
                                }
                            ]
                        }
                    }
                }
                if plan_type == "dien-hinh-phong-trao-bvantq":
                    own["fill"] = {"exemplary-units": f"Trường thử tải {i:05d} (dữ liệu giả)"}
                unit["plans"] = {plan_type: own}
            units.append(unit)
        made += count
        data = {
            "id": f"thu-tai-{k:03d}",
            "title": f"Danh sách thử tải {k:03d} (dữ liệu giả để đo tốc độ)",
            "province": f"Tỉnh thử tải {k:03d}",
            **COMMUNE_FORM,
            "kind": "xã",
            "plan_types": {plan_type: {"code": CODES[plan_type]}},
            "units": units,
        }
        head = "# Dữ liệu giả, chỉ để đo tốc độ (bench/bench_scale.py): không phải đơn vị thật.\n"
        out.append((f"thu-tai-{k:03d}.yml", head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)))
    return out


def official_lists(plan_type: str, codes: dict[str, str], provinces: list[int]) -> list[tuple[str, str]]:
    """(file name, YAML) of one list per province code, each taking every unit of its province."""
    out = []
    for province in provinces:
        data = {
            "id": f"toan-quoc-{province:02d}",
            "title": f"Đo tốc độ toàn quốc: tỉnh mã {province:02d}",
            **COMMUNE_FORM,
            # its own code in the plan addresses: the project's own plans of these communes (the samples,
            # data/units/) keep theirs, as the load would otherwise report
            "plan_types": {plan_type: {"code": f"{codes.get(plan_type, plan_type)}-toan-quoc"}},
            "official": {"province": province},
        }
        head = "# Chỉ để đo tốc độ (bench/bench_scale.py --official): mọi đơn vị của tỉnh, tên theo danh sách chính thức.\n"
        out.append((f"toan-quoc-{province:02d}.yml", head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)))
    return out
