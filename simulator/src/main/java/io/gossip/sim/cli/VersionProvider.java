package io.gossip.sim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code sim --version}: the simulator's Maven version, read from the pom.properties Maven puts in
 * the jar, so it is never out of date.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
    private static final String POM_PROPERTIES = "/META-INF/maven/io.gossip/gossip-simulator/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"sim " + version(), "Java " + System.getProperty("java.version")};
    }

    /** The version, or "development build" when running from classes outside the jar. */
    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "(development build)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            return "(unknown version)";
        }
    }
}
