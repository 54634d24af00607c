"""DRI groups of many people at once (once per distinct reference age group) equal the
groups of each person alone."""

from __future__ import annotations

import numpy as np

from nutrilog.assessment.dri_groups import NO_GROUP, dri_groups


def test_many_people_at_once_equal_each_alone() -> None:
    rng = np.random.default_rng(7)
    edges = [0, 0.5, 0.99, 1, 3, 4, 8, 8.25, 9, 13, 14, 18, 19, 30, 31, 50, 51, 70, 70.9, 71]
    age = np.concatenate([rng.uniform(-1, 125, 3000).round(2), edges, [np.nan, -0.5, 130.0, 120.0]])
    sex = rng.choice(["female", "male"], len(age)).astype(object)
    stage = rng.choice(["none", "pregnancy", "lactation"], len(age), p=[0.8, 0.1, 0.1])
    together = dri_groups(age, sex, stage.astype(object))
    alone = [
        dri_groups(age[i : i + 1], sex[i : i + 1], stage[i : i + 1])[0] for i in range(len(age))
    ]
    assert together.tolist() == alone
    assert together[-4] == NO_GROUP  # no age
    assert len(set(together.tolist())) > 20
