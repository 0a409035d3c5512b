package io.gossip.sim.scenario;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Jackson's YAML factory, except that a scalar tagged as a number that is none ({@code !!int 0x},
 * {@code !!int 0b2}) is read as the text it is. Jackson fails the whole document on it with Java's
 * NumberFormatException wording ("Invalid base-16 number (''), problem: For input string: "" under
 * radix 16") at the column after the value; as text, the key it is under refuses it by name, where
 * it starts, as it refuses {@code !!float 0x10} ({@link YamlTreeReader} keeps that one as text).
 */
final class TaggedNumbersAsText extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    @Override
    protected YAMLParser _createParser(Reader reader, IOContext context) throws IOException {
        return new Parser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
    }

    @Override
    protected YAMLParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return _createParser(new CharArrayReader(data, offset, length), context);
    }

    /** The parser: a scalar whose tagged type it cannot decode is a string. */
    private static final class Parser extends YAMLParser {
        Parser(IOContext context, int features, int yamlFeatures, LoaderOptions options, ObjectCodec codec,
                Reader reader) {
            super(context, features, yamlFeatures, options, codec, reader);
        }

        @Override
        protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
            try {
                return super._decodeScalar(scalar);
            } catch (StreamReadException e) {
                // The value as written is the parser's text already: the decoding set it first.
                return JsonToken.VALUE_STRING;
            }
        }
    }
}
