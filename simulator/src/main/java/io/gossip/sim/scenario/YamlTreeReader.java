package io.gossip.sim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Reads YAML text into a {@link YamlNode} tree with Jackson's streaming YAML parser, keeping the line
 * and column of every key and value. Syntax errors ({@link YamlSyntaxError}) and duplicate keys become
 * {@link ScenarioException}s with their location.
 */
final class YamlTreeReader {
    /**
     * Levels of lists and mappings inside each other, the document's root counting as one: a
     * scenario needs four or five. Deeper is refused at the list or mapping that opens the level too
     * many, well before Jackson's own limit (1,000), which it reports with no line or column.
     */
    static final int MAX_DEPTH = 100;

    private static final YAMLFactory FACTORY = new TaggedNumbersAsText();

    private final String source;
    private final boolean hasLines;

    private YamlTreeReader(String source, boolean hasLines) {
        this.source = source;
        this.hasLines = hasLines;
    }

    /**
     * Reads a whole file's text.
     *
     * @param text the YAML text
     * @param source the file name to put in locations
     * @return the root node, or null when the document is empty
     */
    static YamlNode readDocument(String text, String source) throws ScenarioException {
        return new YamlTreeReader(source, true).read(text);
    }

    /**
     * Reads the value of a {@code --set key=value} override: any YAML (a number, a word, a flow
     * list or mapping). Every node of the result is located at {@code origin}.
     */
    static YamlNode readOverrideValue(String text, String origin) throws ScenarioException {
        YamlNode node = new YamlTreeReader(origin, false).read(text);
        return node == null ? new YamlNode.Scalar(null, Location.override(origin)) : node;
    }

    private YamlNode read(String text) throws ScenarioException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            YamlNode root = readNode(parser, first, 1);
            if (parser.nextToken() != null) {
                throw new ScenarioException(location(parser.currentTokenLocation()),
                        "expected a single YAML document, found a second one");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw YamlSyntaxError.of(e, text, source, hasLines);
        } catch (IOException e) {
            throw new ScenarioException(new Location(source, 0, 0), "cannot read YAML: " + e.getMessage());
        }
    }

    /** The node that starts with {@code token}, at level {@code depth} (the root's is 1). */
    private YamlNode readNode(JsonParser parser, JsonToken token, int depth) throws IOException, ScenarioException {
        Location at = location(parser.currentTokenLocation());
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new ScenarioException(at, "YAML aliases (*" + parser.getText() + ") are not supported; "
                    + "write the value out");
        }
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth > MAX_DEPTH) {
            throw new ScenarioException(at, "invalid YAML: lists and mappings nested more than " + MAX_DEPTH
                    + " levels deep (a scenario needs a few; is a bracket or brace left open?)");
        }
        switch (token) {
            case START_OBJECT:
                return readMapping(parser, at, depth);
            case START_ARRAY:
                YamlNode.Sequence sequence = new YamlNode.Sequence(at);
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    sequence.items().add(readNode(parser, t, depth + 1));
                }
                return sequence;
            case VALUE_NUMBER_INT:
                return new YamlNode.Scalar(integer(parser), at);
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(decimal(parser), at);
            case VALUE_TRUE:
                return new YamlNode.Scalar(Boolean.TRUE, at);
            case VALUE_FALSE:
                return new YamlNode.Scalar(Boolean.FALSE, at);
            case VALUE_NULL:
                return new YamlNode.Scalar(null, at);
            default:
                return new YamlNode.Scalar(parser.getText(), at);
        }
    }

    /**
     * A Long, or a BigInteger when the integer does not fit one. The parser gives some integers that
     * fit as BigIntegers (a hex integer of 16 digits: 0x7fffffffffffffff), which would then be refused
     * as out of range.
     */
    private static Object integer(JsonParser parser) throws IOException {
        if (parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        BigInteger value = parser.getBigIntegerValue();
        return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
    }

    /**
     * A Double, YAML's {@code .inf}, {@code -.inf} and {@code .nan} (any case) included, which the
     * parser types as numbers but cannot convert; or the text as written, for a number it cannot
     * convert at all ({@code !!float 0x10}), so that the key it is under refuses it by name.
     */
    private static Object decimal(JsonParser parser) throws IOException {
        String text = parser.getText();
        switch (text.toLowerCase(Locale.ROOT)) {
            case ".inf":
            case "+.inf":
                return Double.POSITIVE_INFINITY;
            case "-.inf":
                return Double.NEGATIVE_INFINITY;
            case ".nan":
                return Double.NaN;
            default:
                try {
                    return parser.getDoubleValue();
                } catch (JsonProcessingException e) {
                    return text;
                }
        }
    }

    private YamlNode.Mapping readMapping(JsonParser parser, Location at, int depth)
            throws IOException, ScenarioException {
        YamlNode.Mapping mapping = new YamlNode.Mapping(at);
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            Location keyAt = location(parser.currentTokenLocation());
            YamlNode.Entry previous = mapping.entries().get(key);
            if (previous != null) {
                throw new ScenarioException(keyAt, "duplicate key '" + key + "' (first written at "
                        + previous.keyLocation() + ")");
            }
            mapping.put(key, keyAt, readNode(parser, parser.nextToken(), depth + 1));
        }
        return mapping;
    }

    private Location location(JsonLocation where) {
        if (!hasLines) {
            return Location.override(source);
        }
        if (where == null) {
            return new Location(source, 0, 0);
        }
        return new Location(source, Math.max(where.getLineNr(), 0), Math.max(where.getColumnNr(), 0));
    }
}
