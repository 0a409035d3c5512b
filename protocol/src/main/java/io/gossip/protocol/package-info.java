/**
 * The gossip protocol core: SCAMP membership (Ganesh, Kermarrec, Massoulié, IEEE Trans. Computers
 * 2003) and push dissemination (Kermarrec, Massoulié, Ganesh, IEEE TPDS 2003) as a sans-IO state
 * machine, {@link io.gossip.protocol.ScampNode}.
 *
 * <h2>Driving a node</h2>
 * A driver (the simulator, the UDP runtime, a test) creates nodes with an
 * {@link io.gossip.protocol.Environment}, calls {@code onMessage(now, from, message)} for every
 * message the network delivers and {@code onTimeout(now)} when a wake-up the node asked for is due.
 * Time is a {@code long} of microseconds on the driver's clock (virtual or real; only differences
 * matter). Node ids are compact {@code int}s ({@link io.gossip.protocol.NodeIds}); a transport maps
 * its addresses to them with an {@link io.gossip.protocol.IdTable}.
 *
 * <p>A transport interns every address it meets (each datagram's sender, the subscriber or origin
 * it names), so its table would grow with every address ever seen, forged ones included. A node
 * says which ids its state still holds, {@link io.gossip.protocol.ScampNode#forEachReferencedId}:
 * its own, its views, the origins in its duplicate memory, the destinations and named ids of its
 * messages awaiting an ack, the senders of the pairs it remembers as handled and of its Unlink
 * tombstones, its bootstrap contact, the entry point awaiting an adoption, its join's
 * subscription's destination, and after leaving its former PartialView and the senders it told.
 * Any other id it will never name again unless the driver hands it over again, so the driver may
 * release it ({@link io.gossip.protocol.IdTable#retainOnly}) and give it to another address: no
 * rule changes, and the node's memories (duplicates, handled pairs, tombstones) keep the ids they
 * hold, so a late copy is still recognised. The table puts a released id in quarantine for one
 * sweep, so that a reference missed by this account fails loudly instead of reaching another node.
 * {@code ScampArena} needs none of this: its ids are a simulation's node numbers.
 *
 * <h2>Choices made where the specification or the papers are silent</h2>
 * <ul>
 *   <li><b>Senders are implicit.</b> The driver says who sent a message, so {@code Keep(j)},
 *       {@code Remove(u)} and {@code Replace(u, r)} carry no id of their sender.</li>
 *   <li><b>Extra copies.</b> A contact sends exactly {@code c} extra copies of a new subscription
 *       (the 2003 paper), to members drawn uniformly with replacement, never to the subscriber.
 *       "Every member of its PartialView" excludes the subscriber too (a member re-subscribing may
 *       be in its contact's view): a contact whose PartialView holds only the subscriber sends
 *       nothing and keeps nothing (it holds the subscriber already), and only one whose
 *       PartialView is empty keeps the subscriber itself (step 2).</li>
 *   <li><b>Forward limit.</b> A copy is dropped (and counted) after {@code forwardLimit} hops;
 *       default 400, far above the ≈|PartialView| hops a copy needs (see
 *       {@link io.gossip.protocol.ProtocolConfig#forwardLimit()}). A copy is never passed back to its
 *       own subscriber.</li>
 *   <li><b>Reliable membership messages.</b> Each carries a per-sender sequence number; the
 *       receiver acks every copy and handles a (sender, seq) pair once while it remembers it (until
 *       no retransmission can arrive; at most 4,096 pairs, a guard against forged ones that honest
 *       traffic does not reach: a smaller bound, 64, let retransmissions through as new messages at
 *       30 % loss and membership traffic ran away). Retransmission after
 *       {@code retransmitTimeoutMillis}, doubling, up to {@code maxAttempts} transmissions;
 *       {@code maxAttempts = 1} is the paper's unacknowledged model (sequence number 0, no ack). A
 *       node that is not a member does not ack, so its senders give up on it.</li>
 *   <li><b>First sequence numbers, and an id used again.</b> A node numbers its broadcasts from a
 *       first sequence its driver chooses and its membership messages from the next one (the
 *       {@code ScampNode} constructor taking {@code firstSequence}; the other one, which the
 *       simulator uses, starts them at 0 and 1, as {@code ScampArena} does). A driver that never
 *       gives an id to a second node needs nothing more. Over UDP a node's id at its peers is its
 *       address, so a process restarted at the same address is its earlier incarnation to them,
 *       and they still remember that incarnation's (sender, seq) pairs (over the retransmit
 *       horizon, 15.75 s with the defaults) and message ids ({@code duplicateMemoryAgeMillis}, 10
 *       minutes by default). Starting again at 1 and 0, its join's {@code Subscribe} was acked but
 *       dropped as a retransmission (the node reported the join acknowledged while nothing was
 *       forwarded), and its broadcasts were dropped as duplicates. So the UDP runtime draws the
 *       first sequence from {@code SecureRandom} (not from the node's seed, which a restarted
 *       process may be given again), uniformly among the 2<sup>31</sup> non-negative ints. A new
 *       number meets a remembered one only if the new run of numbers overlaps the old: odds of
 *       about (k + m) / 2<sup>31</sup> per restart, for k numbers the earlier incarnation used
 *       within what its peers remember and m the new one uses while they remember them:
 *       10<sup>-6</sup> with a thousand each. An incarnation number on the wire would make them
 *       zero, at the price of a field in every message; the core draws nothing itself (no global
 *       randomness, and a draw from its generator would change every simulated run).</li>
 *   <li><b>Undeliverable messages.</b> A forwarded subscription or walk step whose retransmissions
 *       are exhausted goes to another member (the copy is not lost); a subscription goes to another
 *       PartialView member. The detour counts as a hop, so a copy redirected again and again still
 *       ends at {@code forwardLimit}. With no other member to go to, a forwarded copy is kept where
 *       it is, without the 1/(1+|PartialView|) draw, unless that node holds the subscriber already
 *       (then it is dropped, counted as {@code NO_MEMBER_TO_FORWARD}); a walk ends there, that node
 *       acting as the contact; a subscription is given up (a join's then reports
 *       {@code UNACKNOWLEDGED}, below). The silent member is <em>not</em> evicted: under heavy loss a few lost
 *       acks are not proof of failure, and heartbeats and leases are the mechanisms for failures.
 *       The price: a copy that did arrive but whose acks were all lost is kept twice. That is rare
 *       while {@code (1 - (1 - loss)^2)^maxAttempts} is small (at 10 % loss and 6 attempts,
 *       5·10<sup>-5</sup> per hop) but inflates views about threefold at 30 % loss and 6 attempts
 *       (1.8 % per hop; 10 attempts bring it to 0.1 %).</li>
 *   <li><b>Join outcome, and the state after a failed join.</b> A node knows its join worked when
 *       a {@code Subscribe} of it is acknowledged, or when a {@code Keep} or {@code Adopt} arrives
 *       (the contact handled the subscription even if every ack was lost); it knows the join
 *       failed when the join's {@code Subscribe} ran out of attempts unacknowledged (after the
 *       whole retransmission schedule, 15.75 s with the defaults) and there was no other
 *       PartialView member to send it to. {@link io.gossip.protocol.ScampNode#joinProgress()}
 *       reports it, for a driver to poll; it changes nothing the node does. A failed join leaves
 *       the node as the specification's rules leave it: a member (it became one when it sent the
 *       subscription, step 1), with the silent contact in its PartialView (silent members are not
 *       evicted, see above), whose isolation recovery (with heartbeats on) re-subscribes through
 *       that contact every {@code isolationTimeoutMillis}: a contact that was only down or
 *       unreachable for a while is joined once it answers. {@code joinProgress} keeps reporting
 *       the first join's outcome; such a later success shows in the views. The node does not fall
 *       back to "new" and cannot join again: a driver that wants another contact closes the node
 *       and starts a new one (the UDP runtime's
 *       {@code sim node} exits). Keeping the rules unchanged also keeps {@code ScampNode} and
 *       {@code ScampArena} in step.</li>
 *   <li><b>Isolation.</b> A member sends its first heartbeat at a random time within its first
 *       period, then one every period, so that nodes joining together do not beat in step. A
 *       received {@code Heartbeat} or {@code Gossip} counts as hearing from an
 *       in-neighbour (both travel along PartialView arcs). After {@code isolationTimeoutMillis} of
 *       silence the node re-subscribes as a new subscription (with the {@code c} extra copies, since
 *       its in-arcs are presumed dead) through a random PartialView member, or its bootstrap contact
 *       when the PartialView is empty, and keeps its PartialView. Through the bootstrap contact it
 *       also holds that contact, as a join does (a lease renewal with an empty PartialView too, the
 *       arc expiring with the lease): the contact notes a subscriber it does not know as one that
 *       holds it, and without the arc it kept an InView entry nobody held while the node could
 *       receive gossip but forward it to nobody. A contact that already has the
 *       subscriber in its InView knows it is a member re-subscribing through a random member, and
 *       acts as the contact itself without an indirection walk (like a lease renewal). With the
 *       walk, a node cut off by a partition (all its in-neighbours on the other side) stayed cut
 *       off: the walk over PartialView ∪ InView stepped across the partition at about every other
 *       hop, each failed hop costing the whole retransmission schedule (15.75 s with the
 *       defaults: the sixth transmission at 7.75 s, given up 8 s later), so a walk of
 *       ≈ 2·|PartialView| hops outlasted the partition. See docs/behaviour.md.</li>
 *   <li><b>Indirection.</b> The simpler of the two walks in the specification: over PartialView ∪
 *       InView as an undirected multigraph, each visited node subtracting 1/(its degree) from the
 *       walk's budget; the node where the budget runs out (or that has no neighbour but the
 *       subscriber) acts as the contact. The entry point itself counts as the first visit. A walk
 *       never steps onto its own subscriber. A walk longer than {@code forwardLimit} ends where it is.
 *       The node where a join's walk ends also sends the subscriber an {@code Adopt}: the subscriber
 *       swaps the entry point for it in its PartialView (telling both). Without this every newcomer
 *       would hold the well-known entry point for ever: measured with 10,000 joins through one
 *       entry point, the entry point's PartialView grew to 540 (42 with uniform contacts) because
 *       every forwarded copy kept visiting it, and it received a copy of every gossip message
 *       from nearly every node.</li>
 *   <li><b>Leases.</b> Every subscription carries its lease length; a keeper expires the entry that
 *       long after keeping it and tells the subscriber ({@code Unlink}) so its InView stays exact. A
 *       node's first lease is drawn uniformly from (L/2, L] (random phase), later ones last L; it
 *       re-subscribes when its lease ends, through a random PartialView member, keeping its
 *       PartialView. <em>A renewal must conserve arcs.</em> At a fixed group size the arcs of a
 *       node's old subscription expire and its renewal creates one arc per copy; the {@code c}
 *       extra copies (and the new arc to the contact) are what makes the graph grow with n at a
 *       join, and repeating them every period adds about {@code c} arcs per node per period: the
 *       paper's literal re-subscription ("a new subscription through a random PartialView member,
 *       keeping the PartialView": |PartialView of the contact| + c copies) grew the mean view of a
 *       1,000-node group from 13.2 to 33.6 in eight periods (measured, docs/behaviour.md). So a
 *       renewal asks the contact for exactly as many copies as the renewing node holds arcs of its
 *       ending subscription, the InView entries that Keeps for its current lease created (at least
 *       {@code c+1}; a node holding none, such as the bootstrap node, asks for as many as its
 *       PartialView holds), the contact sending one to each of that many distinct members (at
 *       most {@code forwardLimit}, beyond which it counts {@code RENEWAL_COPIES_CLAMPED}): every
 *       node re-creates its own arcs, and the arc count is conserved whether the group is stable or
 *       growing. (Counting PartialView members instead conserves arcs only in a
 *       stable group: with leases running while a group grows, a node's PartialView includes the
 *       newcomers' arcs it keeps, which were counted again, and the mean reached 1.8 × (c+1)·ln n.)
 *       The arc to the join contact expires with the first lease, and the first renewal asks for
 *       one more copy to replace it. The renewal is due 1 µs before the lease ends, so it counts
 *       its arcs before their keepers drop them. An isolation recovery also starts a new lease,
 *       of length L. InView entries expire too, a retransmission horizon after the arc they mirror
 *       (so the keeper's {@code Unlink} normally comes first), so that an in-neighbour that crashed
 *       does not stay in the InView for ever. <em>What leases do not do:</em> conserving arcs
 *       means the mean view size stays what the joins made it. No rule a node can apply locally
 *       pulls an inflated (or shrunken) graph back to (c+1)·ln n, because none sees n: SCAMP's
 *       (c+1)·ln n is the outcome of sequential joins through uniform contacts, not an attractor.
 *       With a single contact and no indirection, leases even out the views (the contact stops
 *       being a hub, the spread shrinks several-fold) but the mean stays inflated; indirection
 *       prevents the inflation in the first place. Measurements: docs/behaviour.md.</li>
 *   <li><b>Unlink.</b> Whenever a node drops an entry from its PartialView for a reason other than
 *       that node leaving (lease expiry, the swap an {@code Adopt} makes), it tells that node, which
 *       drops it from its InView; a leaving node tells every PartialView member the same. Sending
 *       an {@code Unlink} stops the retransmissions of any {@code Keep} to the same node, which
 *       would undo it.</li>
 *   <li><b>Departures and reordering.</b> The specification says nothing of messages that cross
 *       a departure. Leaving stops the retransmissions of the node's pending {@code Subscribe}s and
 *       {@code Keep}s (a late one would make a node point at one that left); its other messages
 *       are still retransmitted. A node that left acks nothing, and answers a message that implies
 *       its sender still holds it ({@code Subscribe}, a forwarded subscription, a walk step,
 *       {@code Keep}, {@code Gossip}, {@code Heartbeat}) as its unsubscription would have: a
 *       {@code Replace} naming a random member of its former PartialView, or a {@code Remove} if it
 *       had none or drew the sender. It answers once per membership message (a retransmission is
 *       recognised) and once per sender for the rest, and never answers a {@code Remove},
 *       {@code Unlink}, {@code Replace} or {@code Adopt}: two departed nodes would answer each
 *       other for ever. A {@code Keep} or {@code Subscribe} that arrives after a later
 *       {@code Unlink} of its sender (remembered for the retransmission horizon, see below) is
 *       stale and dropped, counted as {@code NONSENSICAL}: applied, it would leave the sender in
 *       the InView for ever.</li>
 *   <li><b>Membership messages a member cannot check.</b> A {@code Keep} is accepted from any node:
 *       a {@code Replace} or an {@code Adopt} makes a node hold one that never subscribed to it, and
 *       that one learns it by a {@code Keep}, so the specification's "a Keep from a node we never
 *       subscribed to" cannot be told apart (a node that is not a member ignores it). A
 *       {@code Replace} naming the receiver only removes the leaver, uncounted: it is the
 *       unsubscription rule's case of an in-neighbour that is also an out-neighbour. A
 *       {@code Replace} or {@code Remove} from a node not in the PartialView is dropped as
 *       nonsensical; an {@code Unlink} from a node not in the InView is remembered (it may have
 *       overtaken its {@code Keep}), uncounted. A forwarded subscription of the receiver itself is
 *       passed on, one hop further (step 3). A heartbeat or gossip restarts the isolation watch
 *       whoever sent it: the InView is not consulted, as it lags behind the arcs under loss.</li>
 *   <li><b>Gossip.</b> The origin does not deliver its own message to its application, nor send it
 *       round again when a copy comes back after its duplicate memory forgot it. Hop counts
 *       are links travelled: a direct neighbour of the origin receives hop 1. Every member of the
 *       PartialView gets each new message, the sender included (fanout = view size, as in the
 *       paper).</li>
 * </ul>
 *
 * <h2>Two representations of one node: {@link ScampNode} and {@link ScampArena}</h2>
 *
 * <p>{@code ScampNode} is the node as an object, with its messages as objects: what the UDP
 * runtime, an embedding program and every feature above use. {@code ScampArena} holds many nodes
 * in primitive arrays (one {@code int[]} record per node, its generator inside it; acks awaited and
 * messages handled in lazily created {@code long[]}s) and takes messages as primitives: what lets
 * the simulator run a million nodes at a few hundred bytes each. For the configurations it covers
 * (see {@link ScampArena#unsupported}: all but duplicate-memory ages above 71 minutes, forward
 * limits of 2^20 - 1 or more and times from 8.9 years of virtual time on; the defaults and leases
 * included) it applies the same rules in the
 * same order, draw for draw and send for send, so a simulation gives byte-identical results either
 * way; this is tested at the level
 * of single calls (a lockstep driver feeding both the same adversarial input, hostile messages
 * included) and of whole simulated runs. The one documented difference: gossip hop counts are
 * carried in 24 bits, so the arena stops forwarding at 2^24 - 1 hops, where ScampNode stops at
 * {@code Integer.MAX_VALUE}. One addition a single node cannot have: a driver that sees every copy
 * in flight may declare a message over ({@link ScampArena#messageOver}), and the arena's nodes drop
 * it from their duplicate memories, which changes nothing they do while no memory could be full
 * (the arena checks, and refuses to go on otherwise). The rest of the core is written once; the
 * arena duplicates only the rules of the covered subset, and the equivalence tests are what keeps
 * the two in step: a change to those rules in one must be made in the other, and the tests fail
 * until it is.
 */
package io.gossip.protocol;
