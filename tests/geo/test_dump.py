from __future__ import annotations

import zipfile

import pytest
from typer.testing import CliRunner

from marsad.geo import resolve_places
from marsad.geo.dump import DumpError, import_geonames
from marsad.geo.gazetteer import save_gazetteer
from tests.geo.conftest import article

VILLAGE = 99000001  # ids the real GeoNames does not use for these made-up rows
OTHER = 99000002


def geonames_row(gid, name, alternates, lat, lon, fclass="P", fcode="PPL", cc="SY", admin1="09", pop=0):
    cols = [str(gid), name, name, ",".join(alternates), str(lat), str(lon), fclass, fcode, cc, "", admin1]
    cols += ["", "", "", str(pop), "", "400", "Asia/Damascus", "2020-01-01"]
    assert len(cols) == 19
    return "\t".join(cols) + "\n"


@pytest.fixture
def dumps(tmp_path):
    txt = tmp_path / "SY.txt"
    txt.write_text(
        geonames_row(VILLAGE, "Tall Qarah", ["Tall Qarah", "تل قرة"], 36.5, 37.3)
        + geonames_row(OTHER, "Khirbat Zayt", ["Khirbat Zayt"], 36.4, 37.2)
        + geonames_row(5, "Some Mountain", ["جبل ما"], 36.0, 37.0, fclass="T", fcode="MT"),
        encoding="utf-8",
    )
    archive = tmp_path / "cities1000.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("cities1000.txt", txt.read_text(encoding="utf-8"))
        zf.writestr("readme.txt", "not a table")
    alternates = tmp_path / "alternateNamesV2.txt"
    alternates.write_text(
        f"1\t{OTHER}\tar\tخربة الزيت\t\t\t\t\t\t\n"
        f"2\t{OTHER}\tlink\thttps://example.org/خربة\t\t\t\t\t\t\n"
        f"3\t{OTHER}\tar\tاسم قديم\t\t\t\t1\t\t\n"
        f"4\t123456789\tar\tمكان بلا إحداثيات\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    return txt, archive, alternates


def test_import_adds_villages_and_their_arabic_names(gazetteer, dumps):
    txt, _, alternates = dumps
    merged, report = import_geonames([alternates, txt], gazetteer)
    assert report.places_added == 1  # the mountain is not a place; Khirbat Zayt has no Arabic name yet
    assert merged.lookup("تل قرة")[0].geonameid == VILLAGE
    assert merged.lookup("جبل ما") == [] and merged.lookup("اسم قديم") == []
    assert gazetteer.lookup("تل قرة") == []  # the original is left as it was
    found = resolve_places(article("اشتباكات في قرية تل قرة شمال حلب."), gazetteer=merged).places
    assert found[0].geonameid == VILLAGE and found[0].level == "town"


def test_import_reads_zip_archives(gazetteer, dumps):
    _, archive, _ = dumps
    merged, report = import_geonames([archive], gazetteer)
    assert report.files == [str(archive)] and merged.lookup("تل قرة")


def test_a_file_that_is_not_geonames_is_named_with_its_line(gazetteer, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("# comment\na\tb\tc\n", encoding="utf-8")
    with pytest.raises(DumpError, match=r"notes\.txt:2: 3 tab-separated columns"):
        import_geonames([bad], gazetteer)


def test_cli_import(gazetteer, dumps, tmp_path):
    import typer

    from marsad.cli.gazetteer import register

    app = typer.Typer()
    register(app)
    index = save_gazetteer(gazetteer, tmp_path / "index.pickle")
    runner = CliRunner()
    result = runner.invoke(app, ["gazetteer", "import", str(dumps[0]), "--index", str(index)])
    assert result.exit_code == 0, result.output
    assert "1 places added" in result.output
    missing = runner.invoke(app, ["gazetteer", "import", str(tmp_path / "nope.zip"), "--index", str(index)])
    assert missing.exit_code == 2
