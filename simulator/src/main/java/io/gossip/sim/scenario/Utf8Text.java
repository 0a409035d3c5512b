package io.gossip.sim.scenario;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a scenario file as UTF-8, refusing one that is not with the line and column of the first
 * byte that is not UTF-8 (a file saved as Latin-1 or Windows-1252, typically), rather than Java's
 * "Input length = 1".
 */
final class Utf8Text {
    private Utf8Text() {
    }

    /** The text of {@code bytes}; {@code source} names the file in the refusal. */
    static String decode(byte[] bytes, String source) throws ScenarioException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw refusal(bytes, in.position(), source);
        }
        return out.flip().toString();
    }

    private static ScenarioException refusal(byte[] bytes, int offset, String source) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // The bytes before the bad one on its line are valid UTF-8; the column counts their characters.
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        String message = String.format("the file is not valid UTF-8: byte 0x%02X (byte offset %d) does not "
                + "belong to a UTF-8 character; save the file as UTF-8", bytes[offset] & 0xff, offset);
        return new ScenarioException(new Location(source, line, column), message);
    }
}
