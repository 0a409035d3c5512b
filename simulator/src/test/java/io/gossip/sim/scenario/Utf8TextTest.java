package io.gossip.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario file that is not UTF-8 is refused at the first byte that is not, by line and column. */
class Utf8TextTest {
    @TempDir
    Path dir;

    private String refusal(byte[] bytes) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.write(file, bytes);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> new ScenarioReader(List.of(), null, () -> 7L).read(file));
        return e.getMessage().replace(file.toString(), "s.yaml");
    }

    private static byte[] bytes(String asciiBefore, int badByte, String asciiAfter) {
        byte[] before = asciiBefore.getBytes(StandardCharsets.UTF_8);
        byte[] after = asciiAfter.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[before.length + 1 + after.length];
        System.arraycopy(before, 0, all, 0, before.length);
        all[before.length] = (byte) badByte;
        System.arraycopy(after, 0, all, before.length + 1, after.length);
        return all;
    }

    @Test
    void latin1LetterIsReportedAtItsLineAndColumn() throws Exception {
        assertEquals("s.yaml:1:10: the file is not valid UTF-8: byte 0xE9 (byte offset 9) does not belong to a "
                + "UTF-8 character; save the file as UTF-8", refusal(bytes("name: caf", 0xe9, "\n")));
    }

    @Test
    void columnCountsCharactersNotBytesOnLaterLines() throws Exception {
        assertEquals("s.yaml:2:16: the file is not valid UTF-8: byte 0xFF (byte offset 24) does not belong to a "
                + "UTF-8 character; save the file as UTF-8", refusal(bytes("name: t\ndescription: é-", 0xff, "\n")));
    }

    @Test
    void sequenceCutOffByTheEndOfTheFileIsReported() throws Exception {
        assertEquals("s.yaml:1:10: the file is not valid UTF-8: byte 0xC3 (byte offset 9) does not belong to a "
                + "UTF-8 character; save the file as UTF-8", refusal(bytes("name: caf", 0xc3, "")));
    }

    @Test
    void validUtf8IsReadWithItsAccents() throws Exception {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, ScenarioTexts.VALID + "description: café\n", StandardCharsets.UTF_8);
        assertEquals("small", new ScenarioReader(List.of(), null, () -> 7L).read(file).plan().points().get(0)
                .scenario().name());
    }
}
