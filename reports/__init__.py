"""Audit reports and the files auditors hand on.

* :mod:`reports.subplans` — which units issued the sub-plans a plan ordered (``audit_subplans``);
* :mod:`reports.coverage` — which parent tasks a child plan carries down (``coverage_report``);
* :mod:`reports.model` — the generic :class:`~reports.model.Report` / :class:`~reports.model.Table`;
* :mod:`reports.writers` — ``to_xlsx_bytes``, ``to_docx_bytes``, ``to_csv_bytes``, ``write_report``.

``python -m reports subplans|coverage …`` prints a report or writes it as ``.xlsx``, ``.docx`` or ``.csv``.
"""
