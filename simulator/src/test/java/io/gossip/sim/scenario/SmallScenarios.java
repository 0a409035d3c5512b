package io.gossip.sim.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small scenarios that between them use every action, latency, loss and membership: bases to mutate and run. */
final class SmallScenarios {
    static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("small", ScenarioTexts.VALID);
        ALL.put("features", """
                name: features
                seed: 9
                nodes: 120
                repetitions: 2
                protocol:
                  c: 1
                  heartbeatPeriodMillis: 500
                  isolationTimeoutMillis: 3000
                  leaseDurationMillis: 20000
                  maxAttempts: 3
                  retransmitTimeoutMillis: 100
                  duplicateMemoryCapacity: 64
                  duplicateMemoryAgeMillis: 5000
                  maxPayloadBytes: 256
                  gossipHopLimit: 0
                  walkBudget: 1.0
                  forwardLimit: 400
                  indirection: true
                membership: scamp
                baseline: {type: global, fanout: auto, failureDetector: perfect}
                network:
                  latency: {type: lognormal, medianMillis: 30, sigma: 0.5}
                  regions: {count: 3, intraRegionMillis: 5, interRegionMillis: 40}
                  loss: {type: gilbert-elliott, goodToBad: 0.01, badToGood: 0.2, lossInGood: 0.001, lossInBad: 0.5}
                timeline:
                  - {action: join, atMillis: 0, count: 80, intervalMillis: 50, contacts: uniform}
                  - {action: broadcast, atMillis: 5000, count: 3, intervalMillis: 200, source: 0, payloadBytes: 100}
                  - {action: partition, atMillis: 6000, untilMillis: 9000, fractions: [1, 2]}
                  - {action: churn, atMillis: 7000, untilMillis: 12000, joinsPerSecond: 4, leavesPerSecond: 2,
                     crash: true}
                  - {action: unsubscribe, atMillis: 12500, nodes: [1, 2, 3]}
                  - {action: crash, atMillis: 13000, fraction: 0.2}
                  - {action: broadcast, atMillis: 16000, count: 4, intervalMillis: 0}
                drainMillis: 3000
                output: {timelineSampleMillis: 500, coverageStepMillis: 1}
                sweep: {parameter: network.regions.count, values: [1, 3]}
                """);
        ALL.put("global", """
                name: global-run
                seed: 3
                nodes: 60
                membership: {type: global, fanout: 4, failureDetector: none}
                protocol: {heartbeatPeriodMillis: 0}
                network:
                  latency: {type: normal, meanMillis: 20, stddevMillis: 10}
                  loss: {type: independent, probability: 0.05}
                timeline:
                  - {action: join, atMillis: 0, count: all, overMillis: 600}
                  - {action: broadcast, atMillis: 1000, count: 5, intervalMillis: 100, source: random}
                  - {action: unsubscribe, atMillis: 2000, fraction: 0.5}
                  - {action: broadcast, atMillis: 2500}
                durationMillis: 6000
                sweep: {parameter: seed, values: [1, 2]}
                """);
        ALL.put("instant", """
                name: instant
                seed: 1
                nodes: 30
                protocol: {c: 0, heartbeatPeriodMillis: 100, isolationTimeoutMillis: 250, maxAttempts: 1}
                network: {latency: 0, loss: 0}
                timeline:
                  - {action: join, atMillis: 0, count: 20, contacts: single}
                  - {action: broadcast, atMillis: 0, count: 3, intervalMillis: 0}
                  - {action: churn, atMillis: 10, untilMillis: 2000, joinsPerSecond: 5, leavesPerSecond: 0}
                  - {action: crash, atMillis: 2000, nodes: [0]}
                drainMillis: 0
                live: {timeScale: 0.5, loopThreads: 1}
                """);
    }

    private SmallScenarios() {
    }
}
