from __future__ import annotations

import hashlib
import json
import pickle

from marsad.geo.build import data_dir
from marsad.geo.gazetteer import haversine_km, load_gazetteer, offset_point, read_index, save_gazetteer


def test_lookup_knows_arabic_names_countries_divisions_and_regions(gazetteer):
    assert 170063 in [c.geonameid for c in gazetteer.lookup("حلب")]
    assert gazetteer.lookup("سوريا")[0].level == "country"
    assert gazetteer.lookup("ريف دمشق")[0].level == "admin1"
    assert gazetteer.lookup("الشرق الأوسط")[0].level == "region"
    assert 170063 in [c.geonameid for c in gazetteer.lookup("Aleppo")]
    assert gazetteer.nisba["السوريه"] == "SY"
    assert gazetteer.lookup("!!!") == []


def test_save_and_load_round_trip(gazetteer, tmp_path):
    path = save_gazetteer(gazetteer, tmp_path / "g.pickle")
    loaded = load_gazetteer(path)
    assert len(loaded) == len(gazetteer) and loaded.lookup("إدلب") == gazetteer.lookup("إدلب")
    assert pickle.loads(pickle.dumps(loaded.lookup("حلب"))) == loaded.lookup("حلب")


def test_an_index_of_another_version_is_not_read(tmp_path):
    path = tmp_path / "old.pickle"
    path.write_bytes(pickle.dumps({"version": -1, "gazetteer": None}))
    assert read_index(path) is None
    (tmp_path / "broken.pickle").write_bytes(b"not a pickle")
    assert read_index(tmp_path / "broken.pickle") is None


def test_offset_point_moves_the_right_way():
    lat, lon = offset_point(35.0, 38.0, 0, 100)
    assert lat > 35.0 and abs(lon - 38.0) < 1e-6
    assert abs(haversine_km(35.0, 38.0, lat, lon) - 100) < 0.1
    assert offset_point(35.0, 38.0, 90, 50)[1] > 38.0


def test_manifest_checksums_match_the_tables():
    folder = data_dir()
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for name, digest in manifest["sha256"].items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
