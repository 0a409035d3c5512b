package io.gossip.sim.live;

import io.gossip.sim.scenario.LatencySpec;
import io.gossip.sim.scenario.LossSpec;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import io.gossip.udp.Impairment;
import java.util.ArrayList;
import java.util.List;

/**
 * What of a (valid) scenario a live run cannot reproduce, as one message per problem. A live run
 * refuses such a scenario rather than run something else under its name: the transport's
 * impairment stage draws independent loss and uniform latency per outgoing datagram, and the
 * loopback cluster can join, broadcast, crash and unsubscribe nodes, nothing more.
 */
public final class LiveCompatibility {
    private LiveCompatibility() {
    }

    /** Every reason {@code scenario} cannot run live; empty when it can. */
    public static List<String> problems(Scenario scenario) {
        List<String> problems = new ArrayList<>();
        if (scenario.membership().type() != MembershipSpec.Type.SCAMP) {
            problems.add("membership: only scamp runs live (the UDP transport runs the SCAMP core; global "
                    + "membership exists only in the simulator)");
        }
        if (scenario.baseline() != null) {
            problems.add("baseline: the global baseline exists only in the simulator; remove it "
                    + "(--set baseline=) to run live");
        }
        if (scenario.network().regions() != null) {
            problems.add("network.regions: per-region latency cannot be run live (the impairment stage has "
                    + "one latency range per node)");
        }
        if (!(scenario.network().loss() instanceof LossSpec.Independent)) {
            problems.add("network.loss: bursty (gilbert-elliott) loss cannot be run live; the impairment stage "
                    + "drops datagrams independently (give a probability)");
        }
        LatencySpec latency = scenario.network().latency();
        if (latency instanceof LatencySpec.Constant || latency instanceof LatencySpec.Uniform) {
            double max = latency instanceof LatencySpec.Constant c ? c.millis()
                    : ((LatencySpec.Uniform) latency).maxMillis();
            if (max * scenario.live().timeScale() > Impairment.MAX_LATENCY_MILLIS) {
                problems.add("network.latency: more than " + Impairment.MAX_LATENCY_MILLIS
                        + " wall-clock ms after scaling, the impairment stage's limit");
            }
        } else {
            problems.add("network.latency: only constant or uniform latency can be run live (the impairment "
                    + "stage draws latency uniformly), got "
                    + latency.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + "; e.g. --set 'network.latency={type: uniform, minMillis: 10, maxMillis: 100}'");
        }
        List<TimelineAction> timeline = scenario.timeline();
        for (int i = 0; i < timeline.size(); i++) {
            TimelineAction action = timeline.get(i);
            if (action instanceof TimelineAction.Partition) {
                problems.add("timeline." + i + ": partitions cannot be run live (the loopback cluster cannot cut "
                        + "links between its nodes); remove the action to run the rest");
            } else if (action instanceof TimelineAction.Churn) {
                problems.add("timeline." + i + ": churn cannot be run live yet; use join and unsubscribe or crash "
                        + "actions instead");
            }
        }
        return problems;
    }
}
