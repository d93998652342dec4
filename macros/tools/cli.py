"""Maintenance commands:

python -m macros check [--data DIR]                  validate data/ (every problem as file:line)
python -m macros schema                              regenerate docs/schema/*.json
python -m macros new-edition <năm> [--force] [--data DIR]
                                                     start next year's edition (see rollover.py)
python -m macros lint FILE…                          check a draft plan (.txt, .docx): FILE:LINE: level: message
"""

from __future__ import annotations

import pathlib
import sys

from ..load import PROJECT_DIR, DataErrors, load
from . import lint, reference, rollover


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "check":
        args = argv[1:]
        data_dir = pathlib.Path(args[args.index("--data") + 1]) if "--data" in args[:-1] else None
        try:
            cat = load(data_dir)
        except DataErrors as exc:
            print(exc, file=sys.stderr)
            return 1
        for warning in cat.warnings:
            print(f"CẢNH BÁO {warning}", file=sys.stderr)
        print(
            f"Dữ liệu hợp lệ: {len(cat.editions)} ấn bản (hiện hành: năm {cat.current.year}), "
            f"{len(cat.plan_types)} loại kế hoạch, {len(cat.samples)} kế hoạch, "
            f"{len(cat.legal)} văn bản căn cứ pháp lý, {len(cat.unit_lists)} danh sách đơn vị "
            f"({len(cat.drafts)} kế hoạch tạo từ danh sách)."
        )
        return 0
    if command == "schema":
        for path in reference.write_json_schemas():
            print(f"đã ghi {path.relative_to(PROJECT_DIR)}")
        return 0
    if command == "new-edition":
        return _new_edition(argv[1:])
    if command == "lint":
        return lint.lint(argv[1:])
    print(__doc__, file=sys.stderr)
    return 2


def _new_edition(args: list[str]) -> int:
    force = "--force" in args
    args = [a for a in args if a != "--force"]
    data_dir = PROJECT_DIR / "data"
    if "--data" in args:
        i = args.index("--data")
        data_dir = pathlib.Path(args[i + 1]).resolve()
        del args[i : i + 2]
    if len(args) != 1 or not args[0].isdigit():
        print(
            "cần năm của ấn bản mới, ví dụ: python -m macros new-edition 2027 (hoặc make edition YEAR=2027)",
            file=sys.stderr,
        )
        return 2
    if not (data_dir / "editions").is_dir():
        print(f"không thấy {data_dir}/editions/: cần thư mục data/ có ít nhất một ấn bản", file=sys.stderr)
        return 1
    try:
        review = rollover.new_edition(data_dir, int(args[0]), force=force)
    except DataErrors as exc:
        print(f"Dữ liệu hiện có còn lỗi; sửa trước khi tạo ấn bản mới:\n{exc}", file=sys.stderr)
        return 1
    except rollover.RolloverError as exc:
        print(f"Chưa tạo ấn bản năm {args[0]}: {exc}", file=sys.stderr)
        return 1
    print(f"Đã tạo ấn bản năm {args[0]} ở {data_dir.name}/editions/{args[0]}/ (ấn bản hiện có giữ nguyên).\n")
    print(review, end="")
    return 0
