package io.gossip.sim.scenario;

import static io.gossip.sim.scenario.ScenarioTexts.VALID;
import static io.gossip.sim.scenario.ScenarioTexts.firstProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * YAML syntax errors point at the line and column where the parser found the mistake, with the
 * parser's reason and, when the mistake belongs to something begun earlier, where that began.
 */
class YamlSyntaxErrorTest {
    /** What a mistake that is nearly always a wrong indentation adds to the parser's words. */
    private static final String INDENTATION_HINT = "; check the indentation: the keys of one mapping start in the "
            + "same column, a nested mapping's further right, and a key needs a space after its colon";

    private static void assertRefusal(String text, String expected) {
        assertEquals(expected, firstProblem(text).toString());
    }

    @Test
    void keyWithoutASpaceAfterItsColonIsReportedWithTheLineItStartedOn() {
        assertRefusal("name: t\nseed: 42\nnodes:1000\nprotocol:\n  c: 1\n",
                "test.yaml:4:1: invalid YAML: could not find expected ':' "
                        + "(while scanning a simple key that started at line 3, column 1)");
    }

    @Test
    void tabIndentationIsReportedOnItsOwnLine() {
        assertRefusal("name: t\nnodes: 10\n\ttimeline: []\n",
                "test.yaml:3:1: invalid YAML: found character '\\t(TAB)' that cannot start any token. "
                        + "(Do not use \\t(TAB) for indentation)");
    }

    @Test
    void flowMappingWithoutItsClosingBraceNamesWhereItOpened() {
        assertRefusal("name: t\nprotocol: {c: 1, forwardLimit: 2\nnodes: 10\n",
                "test.yaml:3:6: invalid YAML: expected ',' or '}', but got : "
                        + "(while parsing a flow mapping that started at line 2, column 11)");
    }

    @Test
    void flowListWithoutItsClosingBracketNamesWhereItOpened() {
        assertRefusal("name: t\nnodes: 10\ntimeline: [1, 2\n",
                "test.yaml:4:1: invalid YAML: expected ',' or ']', but got <stream end> "
                        + "(while parsing a flow sequence that started at line 3, column 11)");
    }

    @Test
    void keyIndentedDeeperThanItsSiblingIsReportedAtTheColon() {
        assertRefusal("name: t\nprotocol:\n  c: 1\n   forwardLimit: 2\nnodes: 10\n",
                "test.yaml:4:16: invalid YAML: mapping values are not allowed here" + INDENTATION_HINT);
    }

    @Test
    void keyIndentedLessThanItsSiblingIsReportedAtTheKey() {
        assertRefusal("name: t\nprotocol:\n    c: 1\n  forwardLimit: 2\nnodes: 10\n",
                "test.yaml:4:3: invalid YAML: expected <block end>, but found '<block mapping start>' "
                        + "(while parsing a block mapping that started at line 1, column 1)" + INDENTATION_HINT);
    }

    @Test
    void unclosedQuoteNamesWhereTheQuoteOpened() {
        assertRefusal("name: \"t\nnodes: 10\n",
                "test.yaml:3:1: invalid YAML: found unexpected end of stream "
                        + "(while scanning a quoted scalar that started at line 1, column 7)");
    }

    @Test
    void controlCharacterIsReportedWhereItIs() {
        assertRefusal("name: t\nnodes: 1\u00e9\u0001\n",
                "test.yaml:2:10: invalid YAML: the character U+0001 is not allowed in YAML (a control "
                        + "character); remove it or write it as an escape inside double quotes");
    }

    @Test
    void overrideValueErrorGivesTheColumnInsideTheValue() {
        assertEquals("--set protocol={c: 1: invalid YAML at column 6 of the value: expected ',' or '}', "
                        + "but got <stream end> (while parsing a flow mapping that started at column 1)",
                firstProblem(VALID, "protocol={c: 1").toString());
    }

    @Test
    void overrideValueWithAnUnclosedQuoteNamesWhereTheQuoteOpened() {
        assertEquals("--set name='x: invalid YAML at column 3 of the value: found unexpected end of stream "
                        + "(while scanning a quoted scalar that started at column 1)",
                firstProblem(VALID, "name='x").toString());
    }

    /**
     * Found by ScenarioFuzzProperties: past 1,000 levels Jackson refused the file with no line or
     * column ("f.yaml: invalid YAML: Document nesting depth (1001) exceeds the maximum allowed (1000,
     * from `StreamReadConstraints.getMaxNestingDepth()`)").
     */
    @Test
    void listsNestedTooDeepAreRefusedWhereTheLevelTooManyOpens() {
        String deep = "[".repeat(1200) + "]".repeat(1200);
        // The root mapping is level 1, so the 100th '[' (column 7 + 100) opens level 101.
        assertRefusal("name: t\nnodes: " + deep + "\n", "test.yaml:2:107: invalid YAML: lists and mappings "
                + "nested more than 100 levels deep (a scenario needs a few; is a bracket or brace left open?)");
        // The override's value is cut where it is named as the location (Values.echo).
        assertEquals("--set nodes=" + "[".repeat(40) + "\u2026 (2,400 characters): invalid YAML: lists and mappings "
                + "nested more than 100 levels deep "
                + "(a scenario needs a few; is a bracket or brace left open?)",
                firstProblem(VALID, "nodes=" + deep).toString());
    }

    @Test
    void mappingsNestedTooDeepAreRefusedWhereTheLevelTooManyOpens() {
        String deep = "{a: ".repeat(1100) + "1" + "}".repeat(1100);
        // Level k + 1 opens at column 8 + 4 (k - 1): the 100th brace opens level 101.
        assertEquals(new Location("test.yaml", 1, 8 + 4 * 99), firstProblem("nodes: " + deep + "\n").location());
        String fine = "{a: ".repeat(50) + "1" + "}".repeat(50);
        assertRefusal(VALID.replace("nodes: 200", "nodes: " + fine),
                "test.yaml:3:8: nodes: expected an integer >= 1, got a mapping");
    }
}
