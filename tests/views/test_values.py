"""Values as a reader reads them: item numbers always with their standard."""

from __future__ import annotations

from aeo_check.views.values import item_label


def test_item_labels_name_the_standard():
    assert [item_label("advanced", 27, "zh"), item_label("certified", 19, "zh")] == ["高级(27)", "认证(19)"]
    assert [item_label("advanced", 27, "en"), item_label("certified", 19, "en")] == ["Adv. (27)", "Cert. (19)"]
