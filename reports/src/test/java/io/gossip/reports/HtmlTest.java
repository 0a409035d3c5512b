package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkupCharactersInTextAndAttributes() {
        assertEquals("&lt;b&gt; &amp; &quot;q&quot; &#39;s&#39;", Html.escape("<b> & \"q\" 's'"));
    }

    @Test
    void figureHasItsSourceAltSizeAndCaption() {
        String page = new Html("t").figure("a.png", "A \"chart\"", "reads <left> to right").end();
        assertTrue(page.contains("<img src=\"a.png\" alt=\"A &quot;chart&quot;\" width=\"1200\" height=\"800\">"),
                page);
        assertTrue(page.contains("<figcaption>reads &lt;left&gt; to right</figcaption>"), page);
    }

    @Test
    void tableCellsAreEscapedAndFirstColumnIsARowHeader() {
        String page = new Html("t").table(List.of("", "run"), List.of(List.of("a<b", "1 & 2"))).end();
        assertTrue(page.contains("<tr><th>a&lt;b</th><td class=\"num\">1 &amp; 2</td></tr>"), page);
    }

    @Test
    void numbersAreFormattedTheSameInEveryLocale() {
        assertEquals("3", Numbers.compact(3.0));
        assertEquals("0.1235", Numbers.compact(0.123456));
        assertEquals("2.5", Numbers.compact(2.5));
        assertEquals("99.80 %", Numbers.percent(0.998));
        assertEquals("390.0 ms", Numbers.millis(390));
        assertEquals("–", Numbers.compact(Double.NaN));
    }
}
