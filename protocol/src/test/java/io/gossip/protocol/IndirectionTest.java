package io.gossip.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gossip.protocol.RecordingEnvironment.Sent;
import io.gossip.protocol.message.Adopt;
import io.gossip.protocol.message.Keep;
import io.gossip.protocol.message.Unlink;
import io.gossip.protocol.message.ForwardedSubscription;
import io.gossip.protocol.message.Subscribe;
import io.gossip.protocol.message.Walk;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IndirectionTest {
    private static final int N = 10_000;

    @Test
    void contactStartsARandomWalkInsteadOfForwarding() {
        RecordingEnvironment env = new RecordingEnvironment();
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(true).walkBudget(5).build();
        ScampNode contact = NodeFixtures.member(0, config, env, 1);
        NodeFixtures.holdInPartialView(contact, 0, 10, 11, 12);
        env.clear();
        contact.onMessage(0, 20, new Subscribe(1, 0, 0));
        assertTrue(env.sendsOf(ForwardedSubscription.class).isEmpty(), "the entry point does not forward");
        Sent step = env.sendsOf(Walk.class).get(0);
        Walk walk = (Walk) step.message();
        assertEquals(20, walk.subscriber());
        assertEquals(1, walk.hops());
        assertEquals(5 - 1.0 / 4, walk.budget(), 1e-12, "budget minus 1/degree (3 out + 1 in)");
        assertTrue(step.to() != 20, "a walk never steps onto its subscriber");
    }

    @Test
    void subscriberSwapsItsEntryPointForTheEndOfItsWalk() {
        RecordingEnvironment env = new RecordingEnvironment();
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(true).build();
        ScampNode newcomer = new ScampNode(20, config, env, new SplittableRandom(1), new Counters());
        newcomer.join(0, 0);
        env.clear();
        newcomer.onMessage(0, 7, new Adopt(4));
        assertEquals(List.of(7), Arrays.stream(newcomer.partialView()).boxed().toList());
        assertEquals(0, env.sendsOf(Unlink.class).get(0).to(), "the entry point is told");
        assertEquals(7, env.sendsOf(Keep.class).get(0).to(), "the new contact is told");
        env.clear();
        newcomer.onMessage(0, 8, new Adopt(5));
        assertEquals(1, newcomer.partialViewSize(), "only the first offer after a join is taken");
    }

    @Test
    void walkWhoseBudgetRunsOutMakesTheCurrentNodeTheContact() {
        RecordingEnvironment env = new RecordingEnvironment();
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(true).c(1).build();
        ScampNode node = NodeFixtures.member(0, config, env, 1);
        NodeFixtures.holdInPartialView(node, 0, 10, 11);
        env.clear();
        node.onMessage(0, 10, new Walk(3, 20, 0.4, 6, 0, 0)); // degree 2: 0.4 − 0.5 ≤ 0
        assertTrue(env.sendsOf(Walk.class).isEmpty());
        assertEquals(2 + 1, env.sendsOf(ForwardedSubscription.class).size(), "every member plus c");
    }

    /** A walk takes its steps up to the forward limit: one arriving after forwardLimit hops ends there. */
    @Test
    void aWalkEndsWhenItHasTravelledForwardLimitHops() {
        RecordingEnvironment env = new RecordingEnvironment();
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(true).forwardLimit(6).build();
        ScampNode node = NodeFixtures.member(0, config, env, 1);
        NodeFixtures.holdInPartialView(node, 0, 10, 11);
        env.clear();
        node.onMessage(0, 10, new Walk(3, 20, 50.0, 5, 0, 0));
        List<Walk> steps = env.sentOf(Walk.class);
        assertEquals(1, steps.size(), "one hop left");
        assertEquals(6, steps.get(0).hops());
        env.clear();
        node.onMessage(0, 10, new Walk(4, 21, 50.0, 6, 0, 0));
        assertTrue(env.sendsOf(Walk.class).isEmpty(), "the limit reached, budget or not");
        assertEquals(2 + 1, env.sendsOf(ForwardedSubscription.class).size(), "this node acts as the contact");
        assertEquals(21, env.sendsOf(Adopt.class).get(0).to());
    }

    /**
     * A walk that ends at the entry point itself (its budget spent on the first visit) makes the
     * entry point the contact; it offers no adoption, since the subscriber holds it already.
     */
    @Test
    void aWalkEndingAtTheEntryPointOffersNoAdoption() {
        RecordingEnvironment env = new RecordingEnvironment();
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(true).walkBudget(0.25).build();
        ScampNode entry = NodeFixtures.member(0, config, env, 1);
        NodeFixtures.holdInPartialView(entry, 0, 10, 11);
        env.clear();
        entry.onMessage(0, 20, new Subscribe(1, 0, 0)); // degree 3: 0.25 − 1/3 ≤ 0
        assertTrue(env.sendsOf(Walk.class).isEmpty());
        assertEquals(2 + 1, env.sendsOf(ForwardedSubscription.class).size());
        assertTrue(env.sendsOf(Adopt.class).isEmpty(), "the subscriber already holds its entry point");
    }

    /** A renewal's walk (one a peer sends; renewals here take no walk) acts as the contact without an offer. */
    @Test
    void aRenewalsWalkEndsWithoutAnAdoptionOffer() {
        RecordingEnvironment env = new RecordingEnvironment();
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(true).build();
        ScampNode node = NodeFixtures.member(0, config, env, 1);
        NodeFixtures.holdInPartialView(node, 0, 10, 11);
        env.clear();
        node.onMessage(0, 10, new Walk(3, 20, 0.1, 4, 0, 2));
        assertEquals(2, env.sendsOf(ForwardedSubscription.class).size(), "the renewal's two copies");
        assertTrue(env.sendsOf(Adopt.class).isEmpty());
    }

    /** A renewal, or a member re-subscribing, needs no walk: its contact is already a random member. */
    @Test
    void aRenewalOrAKnownMemberIsHandledWithoutAWalk() {
        RecordingEnvironment env = new RecordingEnvironment();
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(true).walkBudget(5).build();
        ScampNode contact = NodeFixtures.member(0, config, env, 1);
        NodeFixtures.holdInPartialView(contact, 0, 10, 11, 12);
        env.clear();
        contact.onMessage(0, 20, new Subscribe(1, 0, 2));
        assertTrue(env.sendsOf(Walk.class).isEmpty(), "a renewal");
        assertEquals(2, env.sendsOf(ForwardedSubscription.class).size());
        env.clear();
        NodeFixtures.holdInInView(contact, 0, 21);
        contact.onMessage(0, 21, new Subscribe(2, 0, 0));
        assertTrue(env.sendsOf(Walk.class).isEmpty(), "a member in our InView re-subscribing");
        assertEquals(3 + 1, env.sendsOf(ForwardedSubscription.class).size());
    }

    /** Wakes {@code node} every 10 ms for {@code millis}, so its retransmissions run out. */
    private static void runTimers(ScampNode node, long fromMicros, long millis) {
        for (long now = fromMicros; now <= fromMicros + millis * 1_000; now += 10_000) {
            node.onTimeout(now);
        }
    }

    @Test
    void aWalkThatEndsBecauseItsOnlyNextStepIsSilentStillOffersAdoption() {
        RecordingEnvironment env = new RecordingEnvironment();
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(true).maxAttempts(2)
                .retransmitTimeoutMillis(10).build();
        ScampNode node = NodeFixtures.member(0, config, env, 1);
        NodeFixtures.holdInPartialView(node, 0, 11); // its one neighbour, which never answers
        env.clear();
        node.onMessage(0, 10, new Walk(3, 20, 5.0, 2, 0, 0)); // two steps from the entry point, budget left
        assertEquals(11, env.sendsOf(Walk.class).get(0).to());
        runTimers(node, 10_000, 100);
        assertTrue(env.sendsOf(ForwardedSubscription.class).size() > 0, "the walk ended here");
        List<Sent> adopts = env.sendsOf(Adopt.class);
        assertEquals(1, adopts.stream().mapToInt(a -> ((Adopt) a.message()).seq()).distinct().count(),
                "the end of a join's walk offers itself to the subscriber (retransmissions aside)");
        assertEquals(20, adopts.get(0).to());
    }

    @Test
    void aWalkRedirectedPastTheForwardLimitEndsWhereItIs() {
        RecordingEnvironment env = new RecordingEnvironment();
        ProtocolConfig config = ProtocolConfig.builder().noHeartbeats().indirection(true).maxAttempts(2)
                .retransmitTimeoutMillis(10).forwardLimit(3).build();
        ScampNode node = NodeFixtures.member(0, config, env, 1);
        NodeFixtures.holdInPartialView(node, 0, 11, 12); // two neighbours, both silent
        env.clear();
        node.onMessage(0, 10, new Walk(3, 20, 50.0, 2, 0, 0));
        runTimers(node, 10_000, 2_000);
        for (Sent s : env.sendsOf(Walk.class)) {
            assertTrue(((Walk) s.message()).hops() <= config.forwardLimit(), "a step past the limit: " + s);
        }
        assertTrue(env.sendsOf(ForwardedSubscription.class).size() > 0, "the walk ended here");
    }

    /**
     * 10,000 joins through one entry point with indirection give views like uniform contacts: mean
     * within 10%, and no node the effective contact many times more often than its fair share
     * (node k's expected count under uniform contacts is H(n−1) − H(k)).
     */
    @Test
    void joinsThroughOneEntryPointLookLikeUniformContacts() {
        ProtocolConfig base = ProtocolConfig.builder().c(1).noHeartbeats().build();
        InMemoryGroup uniform = new InMemoryGroup(N, base.toBuilder().indirection(false).build(), 31);
        uniform.growTo(N);

        InMemoryGroup single = new InMemoryGroup(N, base.toBuilder().indirection(true).build(), 32);
        int[] contactCount = new int[N];
        Set<Long> counted = new HashSet<>();
        single.onSend((from, to, m) -> {
            if (m instanceof ForwardedSubscription fs && fs.hops() == 0
                    && counted.add(((long) from << 32) | fs.subscriber())) {
                contactCount[from]++;
            }
        });
        single.growTo(N, true);

        double uniformMean = uniform.meanPartialView();
        double singleMean = single.meanPartialView();
        assertEquals(uniformMean, singleMean, 0.10 * uniformMean, "mean PartialView, single entry vs uniform");
        int uniformMax = uniform.nodes().stream().mapToInt(ScampNode::partialViewSize).max().orElseThrow();
        int singleMax = single.nodes().stream().mapToInt(ScampNode::partialViewSize).max().orElseThrow();
        assertTrue(singleMax <= 2 * uniformMax, "largest PartialView " + singleMax + " vs " + uniformMax
                + " with uniform contacts: the entry point must not end up in every view");
        int entryInView = single.node(0).inViewSize();
        int uniformMaxInView = uniform.nodes().stream().mapToInt(ScampNode::inViewSize).max().orElseThrow();
        assertTrue(entryInView <= 2 * uniformMaxInView, "the entry point is held by " + entryInView + " nodes");
        ViewInvariants.checkConsistent(single);

        double worstRatio = 0;
        int worstNode = -1;
        double harmonic = 0;
        double[] fairShare = new double[N];
        for (int k = N - 1; k >= 0; k--) {
            fairShare[k] = harmonic;  // Σ_{i>k} 1/i over the joins after node k existed
            harmonic += 1.0 / Math.max(1, k);
        }
        for (int k = 0; k < N; k++) {
            if (fairShare[k] >= 2) {
                double ratio = contactCount[k] / fairShare[k];
                if (ratio > worstRatio) {
                    worstRatio = ratio;
                    worstNode = k;
                }
            }
        }
        assertTrue(worstRatio <= 4, "node " + worstNode + " was the contact " + contactCount[Math.max(0, worstNode)]
                + " times, " + worstRatio + " × its fair share");
        assertTrue(contactCount[0] <= 4 * fairShare[0], "the entry point itself: " + contactCount[0]
                + " vs fair share " + fairShare[0]);
    }
}
