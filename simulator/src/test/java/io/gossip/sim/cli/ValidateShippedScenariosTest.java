package io.gossip.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code sim validate} accepts every scenario shipped in scenarios/. */
class ValidateShippedScenariosTest {

    static Stream<Path> shipped() throws IOException {
        try (Stream<Path> list = Files.list(Path.of("..", "scenarios"))) {
            return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void simValidateAccepts(Path file) {
        CommandRunner.Result r = CommandRunner.run("validate", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("is a valid scenario"), r.out());
    }
}
