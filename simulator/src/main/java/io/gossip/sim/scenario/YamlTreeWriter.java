package io.gossip.sim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link YamlNode} tree back to YAML text, keys in document order, so that reading the
 * text gives the same tree: a text is quoted whenever YAML would read it unquoted as something else.
 */
final class YamlTreeWriter {
    private static final YAMLFactory READER = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .stringQuotingChecker(new Quoting())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private YamlTreeWriter() {
    }

    /** The YAML text of {@code node}. */
    static String write(YamlNode node) {
        try {
            return MAPPER.writeValueAsString(plain(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object plain(YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar) {
            return scalar.value();
        }
        if (node instanceof YamlNode.Sequence sequence) {
            List<Object> items = new ArrayList<>();
            sequence.items().forEach(item -> items.add(plain(item)));
            return items;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        ((YamlNode.Mapping) node).entries().forEach((key, entry) -> map.put(key, plain(entry.value())));
        return map;
    }

    /**
     * Jackson's choice of the texts to quote, and every other text that does not read back, unquoted,
     * as itself: Jackson leaves unquoted some that YAML reads as numbers ({@code 0x1F}, {@code 1_000},
     * {@code 1e3}) or that its reader refuses ({@code .inf}), and text with a next-line character.
     */
    private static final class Quoting extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || !readsBackAsItself(value);
        }
    }

    /** Whether {@code text}, written unquoted, is read back as the same text. */
    static boolean readsBackAsItself(String text) {
        try (JsonParser parser = READER.createParser(text)) {
            return parser.nextToken() == JsonToken.VALUE_STRING && text.equals(parser.getText())
                    && parser.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
