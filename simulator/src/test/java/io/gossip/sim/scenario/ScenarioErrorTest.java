package io.gossip.sim.scenario;

import static io.gossip.sim.scenario.ScenarioTexts.VALID;
import static io.gossip.sim.scenario.ScenarioTexts.firstProblem;
import static io.gossip.sim.scenario.ScenarioTexts.refusal;
import static io.gossip.sim.scenario.ScenarioTexts.scenario;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each kind of scenario error is reported at the right line and column with a helpful message. */
class ScenarioErrorTest {

    /** The location of the first occurrence of {@code token} on 1-based line {@code line} of {@code text}. */
    private static Location at(String text, int line, String token) {
        String lineText = text.lines().skip(line - 1).findFirst().orElseThrow();
        int index = lineText.indexOf(token);
        assertTrue(index >= 0, "test setup: '" + token + "' not on line " + line + ": " + lineText);
        return new Location("test.yaml", line, index + 1);
    }

    private static void assertProblem(ScenarioException.Problem problem, Location where, String... fragments) {
        assertEquals(where, problem.location(), problem.toString());
        for (String fragment : fragments) {
            assertTrue(problem.message().contains(fragment), "'" + fragment + "' missing from: " + problem);
        }
    }

    @Test
    void unknownTopLevelKeySuggestsTheClosestKey() {
        String text = VALID.replace("nodes: 200", "nodez: 200");
        assertProblem(firstProblem(text), at(text, 3, "nodez"), "unknown key 'nodez'", "Did you mean 'nodes'?",
                "Valid keys: name, description, seed");
    }

    @Test
    void aSectionsKeyWrittenAtTheTopLevelIsSaidToBelongToItsSection() {
        String text = VALID.replace("  c: 2", "c: 2");
        assertProblem(firstProblem(text), at(text, 5, "c: 2"), "unknown key 'c' at the top level. It is a key of "
                + "protocol: indent it under 'protocol:'.");
        String sweep = VALID + "values: [1, 2]\n";
        assertProblem(firstProblem(sweep), at(sweep, 13, "values"), "It is a key of sweep");
    }

    @Test
    void unknownNestedKeySuggestsTheClosestKeyOfThatSection() {
        String text = VALID.replace("  c: 2", "  forwardLimt: 2");
        assertProblem(firstProblem(text), at(text, 5, "forwardLimt"), "unknown key 'forwardLimt' in protocol",
                "Did you mean 'forwardLimit'?");
    }

    @Test
    void wrongTypeSaysWhatWasExpectedAndWhatWasFound() {
        String text = VALID.replace("nodes: 200", "nodes: many");
        assertProblem(firstProblem(text), at(text, 3, "many"), "nodes: expected an integer >= 1",
                "got the text 'many'");
    }

    @Test
    void outOfRangeValueGivesTheValidRange() {
        String text = VALID.replace("loss: 0.1", "loss: 1.5");
        assertProblem(firstProblem(text), at(text, 8, "1.5"), "network.loss: must be a number in [0, 1], got 1.5");
    }

    @Test
    void misspelledEnumSuggestsAndListsTheValidValues() {
        String text = VALID.replace("type: uniform", "type: unifrom");
        assertProblem(firstProblem(text), at(text, 7, "unifrom"), "unknown value 'unifrom'",
                "Did you mean 'uniform'?", "Valid values: constant, uniform, normal, lognormal");
    }

    @Test
    void misspelledActionListsTheActions() {
        String text = VALID.replace("action: crash", "action: crush");
        assertProblem(firstProblem(text), at(text, 11, "crush"), "timeline.1.action: unknown value 'crush'",
                "Did you mean 'crash'?", "join, broadcast, crash, unsubscribe, partition, churn");
    }

    @Test
    void missingRequiredKeyIsReportedAtTheEnclosingMapping() {
        String text = VALID.replace("nodes: 200\n", "");
        assertProblem(firstProblem(text), new Location("test.yaml", 1, 1), "missing required key 'nodes'",
                "an integer >= 1");
    }

    @Test
    void protocolConfigErrorIsReportedAtTheOffendingKey() {
        String text = VALID.replace("  c: 2\n", "  c: 2\n  isolationTimeoutMillis: 500\n");
        assertProblem(firstProblem(text), at(text, 6, "500"), "protocol: isolationTimeoutMillis must exceed "
                + "heartbeatPeriodMillis (1000)");
    }

    @Test
    void recordConstructorErrorIsReportedAtTheOffendingKey() {
        String text = VALID.replace("minMillis: 10, maxMillis: 100", "minMillis: 50, maxMillis: 10");
        assertProblem(firstProblem(text), at(text, 7, "10}"), "maxMillis must be >= minMillis");
    }

    @Test
    void everyIndependentProblemIsReportedAtOnce() {
        String text = VALID.replace("nodes: 200", "nodes: -3").replace("  c: 2", "  c: x")
                .replace("loss: 0.1", "loss: 2");
        ScenarioException e = refusal(text);
        assertEquals(3, e.problems().size(), e.getMessage());
        assertProblem(e.problems().get(0), at(text, 3, "-3"), "nodes");
        assertProblem(e.problems().get(1), at(text, 5, "x"), "protocol.c");
        assertProblem(e.problems().get(2), at(text, 8, "2"), "network.loss");
    }

    @Test
    void everyUnknownKeyOfOneMappingIsReportedWithItsSuggestion() {
        String text = VALID.replace("  loss: 0.1", "  los: 0.1\n  latancy: 5");
        ScenarioException e = refusal(text);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertProblem(e.problems().get(0), at(text, 8, "los"), "unknown key 'los' in network. Did you mean 'loss'?");
        assertProblem(e.problems().get(1), at(text, 9, "latancy"), "unknown key 'latancy' in network. "
                + "Did you mean 'latency'?");
    }

    /** An unknown key once stopped the mapping's check: its wrong values were found one run later. */
    @Test
    void anUnknownKeyDoesNotHideAWrongValueOfTheSameMapping() {
        String network = VALID.replace("minMillis: 10", "minMillis: -1").replace("  loss: 0.1", "  los: 0.1");
        ScenarioException e = refusal(network);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertProblem(e.problems().get(0), at(network, 8, "los"), "unknown key 'los' in network. "
                + "Did you mean 'loss'?");
        assertProblem(e.problems().get(1), at(network, 7, "-1"), "network.latency.minMillis: must be a number >= 0, "
                + "got -1");
        String protocol = VALID.replace("  c: 2", "  cc: 2\n  maxAttempts: 99");
        e = refusal(protocol);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertProblem(e.problems().get(0), at(protocol, 5, "cc"), "unknown key 'cc' in protocol. Did you mean 'c'?");
        assertProblem(e.problems().get(1), at(protocol, 6, "99"), "protocol.maxAttempts: must be an integer in "
                + "[1, 16], got 99");
    }

    @Test
    void everyWrongValueOfOneMappingIsReported() {
        String protocol = VALID.replace("  c: 2", "  c: -1\n  forwardLimit: 0\n  maxAttempts: 99");
        ScenarioException e = refusal(protocol);
        assertEquals(3, e.problems().size(), e.getMessage());
        assertProblem(e.problems().get(0), at(protocol, 5, "-1"),
                "protocol.c: must be an integer in [0, 65534], got -1");
        assertProblem(e.problems().get(1), at(protocol, 6, "0"), "protocol.forwardLimit: must be an integer >= 1");
        assertProblem(e.problems().get(2), at(protocol, 7, "99"), "protocol.maxAttempts");
        String regions = VALID + "  - {action: crash, atMillis: 5000, nodes: [-1, 3, 999]}\n";
        regions = regions.replace("  loss: 0.1", "  loss: {type: gilbert-elliott, goodToBad: 2, badToGood: -1}\n"
                + "  regions: {count: 0, intraRegionMillis: -1, interRegionMillis: x}");
        e = refusal(regions);
        assertEquals(7, e.problems().size(), e.getMessage());
        assertProblem(e.problems().get(0), at(regions, 9, "0,"), "network.regions.count");
        assertProblem(e.problems().get(1), at(regions, 9, "-1"), "network.regions.intraRegionMillis");
        assertProblem(e.problems().get(2), at(regions, 9, "x}"), "network.regions.interRegionMillis");
        assertProblem(e.problems().get(3), at(regions, 8, "2,"), "network.loss.goodToBad");
        assertProblem(e.problems().get(4), at(regions, 8, "-1"), "network.loss.badToGood");
        assertProblem(e.problems().get(5), at(regions, 14, "-1"), "timeline.3.nodes: must be an integer in [0, 199]");
        assertProblem(e.problems().get(6), at(regions, 14, "999"), "timeline.3.nodes");
        String sweep = VALID + "sweep: {parameter: name, values: []}\n";
        e = refusal(sweep);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertProblem(e.problems().get(0), at(sweep, 13, "name"), "sweep.parameter: cannot sweep 'name'");
        assertProblem(e.problems().get(1), at(sweep, 13, "[]"), "sweep.values: expected a non-empty list");
    }

    @Test
    void everyProblemOfOneTimelineEntryIsReported() {
        String text = VALID.replace("{action: broadcast, atMillis: 4000, count: 5, intervalMillis: 500}",
                "{action: broadcast, atMillis: -5, count: 0, payloadBytes: 5000, sorce: 3}");
        ScenarioException e = refusal(text);
        assertEquals(4, e.problems().size(), e.getMessage());
        assertProblem(e.problems().get(0), at(text, 12, "sorce"), "unknown key 'sorce' in timeline.2. "
                + "Did you mean 'source'?");
        assertProblem(e.problems().get(1), at(text, 12, "-5"), "timeline.2.atMillis: must be a number >= 0, got -5");
        assertProblem(e.problems().get(2), at(text, 12, "0,"), "timeline.2.count: must be an integer >= 1, got 0");
        assertProblem(e.problems().get(3), at(text, 12, "5000"), "timeline.2.payloadBytes: must be an integer in "
                + "[0, 1024], got 5000");
        // A wrong start leaves the end checked on its own; a wrong join count leaves its length checked.
        String partition = VALID + "  - {action: partition, atMillis: x, untilMillis: -1, fractions: [0, 1]}\n"
                + "  - {action: join, atMillis: 6000, count: -4, overMillis: -2, contacts: any}\n";
        e = refusal(partition);
        assertEquals(6, e.problems().size(), e.getMessage());
        assertProblem(e.problems().get(0), at(partition, 13, "x,"), "timeline.3.atMillis: expected a number");
        assertProblem(e.problems().get(1), at(partition, 13, "-1"), "timeline.3.untilMillis: must be a number >= 0");
        assertProblem(e.problems().get(2), at(partition, 13, "0,"), "timeline.3.fractions");
        assertProblem(e.problems().get(3), at(partition, 14, "-4"), "timeline.4.count");
        assertProblem(e.problems().get(4), at(partition, 14, "-2"), "timeline.4.overMillis");
        assertProblem(e.problems().get(5), at(partition, 14, "any"), "timeline.4.contacts: unknown value 'any'");
    }

    @Test
    void everyProblemOfMembershipOutputAndLiveIsReported() {
        String text = VALID + "membership: {type: scmap, fanout: 0, extra: 1}\n"
                + "output: {timelineSampleMillis: 0.0001, coverageStepMillis: 0}\n"
                + "live: {timeScale: 2, loopThreads: 0, receiveBufferBytes: 1000}\n";
        ScenarioException e = refusal(text);
        assertEquals(8, e.problems().size(), e.getMessage());
        assertProblem(e.problems().get(0), at(text, 13, "extra"), "unknown key 'extra' in membership");
        assertProblem(e.problems().get(1), at(text, 13, "scmap"), "membership.type: unknown value 'scmap'. "
                + "Did you mean 'scamp'?");
        assertProblem(e.problems().get(2), at(text, 13, "0,"), "membership.fanout: must be an integer >= 1");
        assertProblem(e.problems().get(3), at(text, 14, "0.0001"), "output.timelineSampleMillis: must be 0");
        assertProblem(e.problems().get(4), at(text, 14, "0}"), "output.coverageStepMillis");
        assertProblem(e.problems().get(5), at(text, 15, "2,"), "live.timeScale");
        assertProblem(e.problems().get(6), at(text, 15, "0,"), "live.loopThreads");
        assertProblem(e.problems().get(7), at(text, 15, "1000"), "live.receiveBufferBytes: must be 0 (the system's) "
                + "or an integer in [1024, 1073741824], got 1000");
    }

    @Test
    void yamlAliasIsRefusedRatherThanReadAsText() {
        String text = VALID.replace("  latency:", "  latency: &lat").replace("  loss: 0.1", "  loss: *lat");
        assertProblem(firstProblem(text), at(text, 8, "*lat"), "YAML aliases (*lat) are not supported");
    }

    @Test
    void duplicateKeyNamesTheFirstOne() {
        String text = VALID + "nodes: 300\n";
        assertProblem(firstProblem(text), at(text, 13, "nodes"), "duplicate key 'nodes'", "test.yaml:3:1");
    }

    @Test
    void timelineMustBeInTimeOrder() {
        String text = VALID.replace("atMillis: 4000", "atMillis: 1000");
        assertProblem(firstProblem(text), at(text, 12, "{"), "timeline.2: actions must be in time order");
    }

    @Test
    void crashNeedsExactlyOneSelection() {
        String text = VALID.replace("fraction: 0.1", "fraction: 0.1, nodes: [1]");
        assertProblem(firstProblem(text), at(text, 11, "{"), "timeline.1: give exactly one of 'fraction'");
    }

    @Test
    void joinTakesEitherOverOrInterval() {
        String text = VALID.replace("overMillis: 2000", "overMillis: 2000, intervalMillis: 5");
        assertProblem(firstProblem(text), at(text, 10, "5}"), "give either overMillis");
    }

    @Test
    void joinIntervalOfAllSlotsIsRefusedAfterAChurn() {
        String text = VALID.replace("  - {action: crash, atMillis: 3000, fraction: 0.1}",
                "  - {action: churn, atMillis: 2500, untilMillis: 2600}\n"
                        + "  - {action: join, atMillis: 3000, count: all, intervalMillis: 5}");
        assertProblem(firstProblem(text), at(text, 12, "5}"), "known only at run time");
    }

    @Test
    void broadcastPayloadIsLimitedByTheProtocolsMaximum() {
        String text = VALID.replace("count: 5,", "count: 5, payloadBytes: 5000,");
        assertProblem(firstProblem(text), at(text, 12, "5000"), "payloadBytes: must be an integer in [0, 1024]");
    }

    /**
     * Found probing the extreme values ScenarioFuzzProperties draws: a payload of 2,147,483,647
     * bytes under maxPayloadBytes 2,147,483,647 was accepted, and the run failed at its first
     * broadcast with "OutOfMemoryError: Requested array size exceeds VM limit" (no heap holds it).
     */
    @Test
    void broadcastPayloadIsLimitedToWhatAJavaArrayHolds() {
        String text = VALID.replace("  c: 2", "  c: 2\n  maxPayloadBytes: 2147483647")
                .replace("count: 5,", "count: 5, payloadBytes: 2147483647,");
        assertProblem(firstProblem(text), at(text, 13, "2147483647"), "timeline.2.payloadBytes: must be at most "
                + "2147483639 bytes (a payload is held in one Java array), got 2147483647");
        String largest = VALID.replace("  c: 2", "  c: 2\n  maxPayloadBytes: 2147483647")
                .replace("count: 5,", "count: 5, payloadBytes: 2147483639,");
        assertDoesNotThrow(() -> ScenarioTexts.read(largest));
    }

    /**
     * Seen among the refusals ScenarioFuzzProperties reaches: YAML's infinities and NaN ({@code .inf},
     * {@code -.Inf}, {@code .nan}), which Jackson types as numbers but cannot convert, were refused as
     * "invalid YAML: Malformed numeric value '.inf'", at the column after the value, not naming the key.
     */
    @Test
    void yamlInfinityAndNaNAreNumbersThatTheKeyRefuses() {
        String text = VALID + "drainMillis: .inf\n";
        assertProblem(firstProblem(text), at(text, 13, ".inf"), "drainMillis: must be a number >= 0, got Infinity");
        String nan = VALID.replace("loss: 0.1", "loss: .NaN");
        assertProblem(firstProblem(nan), at(nan, 8, ".NaN"), "network.loss: must be a number in [0, 1], got NaN");
        String count = VALID.replace("nodes: 200", "nodes: -.Inf");
        assertProblem(firstProblem(count), at(count, 3, "-.Inf"), "nodes: expected an integer >= 1, got the number "
                + "-Infinity");
        String tagged = VALID + "drainMillis: !!float 0x10\n";
        assertProblem(firstProblem(tagged), at(tagged, 13, "!!float"), "drainMillis: expected a number >= 0, got the "
                + "text '0x10'");
        assertEquals("--set drainMillis=.inf: drainMillis: must be a number >= 0, got Infinity",
                firstProblem(VALID, "drainMillis=.inf").toString());
    }

    /**
     * From the fuzzing audit: a value tagged {@code !!int} that is no integer ({@code 0x}, {@code 0b2})
     * was "invalid YAML: Invalid base-16 number (''), problem: For input string: "" under radix 16"
     * (Java's NumberFormatException), at the column after the value. It is now text, which the key
     * refuses by name where the value starts, as {@code !!float 0x10} above.
     */
    @Test
    void aValueTaggedAsANumberThatIsNoneIsTextTheKeyRefuses() throws Exception {
        String hex = VALID.replace("  c: 2", "  c: !!int 0x");
        assertEquals("test.yaml:5:6: protocol.c: expected an integer in [0, 65534], got the text '0x'",
                firstProblem(hex).toString());
        String binary = VALID.replace("nodes: 200", "nodes: !!int 0b2");
        assertEquals("test.yaml:3:8: nodes: expected an integer >= 1, got the text '0b2'",
                firstProblem(binary).toString());
        assertEquals("--set protocol.c=!!int 0x: protocol.c: expected an integer in [0, 65534], got the text '0x'",
                firstProblem(VALID, "protocol.c=!!int 0x").toString());
        assertEquals(16, ScenarioTexts.scenario(VALID.replace("  c: 2", "  c: !!int 0x10")).protocol().c(),
                "a well-formed tagged number is still a number");
    }

    @Test
    void fanoutAutoIsOnlyForTheBaseline() {
        String text = VALID + "membership: {type: global, fanout: auto}\n";
        assertProblem(firstProblem(text), at(text, 13, "auto"), "only valid in baseline");
    }

    @Test
    void durationEndingBeforeTheLastActionIsRefused() {
        String text = VALID + "durationMillis: 3500\n";
        assertProblem(firstProblem(text), at(text, 13, "3500"), "before the timeline's last action at 4000");
    }

    /** The engine's clock counts microseconds in a long: longer runs once hung or crashed mid-run. */
    @Test
    void runsLongerThanTheLongestAreRefusedWhereTheLengthComesFrom() throws Exception {
        String duration = VALID + "durationMillis: 9.3e15\n";
        assertProblem(firstProblem(duration), at(duration, 13, "9.3e15"),
                "durationMillis: must be a number in (0, 1000000000000], got 9.3E15");
        String action = VALID.replace("atMillis: 4000, count: 5", "atMillis: 9.3e15, count: 5");
        assertProblem(firstProblem(action), at(action, 12, "{action: broadcast"), "timeline.2: the run would last "
                + "until", "this action's end plus drainMillis", "1,000,000,000,000 ms (about 32 years)");
        // within the limit but for the default drainMillis: the action is to blame, drainMillis not being written
        String late = VALID.replace("atMillis: 4000, count: 5", "atMillis: 999999990000, count: 5");
        assertProblem(firstProblem(late), at(late, 12, "{action: broadcast"), "timeline.2: the run would last");
        String drain = VALID + "drainMillis: 1e13\n";
        assertProblem(firstProblem(drain), at(drain, 13, "1e13"), "drainMillis: the run would last until");
        assertEquals(1e12, ScenarioTexts.scenario(VALID + "durationMillis: 1e12\n").durationMillis());
    }

    @Test
    void aListOfTheWrongLengthSaysHowLongItIs() {
        String fractions = VALID + "  - {action: partition, atMillis: 5000, untilMillis: 6000, fractions: [1]}\n";
        assertProblem(firstProblem(fractions), at(fractions, 13, "[1]"),
                "timeline.3.fractions: expected a list of at least 2 numbers > 0, got a list of 1 entry");
        String values = VALID + "sweep: {parameter: network.loss, values: []}\n";
        assertProblem(firstProblem(values), at(values, 13, "[]"),
                "sweep.values: expected a non-empty list of values, got an empty list");
    }

    @Test
    void aMissingUntilSaysItMustComeAfterTheStart() {
        String text = VALID + "  - {action: partition, atMillis: 5000, fractions: [1, 1]}\n";
        assertProblem(firstProblem(text), at(text, 13, "{action: partition"),
                "missing required key 'untilMillis' in timeline.3 (a number after atMillis (5000.0))");
    }

    /** Found by ScenarioFuzzProperties' 100,000-character values: the whole value was written back. */
    @Test
    void aLongValueIsEchoedAsItsFirstFortyCharactersAndItsLength() {
        String x = "x".repeat(100_000);
        String cut = "x".repeat(40) + "\u2026 (100,000 characters)";
        assertEquals("test.yaml:3:8: nodes: expected an integer >= 1, got the text '" + cut + "'",
                firstProblem(VALID.replace("nodes: 200", "nodes: " + x)).toString());
        assertEquals("test.yaml:1:7: name: expected letters, digits, '.', '_' or '-', not starting with '.' (it names "
                + "the output folder), got '" + cut.replace("(100,000", "(100,001") + "'",
                firstProblem(VALID.replace("name: small", "name: " + x + "!")).toString());
        assertProblem(firstProblem(VALID + "membership: " + x + "\n"), at(VALID + "membership: x\n", 13, "x"),
                "membership: unknown value '" + cut + "'.");
        String key = "k".repeat(1000);
        assertProblem(firstProblem(VALID + key + ": 1\n"), new Location("test.yaml", 13, 1),
                "unknown key '" + "k".repeat(40) + "\u2026 (1,000 characters)' at the top level.");
        assertEquals("test.yaml:13:42: sweep.values.0: a swept value must not contain a comma or a line break "
                + "(points.csv writes it unquoted in its value column), got '," + "x".repeat(39)
                + "\u2026 (100,001 characters)'",
                firstProblem(VALID + "sweep: {parameter: description, values: [\"," + x + "\"]}\n").toString());
        // On the command line, the override's value is cut where it is named as the location too.
        assertEquals("--set nodes=" + cut + ": nodes: expected an integer >= 1, got the text '" + cut + "'",
                firstProblem(VALID, "nodes=" + x).toString());
        // Up to forty characters, a value is written whole.
        assertEquals("--set nodes=" + "x".repeat(40) + ": nodes: expected an integer >= 1, got the text '"
                + "x".repeat(40) + "'", firstProblem(VALID, "nodes=" + "x".repeat(40)).toString());
    }

    /** The cut applies to numbers too: an integer of 100 digits, beyond a long, was written back whole. */
    @Test
    void aLongIntegerIsEchoedAsItsFirstFortyCharactersAndItsLength() {
        String digits = "9".repeat(100);
        String cut = "9".repeat(40) + "\u2026 (100 characters)";
        assertTrue(firstProblem(VALID.replace("nodes: 200", "nodes: " + digits)).toString()
                .endsWith(", got " + cut), "integer beyond a long");
    }

    /** A number is written back as a person writes it: 0.0005 and 1000, not Java's 5.0E-4 and 1000.0. */
    @Test
    void aNumberIsWrittenBackInPlainDecimals() {
        assertEquals("--set live.timeScale=0.0005: live.timeScale: must be a number in [0.001, 1], got 0.0005",
                firstProblem(VALID, "live.timeScale=0.0005").toString());
        assertEquals("--set description=1e3: description: expected a text, got the number 1000",
                firstProblem(VALID, "description=1e3").toString());
        // Far beyond everyday magnitudes, Java's exponent form is the short one.
        assertEquals("--set network.loss=1e300: network.loss: must be a number in [0, 1], got 1.0E300",
                firstProblem(VALID, "network.loss=1e300").toString());
        // Written out, 4.9e-324 would be 327 characters.
        assertEquals("test.yaml:13:32: output.timelineSampleMillis: must be 0 (no timeline) or at least 0.0005 "
                + "(the clock counts whole microseconds), got 4.9E-324",
                firstProblem(VALID + "output: {timelineSampleMillis: 4.9e-324}\n").toString());
    }

    @Test
    void timelineSampleThatRoundsToZeroMicrosecondsIsRefused() throws Exception {
        String text = VALID + "output: {timelineSampleMillis: 0.0004}\n";
        assertEquals("test.yaml:13:32: output.timelineSampleMillis: must be 0 (no timeline) or at least 0.0005 "
                + "(the clock counts whole microseconds), got 0.0004", firstProblem(text).toString());
        // A run short enough for a sample every microsecond (RunBounds.MAX_TIMELINE_SAMPLES).
        assertEquals(0.0005, ScenarioTexts.scenario(VALID + "output: {timelineSampleMillis: 0.0005}\n"
                + "durationMillis: 9000\n").output().timelineSampleMillis());
        assertEquals(0, ScenarioTexts.scenario(VALID + "output: {timelineSampleMillis: 0}\n")
                .output().timelineSampleMillis());
    }

    @Test
    void requiredKeyWrittenEmptyIsReportedWhereItIsWritten() {
        assertEquals("--set name=: name: expected a text, got an empty value", firstProblem(VALID, "name=").toString());
        String text = VALID.replace("name: small", "name:");
        assertEquals("test.yaml:1:1: name: expected a text, got an empty value", firstProblem(text).toString());
    }

    @Test
    void misspelledProtocolKeyDoesNotHideTheTimelinesProblems() {
        String text = VALID.replace("  c: 2", "  cc: 2").replace("fraction: 0.1", "fraction: 1.5");
        ScenarioException e = refusal(text);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertProblem(e.problems().get(0), at(text, 5, "cc"), "unknown key 'cc' in protocol");
        assertProblem(e.problems().get(1), at(text, 11, "1.5"), "timeline.1.fraction: must be a number in [0, 1]");
    }

    @Test
    void aMissingNodeCountDoesNotHideTheTimelinesProblems() {
        String text = VALID.replace("nodes: 200\n", "").replace("fraction: 0.1", "fraction: 1.5");
        ScenarioException e = refusal(text);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertProblem(e.problems().get(0), at(text, 1, "name"), "missing required key 'nodes'");
        assertProblem(e.problems().get(1), at(text, 10, "1.5"), "timeline.1.fraction: must be a number in [0, 1]");
        // A wrong count too; and a valid timeline adds nothing to the one problem.
        String negative = VALID.replace("nodes: 200", "nodes: -3");
        ScenarioException wrong = refusal(negative);
        assertEquals(1, wrong.problems().size(), wrong.getMessage());
        assertProblem(wrong.problems().get(0), at(negative, 3, "-3"), "nodes: must be an integer >= 1");
    }

    @Test
    void nameMustBeUsableAsAFolderName() {
        String text = VALID.replace("name: small", "name: ../etc");
        assertProblem(firstProblem(text), at(text, 1, "../etc"), "name: expected letters, digits");
    }

    @Test
    void aNameStartingWithADotIsRefusedForThatAndNotForItsCharacters() {
        // '.hidden' has only allowed characters: the message must name the rule it breaks.
        assertEquals("--set name=.hidden: name: must not start with '.' (it names the output folder, which would "
                + "be hidden), got '.hidden'", firstProblem(VALID, "name=.hidden").toString());
    }

    @Test
    void aNameTooLongForAFolderIsRefusedBeforeAnythingRuns() {
        String longest = "n".repeat(ScenarioBinder.MAX_NAME_CHARACTERS);
        assertEquals(longest, assertDoesNotThrow(() -> scenario(VALID, "name=" + longest)).name(),
                "the longest name is accepted");
        String text = VALID.replace("name: small", "name: " + longest + "x");
        assertProblem(firstProblem(text), at(text, 1, longest + "x"),
                "name: at most 255 characters (it names the output folder, and a file system takes no longer"
                        + " folder name), got 256");
    }

    @Test
    void aDescriptionIsAnyTextThatIsNotBlank() throws Exception {
        assertEquals("test.yaml:13:14: description: expected a text, got the number 42",
                firstProblem(VALID + "description: 42\n").toString());
        assertEquals("test.yaml:13:14: description: expected a text that is not blank, got the text '  '",
                firstProblem(VALID + "description: '  '\n").toString());
        ScenarioTexts.scenario(VALID + "description: '42'\n");
        ScenarioTexts.scenario(VALID + "description: a run, with commas and an (aside)\n");
    }

    @Test
    void aCoverageStepThatRoundsToNoMicrosecondIsRefusedAsTheTimelineIntervalIs() throws Exception {
        String text = VALID + "output: {coverageStepMillis: 0.0004}\n";
        assertEquals("test.yaml:13:30: output.coverageStepMillis: must be at least 0.0005 (the clock counts whole "
                + "microseconds), got 0.0004", firstProblem(text).toString());
        assertEquals(0.0005, ScenarioTexts.scenario(text.replace("0.0004", "0.0005")).output().coverageStepMillis());
    }

    @Test
    void aJoinAfterAJoinOfAllTheSlotsIsRefusedBecauseSlotsAreNeverUsedTwice() throws Exception {
        // count: all takes every slot left; a later join would join nobody (events.csv: count=0 requested=5).
        String text = VALID + "  - {action: join, atMillis: 5000, count: 5}\n"
                + "  - {action: churn, atMillis: 6000, untilMillis: 7000, joinsPerSecond: 2, leavesPerSecond: 1}\n"
                + "  - {action: churn, atMillis: 8000, untilMillis: 9000, leavesPerSecond: 1}\n";
        ScenarioException e = refusal(text);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals("test.yaml:13:43: timeline.3: timeline.0 joins with count: all, which takes every node slot "
                + "left, and a slot is never used twice (nodes that crash or leave keep theirs): this join would "
                + "find no slot left, or take one an earlier join still under way needs; give timeline.0 a count "
                + "(and raise nodes if they do not fit)", e.problems().get(0).toString());
        assertProblem(e.problems().get(1), at(text, 14, "2,"), "timeline.4.joinsPerSecond: timeline.0 joins with "
                + "count: all", "this churn's joins would find no slot left", "or set joinsPerSecond: 0");
        // Explicit counts that take every slot leave none either; with a slot left, the join is fine.
        String explicit = VALID.replace("count: all", "count: 200") + "  - {action: join, atMillis: 5000}\n";
        assertProblem(firstProblem(explicit), at(explicit, 13, "{action: join"), "timeline.3: the joins up to "
                + "timeline.0 take all 200 node slots", "; raise nodes");
        ScenarioTexts.scenario(VALID.replace("count: all", "count: 199") + "  - {action: join, atMillis: 5000}\n");
    }
}
