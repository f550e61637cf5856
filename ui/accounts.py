"""``python -m ui.accounts``: the app's accounts (see :mod:`ui.auth.accounts`).

    python -m ui.accounts add NAME --role ROLE [--clearance LEVEL]   (ROLE: lanh-dao|phan-tich|kiem-tra|quan-tri;
                                                                      LEVEL: thuong|mat|toi-mat|tuyet-mat)
    python -m ui.accounts list
    python -m ui.accounts set NAME [--role …] [--clearance …] [--password] [--disable | --enable]
    python -m ui.accounts remove NAME

The password is asked twice at a terminal, or read from the first line of standard input when it is not one
(``printf '%s\\n' "$PW" | python -m ui.accounts add …``); it is never an argument, so it stays out of the
shell history and the process list.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path

from common.cli import run_cli
from common.settings import settings
from loaders.extract.marks import CONFIDENTIALITY
from ui.auth.accounts import AccountError, AccountFile
from ui.auth.roles import ROLES

__all__ = ["main"]


def _password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Mật khẩu: ")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise AccountError("hai lần nhập mật khẩu không khớp")
    return first


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ui.accounts", description="Tài khoản của ứng dụng")
    parser.add_argument("--file", help=f"tệp tài khoản (mặc định KG_ACCOUNTS_FILE: {settings().accounts_file})")
    sub = parser.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add", help="thêm tài khoản (mật khẩu hỏi riêng hoặc đọc từ stdin)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=list(ROLES))
    add.add_argument("--clearance", default=CONFIDENTIALITY[0], choices=list(CONFIDENTIALITY))
    change = sub.add_parser("set", help="đổi vai trò, mức được xem, mật khẩu, khóa/mở")
    change.add_argument("name")
    change.add_argument("--role", choices=list(ROLES))
    change.add_argument("--clearance", choices=list(CONFIDENTIALITY))
    change.add_argument("--password", action="store_true", help="đặt mật khẩu mới (hỏi riêng)")
    state = change.add_mutually_exclusive_group()
    state.add_argument("--disable", action="store_true")
    state.add_argument("--enable", action="store_true")
    sub.add_parser("list", help="liệt kê tài khoản")
    remove = sub.add_parser("remove", help="xóa tài khoản")
    remove.add_argument("name")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    book = AccountFile(settings().accounts_file if args.file is None else Path(args.file))
    if args.command == "add":
        book.add(args.name, args.role, args.clearance, _password())
        print(f"đã thêm tài khoản {args.name} ({args.role}, được xem: {args.clearance}) vào {book.path}")
    elif args.command == "set":
        disabled = True if args.disable else False if args.enable else None
        password = _password() if args.password else None
        book.change(args.name, role=args.role, clearance=args.clearance, password=password, disabled=disabled)
        print(f"đã cập nhật tài khoản {args.name}")
    elif args.command == "remove":
        book.remove(args.name)
        print(f"đã xóa tài khoản {args.name}")
    else:
        for account in book.all().values():
            state = " (đã khóa)" if account.disabled else ""
            print(f"{account.name}\t{account.role}\t{account.clearance}{state}")
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main, sys.argv[1:]))
