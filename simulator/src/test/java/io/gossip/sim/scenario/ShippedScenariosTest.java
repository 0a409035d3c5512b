package io.gossip.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario shipped in scenarios/ is valid, seeded, and named after its file. */
class ShippedScenariosTest {
    private static final Path SCENARIOS = Path.of("..", "scenarios");

    static Stream<Path> shipped() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(SCENARIOS)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 8, "expected the shipped scenarios in " + SCENARIOS.toAbsolutePath());
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void isValidSeededAndNamedAfterItsFile(Path file) throws Exception {
        LoadedScenario loaded = new ScenarioReader(List.of(), null, () -> {
            throw new AssertionError("shipped scenarios carry their seed");
        }).read(file);
        assertFalse(loaded.seedGenerated());
        assertEquals(file.getFileName().toString().replace(".yaml", ""), loaded.name());
    }
}
