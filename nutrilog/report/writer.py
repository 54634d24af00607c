"""What every writer of the report shares: the walk through the sections, in order.

A writer subclasses :class:`Writer` and gives one method per section of
:data:`~nutrilog.report.document.SECTIONS` and
:data:`~nutrilog.report.document.PERSON_SECTIONS` (named as the section), plus
:meth:`Writer.person` and :meth:`Writer.person_end` around each person's part and
:meth:`Writer.result`. Adding, removing or moving a section is a change to those two
tuples and to one method per writer.

Examples
--------
>>> class Outline(Writer):
...     def __getattr__(self, name):  # every section writes its name
...         return lambda *section: self.out.append(name)
...     def person(self, section):
...         self.out.append(section["person"] + ":")
>>> Outline({"people": [{"person": "ann"}]}).write().split()  # doctest: +NORMALIZE_WHITESPACE
['title', 'ann:', 'verdicts', 'explanations', 'suggestions', 'daily', 'data_quality',
 'other_causes', 'see_a_clinician', 'sources', 'not_advice']
"""

from __future__ import annotations

from typing import Any

from nutrilog.report.document import PERSON_SECTIONS, SECTIONS

__all__ = ["Writer"]


class Writer:
    """Writes one document, section by section, in the order of :data:`SECTIONS`.

    Parameters
    ----------
    document : dict
        The report document (:func:`~nutrilog.report.document.build_document`), with
        user text already made visible.
    """

    def __init__(self, document: dict[str, Any]) -> None:
        self.doc = document
        self.several = len(document["people"]) > 1
        self.out: list[str] = []

    def write(self) -> str:
        """The whole report in this writer's format."""
        for name in SECTIONS:
            if name != "people":
                getattr(self, name)()
                continue
            for person in self.doc["people"]:
                self.person(person)
                for part in PERSON_SECTIONS:
                    getattr(self, part)(person)
                self.person_end(person)
        return self.result()

    def person(self, section: dict[str, Any]) -> None:
        """The start of one person's part (its heading)."""

    def person_end(self, section: dict[str, Any]) -> None:
        """The end of one person's part."""

    def result(self) -> str:
        """The text written."""
        return "\n".join(self.out)
