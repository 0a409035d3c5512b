package io.gossip.reports;

import java.util.List;

/**
 * A small writer for the self-contained report page: inline CSS, no script and no external URL,
 * so {@code index.html} opens the same from a laptop, a CI artifact or an e-mail attachment.
 * Every piece of text goes through {@link #escape}.
 */
final class Html {
    private static final String CSS = """
            body { font-family: -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                   max-width: 1240px; margin: 2em auto; padding: 0 1em; color: #222; }
            h1 { font-size: 1.9em; margin-bottom: 0.2em; }
            h2 { font-size: 1.35em; margin-top: 1.8em; border-bottom: 1px solid #ddd; }
            table { border-collapse: collapse; margin: 0.5em 0; }
            th, td { text-align: left; padding: 0.3em 1em 0.3em 0; border-bottom: 1px solid #eee;
                     vertical-align: top; }
            td.num { font-variant-numeric: tabular-nums; }
            pre { background: #f6f6f6; padding: 1em; overflow-x: auto; font-size: 0.9em; }
            figure { margin: 2em 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { color: #444; margin-top: 0.4em; }
            .muted { color: #777; }
            """;

    private final StringBuilder out = new StringBuilder();

    /** Starts a page whose title and first heading are {@code title}. */
    Html(String title) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n");
    }

    /** Escapes the five characters that matter in text and attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    Html heading(String text) {
        out.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    Html paragraph(String text, boolean muted) {
        out.append(muted ? "<p class=\"muted\">" : "<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Preformatted text, such as the scenario YAML. */
    Html pre(String text) {
        out.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    /** A table whose first row is the header; the first column is a row label. */
    Html table(List<String> header, List<List<String>> rows) {
        out.append("<table>\n<thead><tr>");
        header.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                out.append(i == 0 ? "<th>" : "<td class=\"num\">").append(escape(row.get(i)))
                        .append(i == 0 ? "</th>" : "</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        return this;
    }

    /** An image with its caption; {@code src} is relative to the page. */
    Html figure(String src, String alt, String caption) {
        out.append("<figure>\n<img src=\"").append(escape(src)).append("\" alt=\"").append(escape(alt))
                .append("\" width=\"").append(ChartTheme.WIDTH).append("\" height=\"")
                .append(ChartTheme.HEIGHT).append("\">\n<figcaption>").append(escape(caption))
                .append("</figcaption>\n</figure>\n");
        return this;
    }

    /** The finished page. */
    String end() {
        return out + "</body>\n</html>\n";
    }
}
