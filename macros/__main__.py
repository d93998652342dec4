"""Maintenance commands: python -m macros check | schema"""
from __future__ import annotations

import sys

from . import catalogue, reference
from .errors import DataErrors


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "check":
        try:
            cat = catalogue.load()
        except DataErrors as exc:
            print(exc, file=sys.stderr)
            return 1
        for warning in cat.warnings:
            print(f"CẢNH BÁO {warning}", file=sys.stderr)
        print(f"Dữ liệu hợp lệ: {len(cat.plan_types)} loại kế hoạch, {len(cat.plans)} kế hoạch, "
              f"{len(cat.legal)} văn bản căn cứ pháp lý, {len(cat.bulk.lists)} danh sách đơn vị "
              f"({len(cat.bulk.plans)} kế hoạch tạo từ danh sách).")
        return 0
    if command == "schema":
        for path in reference.write_json_schemas():
            print(f"đã ghi {path.relative_to(catalogue.PROJECT_DIR)}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
