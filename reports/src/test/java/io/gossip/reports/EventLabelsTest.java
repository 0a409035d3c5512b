package io.gossip.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Where timeline event labels go: a free row each, neighbours merged only when rows run out. */
class EventLabelsTest {
    /** A 1,000 px plot from 0 to 1,000 s: a pixel a second. */
    private static final DoubleUnaryOperator PX = ms -> ms / 1000;
    private static final ToDoubleFunction<String> WIDTH = text -> 8.0 * text.length();

    private static TimelineView.EventMarker at(double seconds, String action) {
        return new TimelineView.EventMarker(seconds * 1000, action, action + " nodes=20");
    }

    private static List<EventLabels.Placed> layout(List<TimelineView.EventMarker> markers) {
        return EventLabels.layout(markers, PX, WIDTH, 0, 1000, ChartTheme.LABEL_ROWS);
    }

    @Test
    void labelsFarApartShareTheFirstRow() {
        List<EventLabels.Placed> placed = layout(List.of(at(100, "crash"), at(400, "join"), at(700, "heal")));
        assertEquals(3, placed.size());
        assertTrue(placed.stream().allMatch(p -> p.row() == 0 && !p.left()), placed.toString());
        assertEquals(105, placed.get(0).fromPx(), 1e-9, "5 px right of its line");
    }

    @Test
    void aLabelTakesTheFirstRowWhereItOverlapsNothing() {
        // "crash nodes=20" is 112 px wide: the second label overlaps the first, the third does not.
        List<EventLabels.Placed> placed = layout(List.of(at(100, "crash"), at(150, "crash"), at(250, "crash")));
        assertEquals(List.of(0, 1, 0), placed.stream().map(EventLabels.Placed::row).toList());
    }

    @Test
    void aLabelThatWouldRunOffThePlotGoesLeftOfItsLine() {
        EventLabels.Placed p = layout(List.of(at(950, "heal"))).get(0);
        assertTrue(p.left());
        assertEquals(945, p.toPx(), 1e-9);
    }

    /**
     * 20 actions 5 s apart on a 1,000 s axis, each label about 110 px wide: six rows hold at
     * most 6 labels per 116 px, so neighbours share labels; a pair of actions far from the crowd
     * and 1 s apart keeps its own two labels.
     */
    @Test
    void crowdedActionsShareLabelsInsteadOfOverlapping() {
        List<TimelineView.EventMarker> markers = new ArrayList<>();
        String[] actions = {"crash", "join", "unsubscribe", "partition", "heal"};
        for (int i = 0; i < 20; i++) {
            markers.add(at(200 + 5 * i, actions[i % actions.length]));
        }
        markers.add(at(700, "crash"));
        markers.add(at(701, "join"));
        List<EventLabels.Placed> placed = layout(markers);

        int next = 0;
        for (EventLabels.Placed p : placed) {
            assertEquals(next, p.first(), "every marker named once, in order: " + placed);
            next = p.last() + 1;
            assertTrue(p.row() < ChartTheme.LABEL_ROWS);
            for (EventLabels.Placed q : placed) {
                assertFalse(q != p && q.row() == p.row() && q.fromPx() < p.toPx() && p.fromPx() < q.toPx(),
                        "overlap " + p + " " + q);
            }
        }
        assertEquals(markers.size(), next);
        assertTrue(placed.size() < markers.size(), "some share a label: " + placed);
        assertTrue(placed.stream().anyMatch(p -> p.text().matches("\\d+ actions 2\\d\\d–2\\d\\d s")),
                placed.toString());
        EventLabels.Placed last = placed.get(placed.size() - 1);
        assertEquals(List.of("crash nodes=20", "join nodes=20"),
                List.of(placed.get(placed.size() - 2).text(), last.text()), "far from the crowd, whole");
    }

    @Test
    void aSharedLabelCountsTheActionsAndSaysWhen() {
        List<TimelineView.EventMarker> markers = List.of(at(120, "crash"), at(120, "crash"), at(120, "crash"),
                at(120, "join"), at(135.5, "heal"));
        assertEquals("3 crashes at 120 s", EventLabels.text(markers, 0, 2));
        assertEquals("5 actions 120–135.5 s", EventLabels.text(markers, 0, 4));
        assertEquals("crash nodes=20", EventLabels.text(markers, 1, 1));
    }
}
