from __future__ import annotations

from marsad.ingest.html_page import extract_html, looks_like_html, meta_charset, read_html, site_of
from marsad.ingest.records import RawDocument, ReadFailure

BODY = [
    "أعلنت الأمم المتحدة أن أكثر من 800 عائلة نزحت من قرى ريف حماة الشمالي خلال الأسبوع الماضي "
    "باتجاه الحدود التركية، بحسب بيان صدر أمس الثلاثاء.",
    "وقال المتحدث باسم مكتب تنسيق الشؤون الإنسانية إن العائلات النازحة تعيش في ظروف صعبة داخل "
    "مخيمات مكتظة قرب بلدة أطمة، وإن عشرات منها لم تجد مأوى حتى الآن.",
    "وذكرت مصادر محلية أن القصف المدفعي استهدف بلدات كفرزيتا واللطامنة، ما دفع السكان إلى الفرار.",
]
FURNITURE = ["الرئيسية", "شارك على فيسبوك", "عذراً التعليقات مغلقة", "جميع الحقوق محفوظة", "trackPageView"]


def page(charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="{charset}">
<title>نزوح مئات العائلات من ريف حماة | شبكة الرصد</title>
<meta property="og:title" content="نزوح مئات العائلات من ريف حماة الشمالي">
<meta property="og:site_name" content="شبكة الرصد">
<meta property="article:published_time" content="2019-05-15T10:00:00+03:00">
<link rel="canonical" href="https://www.alrasd.example.org/news/2019/05/15/hama">
<script>window.analytics = {{"trackPageView": true}};</script>
<style>.menu {{ color: red }}</style>
</head><body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/syria">سوريا</a></li>
<li><a href="/iraq">العراق</a></li><li><a href="/yemen">اليمن</a></li></ul></nav></header>
<main><article>
<h1>نزوح مئات العائلات من ريف حماة الشمالي</h1>
<div class="share-buttons"><a href="#">شارك على فيسبوك</a> <a href="#">تويتر</a></div>
{paragraphs}
</article>
<section id="comments"><h3>التعليقات</h3><p>عذراً التعليقات مغلقة</p></section>
</main>
<footer><p>جميع الحقوق محفوظة © 2019 شبكة الرصد</p></footer>
<script>document.write("trackPageView")</script>
</body></html>"""


def test_main_text_without_scripts_menus_comments_or_footer():
    doc = read_html(page().encode(), origin="hama.html")
    assert isinstance(doc, RawDocument)
    for paragraph in BODY:
        assert paragraph in doc.text
    for junk in FURNITURE:
        assert junk not in doc.text


def test_metadata():
    doc = read_html(page().encode(), origin="hama.html")
    assert doc.title == "نزوح مئات العائلات من ريف حماة الشمالي"
    assert doc.published == "2019-05-15"
    assert doc.url == "https://www.alrasd.example.org/news/2019/05/15/hama"
    assert doc.site == "alrasd.example.org"
    assert not doc.text.startswith(doc.title)  # the headline is metadata, not body


def test_declared_windows_1256_page():
    data = page("windows-1256").encode("cp1256")
    doc = read_html(data, origin="old.html")
    assert BODY[0] in doc.text
    assert doc.errors == ()


def test_http_charset_beats_the_meta_tag():
    data = page("iso-8859-1").encode("cp1256")
    assert BODY[1] in read_html(data, origin="x", charset="windows-1256").text


def test_a_given_url_beats_the_canonical_link():
    doc = read_html(page().encode(), origin="x", url="https://mirror.example.net/a")
    assert (doc.url, doc.site) == ("https://mirror.example.net/a", "mirror.example.net")


def test_page_without_text_fails():
    html = "<html><head><title>x</title><script>var a = 1;</script></head><body></body></html>"
    assert extract_html(html, origin="x") == ReadFailure("x", "no article text found in the HTML page")


def test_binary_bytes_named_html_fail():
    result = read_html(b"\x89PNG\r\n\x1a\n\x00\x00", origin="x.html")
    assert isinstance(result, ReadFailure)
    assert "PNG" in result.reason


def test_helpers():
    assert meta_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">') == (
        "windows-1256"
    )
    assert meta_charset(b"<p>no charset</p>") is None
    assert looks_like_html("\n<!DOCTYPE html><html>")
    assert looks_like_html("<!-- saved page -->\n<html lang='ar'>")
    assert not looks_like_html("قال إن 5 < 7 في النص")
    assert site_of("https://www.example.org/x") == "example.org"
    assert site_of("not a url") is None
