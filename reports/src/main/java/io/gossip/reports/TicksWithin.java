package io.gossip.reports;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A number axis whose range may run beyond the values it labels: it draws ticks (and so grid
 * lines) only from {@code lowest} to {@code highest}. A fraction axis gets room below 0 and above
 * 1 for the markers drawn there without a tick at −0.05 or 1.05, which no fraction can take; the
 * band of event labels above a timeline's data ({@link EventLabelBand}) gets no ticks at all.
 */
class TicksWithin extends NumberAxis {
    private static final long serialVersionUID = 1L;

    private final double lowest;
    private final double highest;

    TicksWithin(String label, double lowest, double highest) {
        super(label);
        this.lowest = lowest;
        this.highest = highest;
    }

    /** The lowest value that may have a tick. */
    double lowest() {
        return lowest;
    }

    /** The highest value that may have a tick. */
    double highest() {
        return highest;
    }

    @Override
    public List<ValueTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea,
            RectangleEdge edge) {
        List<?> ticks = super.refreshTicks(g2, state, dataArea, edge);
        // Tick values are sums of tick units and may miss 1 by a rounding error.
        double slack = getTickUnit().getSize() * 1e-6;
        return ticks.stream().map(ValueTick.class::cast)
                .filter(t -> t.getValue() >= lowest - slack && t.getValue() <= highest + slack)
                .toList();
    }
}
