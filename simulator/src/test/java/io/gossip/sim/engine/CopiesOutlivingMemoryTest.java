package io.gossip.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.protocol.message.MessageType;
import io.gossip.sim.network.NetworkDropReason;
import io.gossip.sim.results.BroadcastResult;
import io.gossip.sim.results.RunKey;
import io.gossip.sim.results.RunResult;
import io.gossip.sim.scenario.LatencySpec;
import io.gossip.sim.scenario.LossSpec;
import io.gossip.sim.scenario.MembershipSpec;
import io.gossip.sim.scenario.NetworkSpec;
import io.gossip.sim.scenario.Scenario;
import io.gossip.sim.scenario.TimelineAction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Copies that outlive what their receivers remember: membership copies later than the
 * retransmission horizon ({@code lateMembershipCopies}) and gossip taken for new again by nodes
 * whose duplicate memory forgot it ({@code redelivered}). Both are counted the same way for arena
 * and object nodes, and each is said once per run, as it happens.
 */
class CopiesOutlivingMemoryTest {
    /** Acknowledged membership message kinds: every membership message once attempts are above 1. */
    private static final EnumSet<MessageType> ACKNOWLEDGED = EnumSet.complementOf(
            EnumSet.of(MessageType.ACK, MessageType.HEARTBEAT, MessageType.GOSSIP));

    @Test
    void everyMembershipCopySlowerThanTheHorizonIsCountedAndTheFirstIsSaid() {
        ProtocolConfig p = TestScenarios.quietProtocol();
        long horizonMillis = p.retransmitHorizonMicros() / 1000;
        assertEquals(15_750, horizonMillis, "maxAttempts 6, timeout 250 ms: 2 x (0.25 + 0.5 + 1 + 2 + 4) s + 0.25 s");
        Scenario late = constantLatency("late", p, horizonMillis + 0.001, 16_000);
        for (NodeRepresentation representation : NodeRepresentation.values()) {
            WarningSink warnings = new WarningSink();
            RunResult r = run(late, representation, warnings);
            // The joiners' first Subscribes (1 to 39 ms) arrive within the run; their retransmissions,
            // from 251 ms on, and everything the arrivals cause come after its end.
            assertEquals(r.totalSent() - 39, r.networkDrops()[NetworkDropReason.AFTER_END.ordinal()],
                    "every other copy arrives after the end");
            long acknowledged = ACKNOWLEDGED.stream().mapToLong(t -> r.sentByType()[t.ordinal()]).sum();
            assertTrue(acknowledged > 39 * 6, "sent, arriving or not: " + acknowledged);
            assertEquals(39, r.lateMembershipCopies(), representation.toString());
            assertEquals(1, warnings.said.size(), warnings.said.toString());
            String w = warnings.said.get(0);
            assertTrue(w.startsWith("a SUBSCRIBE sent at 0.001 s takes 15.750 s to arrive, longer than the 15.750 s"),
                    w);
            assertTrue(w.contains("protocol.maxAttempts 6 and retransmitTimeoutMillis 250"), w);
        }
        // Exactly at the horizon a receiver still remembers it: nothing late, nothing said.
        WarningSink warnings = new WarningSink();
        RunResult onTime = run(constantLatency("on-time", p, horizonMillis, 16_000), NodeRepresentation.ARENA,
                warnings);
        assertEquals(onTime.totalSent() - 39, onTime.networkDrops()[NetworkDropReason.AFTER_END.ordinal()],
                "the same 39 copies arrive");
        assertEquals(0, onTime.lateMembershipCopies());
        assertEquals(List.of(), warnings.said);
    }

    @Test
    void unacknowledgedMembershipMessagesAreNeverLate() {
        // Just past the horizon of two attempts (2 x 0.25 s + 0.25 s): the 39 first Subscribes are
        // late; with one attempt they are not acknowledged and no handled memory is outlived.
        ProtocolConfig twice = TestScenarios.quietProtocol().toBuilder().maxAttempts(2).build();
        assertEquals(750_000, twice.retransmitHorizonMicros());
        RunResult acknowledged = run(constantLatency("twice", twice, 750.001, 1_000), NodeRepresentation.ARENA,
                new WarningSink());
        assertEquals(39, acknowledged.lateMembershipCopies());
        // Two seconds: acks, retransmissions and forwarded subscriptions arrive too; acks are never
        // late (nothing remembers them), and arena and objects count the same copies.
        Scenario longer = constantLatency("longer", twice, 750.001, 2_000);
        RunResult arena = run(longer, NodeRepresentation.ARENA, new WarningSink());
        RunResult objects = run(longer, NodeRepresentation.OBJECTS, new WarningSink());
        assertTrue(arena.lateMembershipCopies() > 100, "late: " + arena.lateMembershipCopies());
        assertEquals(objects.lateMembershipCopies(), arena.lateMembershipCopies());
        ProtocolConfig once = twice.toBuilder().maxAttempts(1).build();
        WarningSink warnings = new WarningSink();
        RunResult r = run(constantLatency("once", once, 750.001, 1_000), NodeRepresentation.ARENA, warnings);
        assertEquals(r.totalSent() - 39, r.networkDrops()[NetworkDropReason.AFTER_END.ordinal()], "39 arrive");
        assertEquals(0, r.lateMembershipCopies());
        assertEquals(List.of(), warnings.said);
    }

    @Test
    void gossipTakenForNewAgainIsCountedAsRedeliveredTheSameForArenaAndObjects() {
        // A memory of 1 ms forgets each message long before its next copy arrives (10-100 ms later):
        // nearly every copy is taken for new and forwarded again, until the hop limit stops it.
        ProtocolConfig forgetful = TestScenarios.quietProtocol().toBuilder().duplicateMemoryAgeMillis(1)
                .gossipHopLimit(6).build();
        Scenario s = TestScenarios.scenario("forgetful", 31, 60, forgetful, TestScenarios.uniformNetwork(0.1),
                2_000, 8_000, new TimelineAction.Broadcast(3_000, 3, 1_000, -1, 16));
        List<List<BroadcastResult>> byRepresentation = new ArrayList<>();
        for (NodeRepresentation representation : NodeRepresentation.values()) {
            WarningSink warnings = new WarningSink();
            RunResult r = run(s, representation, warnings);
            for (BroadcastResult b : r.broadcasts()) {
                assertTrue(b.redelivered() > 5 * b.liveNodes() && b.redelivered() <= b.duplicates(),
                        b.redelivered() + " redelivered, " + b.duplicates() + " duplicates " + r.broadcasts());
            }
            assertEquals(1, warnings.said.size(), "said once per run: " + warnings.said);
            assertTrue(warnings.said.get(0).startsWith("broadcast 0 (sent at 3.000 s) has been taken for new again 60"
                    + " times by "), warnings.said.get(0));
            assertTrue(warnings.said.get(0).contains("in a group of 60 nodes"), warnings.said.get(0));
            assertTrue(warnings.said.get(0).contains("duplicateMemoryAgeMillis 1)"), warnings.said.get(0));
            byRepresentation.add(r.broadcasts());
        }
        assertEquals(redelivered(byRepresentation.get(0)), redelivered(byRepresentation.get(1)));
    }

    @Test
    void aMemoryThatOutlivesTheCopiesRedeliversNothing() {
        Scenario s = TestScenarios.scenario("steady", 32, 200, TestScenarios.quietProtocol(),
                TestScenarios.uniformNetwork(0.1), 2_000, 8_000, new TimelineAction.Broadcast(3_000, 3, 1_000, -1, 16));
        WarningSink warnings = new WarningSink();
        RunResult r = run(s, NodeRepresentation.ARENA, warnings);
        assertTrue(r.broadcasts().stream().allMatch(b -> b.duplicates() > 0 && b.redelivered() == 0));
        assertEquals(0, r.lateMembershipCopies());
        assertEquals(List.of(), warnings.said);
    }

    @Test
    void theTrackerSaysTheFirstBroadcastRedeliveredAsOftenAsItsGroupOnce() {
        BroadcastTracker tracker = new BroadcastTracker(4);
        List<String> told = new ArrayList<>();
        tracker.onRedeliveries((b, sent, now, group, redelivered) ->
                told.add(b + "@" + now + ":" + group + "/" + redelivered));
        int b = tracker.open(0, 100, 3);
        tracker.delivered(b, 1, 110, 1);
        tracker.delivered(b, 2, 120, 1);
        tracker.delivered(b, 1, 130, 2);
        tracker.delivered(b, 2, 140, 2);
        assertEquals(List.of(), told, "two deliveries again in a group of three");
        tracker.delivered(b, 0, 150, 3); // the origin too can forget its own message
        assertEquals(List.of("0@150:3/3"), told);
        tracker.delivered(b, 1, 160, 3);
        int next = tracker.open(1, 200, 4);
        for (int i = 0; i < 8; i++) {
            tracker.delivered(next, 2, 210 + i, 1);
        }
        assertEquals(List.of("0@150:3/3"), told, "said once per run");
    }

    /**
     * 40 nodes join 1 ms apart through random contacts, every message taking {@code millis}; the run
     * ends at {@code durationMillis}, before any copy sent after the first 250 ms (the first
     * retransmission) can arrive.
     */
    private static Scenario constantLatency(String name, ProtocolConfig p, double millis, double durationMillis) {
        NetworkSpec network = new NetworkSpec(new LatencySpec.Constant(millis), null, LossSpec.none());
        return TestScenarios.scenario(name, 33, 40, p, network, 40, durationMillis);
    }

    private static RunResult run(Scenario s, NodeRepresentation representation, WarningSink warnings) {
        RunSetup setup = new RunSetup(new RunKey(0, MembershipSpec.Type.SCAMP, 0), s, 0, s.seed() * 31 + 7,
                s.seed() * 17 + 3);
        return new Simulation(setup, representation).run(warnings);
    }

    private static List<Long> redelivered(List<BroadcastResult> broadcasts) {
        return broadcasts.stream().map(BroadcastResult::redelivered).toList();
    }
}
