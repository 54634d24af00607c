"""What every writer of the report shares: the walk through the sections, in order.

A writer subclasses :class:`Writer` and gives one method per section of
:data:`~nutrilog.report.document.SECTIONS` and
:data:`~nutrilog.report.document.PERSON_SECTIONS` (named as the section), plus
:meth:`Writer.person` and :meth:`Writer.person_end` around each person's part,
the parts of the details section (:meth:`Writer.details_start`,
:meth:`Writer.statistics`, :meth:`Writer.daily`, :meth:`Writer.quality_details`,
:meth:`Writer.details_end`, or :meth:`Writer.details_hint` when the details are left
out) and :meth:`Writer.result`. Adding, removing or moving a section is a change to
those two tuples and to one method per writer.

Examples
--------
>>> class Outline(Writer):
...     def __getattr__(self, name):  # every section the writer lacks writes its name
...         return lambda *section: self.out.append(name)
...     def person(self, section):
...         self.out.append(section["person"] + ":")
...     def details_start(self):
...         self.out.append("details:")
>>> Outline({"people": [{"person": "ann"}]}).write().split()  # doctest: +NORMALIZE_WHITESPACE
['title', 'population', 'cohort', 'ann:', 'verdicts', 'overview', 'suggestions', 'top_foods', 'explanations',
 'fixes', 'data_quality', 'other_causes', 'see_a_clinician', 'sources', 'details:',
 'statistics', 'daily', 'quality_details', 'not_advice']
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
    details : bool, default True
        Whether to write the details section (statistics, daily totals, every note).
    """

    def __init__(self, document: dict[str, Any], details: bool = True) -> None:
        self.doc = document
        self.several = len(document["people"]) > 1 or bool(document.get("cohort"))
        self.show_details = details
        self.out: list[str] = []

    def write(self) -> str:
        """The whole report in this writer's format."""
        for name in SECTIONS:
            if name == "people":
                for person in self.doc["people"]:
                    self.person(person)
                    for part in PERSON_SECTIONS:
                        getattr(self, part)(person)
                    self.person_end(person)
            elif name == "details":
                self.details()
            else:
                getattr(self, name)()
        return self.result()

    def details(self) -> None:
        """The details: each person's statistics and daily totals, then the data's."""
        if not self.show_details:
            self.details_hint()
            return
        self.details_start()
        for person in self.doc["people"]:
            self.statistics(person)
            self.daily(person)
        self.quality_details()
        self.details_end()

    def person(self, section: dict[str, Any]) -> None:
        """The start of one person's part (its heading)."""

    def person_end(self, section: dict[str, Any]) -> None:
        """The end of one person's part."""

    def charts(self, section: dict[str, Any]) -> None:
        """A person's charts (only HTML draws them)."""

    def details_hint(self) -> None:
        """What stands in for the details when they are left out."""

    def details_start(self) -> None:
        """The start of the details section."""

    def details_end(self) -> None:
        """The end of the details section."""

    def result(self) -> str:
        """The text written."""
        return "\n".join(self.out)
