import FeedKit
import Testing

struct HTMLTextTests {
    @Test(arguments: [
        ("<p>Hello <b>world</b></p><p>Second</p>", "Hello world\nSecond"),
        ("a<br>b<br/>c<BR />d", "a\nb\nc\nd"),
        ("<ul><li>one</li><li>two</li></ul>", "one\ntwo"),
        ("<h1>Title</h1>text<h6>x</h6>", "Title\ntext\nx"),
        ("<div>a</div><div>b</div><blockquote>q</blockquote>", "a\nb\nq"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>", "a b\nc"),
        ("x<script>alert('<p>')</script>y", "xy"),
        ("<SCRIPT type=\"text/javascript\">x</SCRIPT >after", "after"),
        ("<script>a</scriptx>b</script>c", "c"),
        ("<scripts>keep</scripts>", "keep"),
        ("<style>p { color: red }</style>Text", "Text"),
        ("<html><head><title>T</title></head><body>Body</body></html>", "Body"),
        ("A<!-- hidden <p> -->B", "AB"),
        ("<!-->x <!--->y", "x y"),
        ("<!DOCTYPE html><?xml version='1.0'?>t", "t"),
        ("<![CDATA[raw <text> &amp;]]>", "raw <text> &amp;"),
        ("<img src='a.png' alt='Logo &amp; co'>text", "Logo & co text"),
        ("a<IMG ALT=Up>b", "a Up b"),
        ("<img alt=\"\"><img src=x>", ""),
        ("<a title='x>y' href=\"/\">link</a>", "link"),
        ("<a href=x/y>link</a>", "link"),
        ("Fish &amp; chips &lt;b&gt;", "Fish & chips <b>"),
        ("<p>Caf&eacute; &#8212; &#x1F600;</p>", "Café — 😀"),
        ("&am<b></b>p;", "&amp;"),  // references do not span tags
        ("a  \t b", "a b"),
        ("&nbsp;&nbsp;x&nbsp;\u{A0}y", "x y"),
        ("<p>one</p>\n\n\n<p>  two  </p>", "one\ntwo"),
        ("line1\r\nline2\n \n \nline3", "line1\nline2\nline3"),
        ("1 < 2 and 3 > 2", "1 < 2 and 3 > 2"),
        ("<3 <", "<3 <"),
        ("", ""),
        ("   \n\t ", ""),
    ])
    func converts(html: String, expected: String) {
        #expect(HTMLText.plainText(html) == expected)
    }

    /// Whatever is left open at the end is dropped, as browsers do.
    @Test(arguments: [
        ("<", "<"),
        ("Hello <b", "Hello"),
        ("Hello <a href='x>never closed", "Hello"),
        ("kept<script>never closed <p>text", "kept"),
        ("kept<style>", "kept"),
        ("kept<head><title>x", "kept"),
        ("kept<!-- never closed", "kept"),
        ("kept<!DOCTYPE", "kept"),
        ("kept<![CDATA[open", "keptopen"),
        ("kept</", "kept</"),
    ])
    func unterminated(html: String, expected: String) {
        #expect(HTMLText.plainText(html) == expected)
    }

    /// Large pathological inputs; a quadratic pass would blow the time limit.
    @Test(.timeLimit(.minutes(1)))
    func hostileInputStaysLinear() {
        let n = 100_000
        let cases: [(String, String)] = [
            (String(repeating: "<", count: n), String(repeating: "<", count: n)),
            (String(repeating: "<a", count: n), ""),
            (String(repeating: "<a ", count: n), ""),
            (String(repeating: "<!--", count: n), ""),
            (String(repeating: "<!-- -->", count: n), ""),
            (String(repeating: "<p>", count: n), ""),
            (String(repeating: "<a href=\"", count: n), ""),
            ("<script>" + String(repeating: "</scrip", count: n), ""),
            ("<script>" + String(repeating: "<", count: n), ""),
            (String(repeating: "<script>", count: n), ""),
            (String(repeating: "&#", count: n), String(repeating: "&#", count: n)),
            ("<img alt='" + String(repeating: "x", count: n) + "'>", String(repeating: "x", count: n)),
            ("<b " + String(repeating: "a=b ", count: n) + ">ok", "ok"),
        ]
        for (html, expected) in cases {
            #expect(HTMLText.plainText(html) == expected)
        }
    }

    /// Deterministic random soup of markup characters: must never trap or hang.
    @Test func randomSoupNeverCrashes() {
        let alphabet = Array("<>/!-?'\"= &#;x1aAbpscriptimgaltheadstyle\n\t[]CDAT é😀")
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(seed % 64) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let plain = HTMLText.plainText(text)
            #expect(plain.count <= text.count * 2 + 2)
        }
    }
}
