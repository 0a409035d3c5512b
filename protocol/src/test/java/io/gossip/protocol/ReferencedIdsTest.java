package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gossip.protocol.HeldIds.Holder;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Gossip;
import io.gossip.protocol.message.Heartbeat;
import io.gossip.protocol.message.Message;
import io.gossip.protocol.message.Replace;
import io.gossip.protocol.message.Subscribe;
import io.gossip.protocol.message.Unlink;
import io.gossip.protocol.message.Walk;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link ScampNode#forEachReferencedId} reports exactly the ids a node holds, place by place:
 * checked after every event of a lossy, reordering run with joins through one entry point (walks,
 * adoptions), lease renewals and expiries, broadcasts past the duplicate memory's capacity,
 * crashes (undeliverable messages, redirected copies), graceful leaves (replacements, answers to
 * late senders) and outsiders sending every kind of membership message and gossip.
 *
 * <p>What a node holds is found by {@link IdHolders}, which walks the node's objects without
 * knowing its structure, and compared with the enumeration ({@link ScampNode#forEachHeldId}) for
 * each place separately: an id is often held in several places at once (a PartialView member is
 * usually in the handled pairs too), so comparing the sets of ids alone passed with whole places
 * left out of the enumeration. An id found in a place the test does not know fails it, and the run
 * must find ids in every place (the last assertion), so leaving any place out of the enumeration
 * fails the test.
 */
class ReferencedIdsTest {
    private static final int NODES = 24;
    private static final int OUTSIDER = 1_000;
    private static final int OUTSIDERS = 60;
    private static final long STEP_MICROS = 100_000;

    /** Where each field path {@link IdHolders} reports belongs, by prefix. */
    private static final Map<String, Holder> PLACES = Map.ofEntries(
            Map.entry("id", Holder.SELF),
            Map.entry("channel.id", Holder.SELF),
            Map.entry("partialView.ids", Holder.PARTIAL_VIEW),
            Map.entry("inView.ids", Holder.IN_VIEW),
            Map.entry("seen.ring", Holder.SEEN_ORIGINS),
            Map.entry("seen.index", Holder.SEEN_ORIGINS),
            Map.entry("channel.handled.ring", Holder.HANDLED_SENDERS),
            Map.entry("channel.handled.index", Holder.HANDLED_SENDERS),
            Map.entry("channel.unacked.keys", Holder.UNACKNOWLEDGED_DESTINATIONS),
            Map.entry("channel.unacked.messages[ForwardedSubscription].subscriber", Holder.NAMED_IN_UNACKNOWLEDGED),
            Map.entry("channel.unacked.messages[Walk].subscriber", Holder.NAMED_IN_UNACKNOWLEDGED),
            Map.entry("channel.unacked.messages[Replace].replacement", Holder.NAMED_IN_UNACKNOWLEDGED),
            Map.entry("unlinked.senders", Holder.UNLINK_TOMBSTONES),
            Map.entry("bootstrapContact", Holder.BOOTSTRAP_CONTACT),
            Map.entry("awaitingAdoptionFrom", Holder.AWAITING_ADOPTION_FROM),
            Map.entry("joinSubscribeTo", Holder.JOIN_SUBSCRIBE_TO),
            Map.entry("departure.formerPartialView", Holder.FORMER_PARTIAL_VIEW),
            Map.entry("departure.toldOfDeparture.ids", Holder.TOLD_OF_DEPARTURE));

    private final Set<Integer> knownIds = new HashSet<>();
    private final Set<String> pathsSeen = new TreeSet<>();
    private final Set<Holder> holdersSeen = EnumSet.noneOf(Holder.class);
    private long checks;

    @Test
    void reportsExactlyTheIdsANodeHoldsAfterEveryEvent() {
        for (int i = 0; i < NODES; i++) {
            knownIds.add(SparseIdGroup.idOf(i));
        }
        for (int i = 0; i < OUTSIDERS; i++) {
            knownIds.add(SparseIdGroup.idOf(OUTSIDER + i));
        }
        ProtocolConfig config = ProtocolConfig.builder().leaseDurationMillis(4_000).heartbeatPeriodMillis(500)
                .isolationTimeoutMillis(3_000).retransmitTimeoutMillis(100).maxAttempts(4)
                .duplicateMemoryCapacity(48).build();
        SparseIdGroup group = new SparseIdGroup(config, 7, 0.1, 40);
        group.afterEachEvent(id -> check(group.node(id)));
        SplittableRandom script = new SplittableRandom(8);
        int[] outsiderSeqs = new int[OUTSIDERS];

        ScampNode first = group.add(0);
        first.bootstrap(0);
        check(first);
        int joined = 1;
        for (int step = 1; step <= 500; step++) {
            group.runUntil(step * STEP_MICROS);
            long now = group.now();
            List<ScampNode> live = group.liveMembers();
            if (joined < NODES && step % 3 == 0) {
                ScampNode contact = joined < 8 ? first : live.get(script.nextInt(live.size()));
                ScampNode joiner = group.add(joined++);
                joiner.join(now, contact.id());
                check(joiner);
            }
            if (step % 4 == 0) {
                ScampNode origin = live.get(script.nextInt(live.size()));
                origin.broadcast(now, new byte[] {(byte) step});
                check(origin);
            }
            if (step % 2 == 0) {
                List<ScampNode> targets = group.nodes();
                ScampNode target = targets.get(script.nextInt(targets.size()));
                int outsider = script.nextInt(OUTSIDERS);
                int other = SparseIdGroup.idOf(OUTSIDER + script.nextInt(OUTSIDERS));
                group.inject(SparseIdGroup.idOf(OUTSIDER + outsider), target.id(),
                        fromOutsider(script.nextInt(7), ++outsiderSeqs[outsider], other));
            }
            if (step == 200 || step == 320) {
                for (int i = 0; i < 2; i++) {
                    group.crash(live.get(1 + script.nextInt(live.size() - 1)).id());
                    live = group.liveMembers();
                }
            }
            if (step >= 260 && step < 300 && step % 10 == 0) {
                ScampNode leaver = live.get(1 + script.nextInt(live.size() - 1));
                leaver.leave(now);
                check(leaver);
            }
        }
        group.runUntil(group.now() + 15_000_000); // past every retransmission, lease and horizon
        assertTrue(checks > 10_000, "checks: " + checks);
        assertEquals(EnumSet.allOf(Holder.class), holdersSeen, "the run must fill every place, or the test "
                + "cannot tell whether it is reported");
        assertEquals(PLACES.keySet(), pathsSeen, "every field path, every kind of message awaiting an ack");
    }

    /** An outsider's message of one of seven kinds, naming {@code other} where the kind names an id. */
    private static Message fromOutsider(int kind, int seq, int other) {
        return switch (kind) {
            case 0 -> new Subscribe(seq, 4_000, 0);
            case 1 -> Gossip.create(other, seq, 1, new byte[] {1});
            case 2 -> new Replace(seq, other);
            case 3 -> new ForwardedSubscription(seq, other, 0, 4_000);
            case 4 -> new Unlink(seq);
            case 5 -> new Walk(seq, other, 1.0, 0, 4_000, 0);
            default -> Heartbeat.INSTANCE;
        };
    }

    private void check(ScampNode node) {
        checks++;
        Map<Holder, Set<Integer>> held = new EnumMap<>(Holder.class);
        IdHolders.of(node, knownIds).forEach((id, paths) -> {
            for (String path : paths) {
                Holder holder = PLACES.get(path);
                if (holder == null) {
                    fail("node " + node.id() + " holds id " + id + " in " + path + ", a place this test does not "
                            + "know: add it to ScampNode.forEachHeldId and to PLACES");
                }
                held.computeIfAbsent(holder, h -> new TreeSet<>()).add(id);
                pathsSeen.add(path);
            }
        });
        Map<Holder, Set<Integer>> reported = new EnumMap<>(Holder.class);
        node.forEachHeldId((holder, id) -> {
            if (!knownIds.contains(id)) {
                fail("node " + node.id() + " reported " + id + " in " + holder + ", which no node or outsider has");
            }
            reported.computeIfAbsent(holder, h -> new TreeSet<>()).add(id);
        });
        if (!held.equals(reported)) {
            fail("node " + node.id() + " (" + node + "): held but not reported " + minus(held, reported)
                    + "; reported but not held " + minus(reported, held));
        }
        Set<Integer> union = new TreeSet<>();
        node.forEachReferencedId(union::add);
        Set<Integer> heldIds = new TreeSet<>();
        held.values().forEach(heldIds::addAll);
        assertEquals(heldIds, union, "forEachReferencedId hands over what forEachHeldId does");
        holdersSeen.addAll(held.keySet());
    }

    /** What {@code a} holds that {@code b} does not, place by place (places with nothing left out). */
    private static Map<Holder, Set<Integer>> minus(Map<Holder, Set<Integer>> a, Map<Holder, Set<Integer>> b) {
        Map<Holder, Set<Integer>> out = new EnumMap<>(Holder.class);
        a.forEach((holder, ids) -> {
            Set<Integer> left = new TreeSet<>(ids);
            left.removeAll(b.getOrDefault(holder, Set.of()));
            if (!left.isEmpty()) {
                out.put(holder, left);
            }
        });
        return out;
    }
}
