package io.gossip.reports;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a swept parameter for people: {@code timeline.1.fraction} says which list entry is swept
 * but not what it is, so when the run's {@code scenario.yaml} is at hand the axis reads
 * {@code timeline.1.fraction (crash fraction)}. The scenario is only shown, never required: a
 * missing or unreadable one leaves the dotted path as it is.
 */
final class ParameterNames {
    private static final Pattern TIMELINE_KEY = Pattern.compile("timeline\\.(\\d+)\\.([A-Za-z]+)");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ParameterNames() {
    }

    /** {@code parameter}, followed by the timeline action and key it names when known. */
    static String describe(String parameter, Optional<String> scenarioYaml) {
        Matcher m = TIMELINE_KEY.matcher(parameter);
        if (!m.matches() || scenarioYaml.isEmpty()) {
            return parameter;
        }
        try {
            JsonNode timeline = YAML.readTree(scenarioYaml.get()).path("timeline");
            JsonNode action = timeline.path(Integer.parseInt(m.group(1))).path("action");
            if (!action.isTextual() || action.asText().isBlank()) {
                return parameter;
            }
            return parameter + " (" + action.asText() + " " + words(m.group(2)) + ")";
        } catch (JacksonException | NumberFormatException e) {
            return parameter;
        }
    }

    /** {@code joinsPerSecond} → {@code joins per second}. */
    static String words(String camelCase) {
        return camelCase.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
