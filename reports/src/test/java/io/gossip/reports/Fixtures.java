package io.gossip.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Small run folders written by hand, with values chosen so every expected number in the tests can
 * be worked out on paper.
 */
final class Fixtures {
    static final String BROADCASTS_HEADER = "point,membership,repetition,broadcast,origin,sent_ms,"
            + "live_nodes,reached,coverage,complete,t50_ms,t99_ms,t100_ms,max_hops,messages,duplicates";
    static final String COVERAGE_HEADER = "point,membership,repetition,broadcast,t_ms,reached,coverage";
    static final String NODES_HEADER = "point,membership,repetition,node,alive,partial_view,in_view,"
            + "messages_sent,messages_received";
    static final String TIMELINE_HEADER = "point,membership,repetition,t_ms,live_nodes,pv_mean,pv_min,"
            + "pv_max,iv_mean,pv_expected";
    static final String EVENTS_HEADER = "point,membership,repetition,t_ms,action,detail";
    static final String POINTS_HEADER = "point,parameter,value,membership,repetitions,nodes,c,"
            + "coverage_mean,coverage_min,reliability,reliability_stddev,pv_mean,pv_expected,iv_mean,"
            + "messages_per_node,duplicate_ratio,t99_ms_mean,t100_ms_mean";

    private Fixtures() {
    }

    static void write(Path dir, String file, String... lines) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String summary(String scenario, int nodes, double c) {
        return """
                {
                  "scenario": "%s",
                  "seed": 7,
                  "nodes": %d,
                  "c": %s,
                  "membership": "scamp",
                  "sweep": null,
                  "coverage": { "mean": 0.9, "min": 0.5 },
                  "reliability": 0.5,
                  "latencyMillis": { "t50": 10.0, "t99": 20.0, "t100": null },
                  "partialView": { "mean": 2.5, "expected": 2.77, "min": 2, "max": 3, "stddev": 0.5 },
                  "inView": { "mean": 2.5, "min": 2, "max": 3, "stddev": 0.5 },
                  "messages": { "total": 28, "perNode": 3.5, "byType": { "GOSSIP": 20 } },
                  "duplicateRatio": 0.25,
                  "coverageStepMillis": 10.0,
                  "events": 100,
                  "wallSeconds": 0.1,
                  "eventsPerSecond": 1000.0,
                  "points": [ { "point": 0, "parameter": null, "value": null, "membership": "scamp", "c": %s } ]
                }
                """.formatted(scenario, nodes, c, c);
    }

    /**
     * {@link #summary} of a sweep of {@code parameter} over three points (SCAMP and global at each),
     * as the simulator writes it: the top level aggregates every point but keeps the first point's
     * {@code nodes} and {@code c}, and its PartialView mean 13.83 and expected 13.82 pool the points.
     * Point i has {@code nodes[i]} nodes and c = {@code c[i]}.
     */
    static String sweepSummary(String scenario, String parameter, int[] nodes, double[] c) {
        StringBuilder points = new StringBuilder("\"points\": [");
        for (int i = 0; i < nodes.length; i++) {
            for (String membership : new String[] {"scamp", "global"}) {
                double expected = (c[i] + 1) * Math.log(nodes[i]);
                points.append(i == 0 && membership.equals("scamp") ? " " : ", ").append("""
                        { "point": %d, "parameter": "%s", "value": %s, "membership": "%s", "nodes": %d, \
                        "c": %s, "partialView": { "mean": %s, "expected": %s } }""".formatted(
                        i, parameter, parameter.equals("c") ? c[i] : nodes[i], membership, nodes[i], c[i],
                        expected, expected));
            }
        }
        points.append(" ]");
        return summary(scenario, nodes[0], c[0])
                .replace("\"sweep\": null", "\"sweep\": \"" + parameter + "\"")
                .replace("\"mean\": 2.5, \"expected\": 2.77", "\"mean\": 13.83, \"expected\": 13.82")
                .replaceFirst("\"points\": \\[.*]", Matcher.quoteReplacement(points.toString()));
    }

    /**
     * One point, SCAMP with two repetitions and the global baseline with one. SCAMP broadcasts:
     * rep 0 b0 reaches 0.25, 0.75, 1.0 at 0, 10, 20 ms; rep 0 b1 reaches 0.25, 0.5 and stops at
     * 10 ms; rep 1 b0 reaches 0.25, 1.0 at 0, 10 ms. Global: one broadcast, 0.25 then 1.0. Its
     * timeline.csv and events.csv have a header only, as for a run that samples nothing.
     */
    static Path singlePoint(Path dir) {
        write(dir, "summary.json", summary("tiny <run>", 4, 1));
        write(dir, "scenario.yaml", "name: tiny <run>", "nodes: 4", "c: 1", "note: \"a & b\"");
        write(dir, "coverage.csv", COVERAGE_HEADER,
                "0,scamp,0,0,0.0,1,0.25", "0,scamp,0,0,10.0,3,0.75", "0,scamp,0,0,20.0,4,1.0",
                "0,scamp,0,1,0.0,1,0.25", "0,scamp,0,1,10.0,2,0.5",
                "0,scamp,1,0,0.0,1,0.25", "0,scamp,1,0,10.0,4,1.0",
                "0,global,0,0,0.0,1,0.25", "0,global,0,0,10.0,4,1.0");
        write(dir, "broadcasts.csv", BROADCASTS_HEADER,
                "0,scamp,0,0,n1,100.0,4,4,1.0,true,10.0,20.0,20.0,3,12,4",
                "0,scamp,0,1,n2,200.0,4,2,0.5,false,10.0,,,2,6,1",
                "0,scamp,1,0,n0,100.0,4,4,1.0,true,5.0,10.0,10.0,2,10,3",
                "0,global,0,0,n3,100.0,4,4,1.0,true,5.0,10.0,10.0,1,8,2");
        write(dir, "nodes.csv", NODES_HEADER,
                "0,scamp,0,n0,true,2,3,3,5", "0,scamp,0,n1,true,3,2,4,5",
                "0,scamp,0,n2,true,3,2,5,5", "0,scamp,0,n3,true,2,3,4,5",
                "0,scamp,1,n0,true,2,2,3,4", "0,scamp,1,n1,true,2,3,3,4",
                "0,scamp,1,n2,true,3,2,4,4", "0,scamp,1,n3,false,9,9,1,1",
                "0,global,0,n0,true,3,3,6,6", "0,global,0,n1,true,3,3,6,6",
                "0,global,0,n2,true,3,3,6,6", "0,global,0,n3,true,3,3,6,6");
        write(dir, "points.csv", POINTS_HEADER,
                "0,,,scamp,2,4,1,0.833,0.5,0.667,0.471,2.43,2.77,2.43,3.43,0.3,15.0,15.0",
                "0,,,global,1,4,1,1.0,1.0,1.0,0.0,3.0,2.77,3.0,6.0,0.2,10.0,10.0");
        write(dir, "timeline.csv", TIMELINE_HEADER);
        write(dir, "events.csv", EVENTS_HEADER);
        return dir;
    }

    /**
     * A run folder as the simulator writes it, every file holding every row the others count, so
     * {@code sim report} takes it ({@link RunCompleteness}): 3 node slots, SCAMP with two
     * repetitions and the global baseline with one, each run joining its nodes at 0 ms and sending
     * two broadcasts at 5,000 and 6,000 ms, its membership sampled every 2,000 ms until its end at
     * 8,000 ms.
     */
    static Path completeRun(Path dir) {
        return completeRun(dir, "complete");
    }

    /** {@link #completeRun} of the scenario named {@code scenario}. */
    static Path completeRun(Path dir, String scenario) {
        write(dir, "scenario.yaml", "name: " + scenario, "seed: 7", "nodes: 3", "timeline:",
                "  - {action: join, atMillis: 0, count: all, overMillis: 0}",
                "  - {action: broadcast, atMillis: 5000, count: 2, intervalMillis: 1000}",
                "durationMillis: 8000", "output:", "  timelineSampleMillis: 2000");
        String point = """
                { "point": 0, "parameter": null, "value": null, "membership": "%s", "nodes": 3, "c": 1, \
                "broadcasts": %d }""";
        write(dir, "summary.json", summary(scenario, 3, 1)
                .replace("\"events\": 100", "\"lateMembershipCopies\": 0, \"events\": 100")
                .replaceFirst("\"points\": \\[.*]", Matcher.quoteReplacement("\"points\": [ "
                        + point.formatted("scamp", 4) + ", " + point.formatted("global", 2) + " ]")));
        write(dir, "points.csv", POINTS_HEADER,
                "0,,,scamp,2,3,1,0.8333,0.6667,0.75,0.25,2.0,2.2,2.0,30.0,0.5,15.0,20.0",
                "0,,,global,1,3,1,1.0,1.0,1.0,0.0,2.0,2.2,2.0,20.0,0.5,10.0,10.0");
        List<String> broadcasts = new ArrayList<>(List.of(BROADCASTS_HEADER));
        List<String> coverage = new ArrayList<>(List.of(COVERAGE_HEADER));
        List<String> nodes = new ArrayList<>(List.of(NODES_HEADER));
        List<String> timeline = new ArrayList<>(List.of(TIMELINE_HEADER));
        List<String> events = new ArrayList<>(List.of(EVENTS_HEADER));
        for (String run : new String[] {"0,scamp,0,", "0,scamp,1,", "0,global,0,"}) {
            // SCAMP's second repetition: its second broadcast reaches 2 of the 3 nodes.
            boolean missOne = run.equals("0,scamp,1,");
            broadcasts.add(run + "0,0,5000.0,3,3,1.0,true,10.0,20.0,20.0,2,6,3");
            broadcasts.add(run + "1,1,6000.0,3,"
                    + (missOne ? "2,0.6667,false,10.0,,,1,4,2" : "3,1.0,true,10.0,15.0,15.0,2,6,3"));
            coverage.add(run + "0,0.0,1,0.3333");
            coverage.add(run + "0,10.0,2,0.6667");
            coverage.add(run + "0,20.0,3,1.0");
            coverage.add(run + "1,0.0,1,0.3333");
            coverage.add(run + "1,10.0,2,0.6667");
            if (!missOne) {
                coverage.add(run + "1,20.0,3,1.0");
            }
            for (int node = 0; node < 3; node++) {
                nodes.add(run + node + ",true,2,2,10,10");
            }
            for (int t = 0; t <= 8000; t += 2000) {
                timeline.add(run + t + ".0," + (t == 0 ? "3,0.0,0,0,0.0,2.2" : "3,2.0,2,2,2.0,2.2"));
            }
            events.add(run + "0.0,join,count=3 over_ms=0.0 contacts=uniform");
            events.add(run + "5000.0,broadcast,broadcast=0 origin=0");
            events.add(run + "6000.0,broadcast,broadcast=1 origin=1");
        }
        write(dir, "broadcasts.csv", broadcasts.toArray(String[]::new));
        write(dir, "coverage.csv", coverage.toArray(String[]::new));
        write(dir, "nodes.csv", nodes.toArray(String[]::new));
        write(dir, "timeline.csv", timeline.toArray(String[]::new));
        write(dir, "events.csv", events.toArray(String[]::new));
        return dir;
    }

    /**
     * {@link #completeRun} without its broadcasts, as a run of joins alone writes it: no broadcast
     * in the scenario, {@code summary.json} counting none, headers only in {@code broadcasts.csv} and
     * {@code coverage.csv}, the joins alone in {@code events.csv}.
     */
    static Path completeQuietRun(Path dir, String scenario) {
        completeRun(dir, scenario);
        write(dir, "scenario.yaml", "name: " + scenario, "seed: 7", "nodes: 3", "timeline:",
                "  - {action: join, atMillis: 0, count: all, overMillis: 0}",
                "durationMillis: 8000", "output:", "  timelineSampleMillis: 2000");
        try {
            Path summary = dir.resolve("summary.json");
            String none = Files.readString(summary).replaceAll("\"broadcasts\": \\d+", "\"broadcasts\": 0");
            Files.writeString(summary, none);
            List<String> joins = Files.readAllLines(dir.resolve("events.csv")).stream()
                    .filter(line -> !line.contains(",broadcast,")).toList();
            write(dir, "events.csv", joins.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(dir, "broadcasts.csv", BROADCASTS_HEADER);
        write(dir, "coverage.csv", COVERAGE_HEADER);
        return dir;
    }

    /** {@link #singlePoint} plus a timeline: three samples of rep 0, two of rep 1, three actions. */
    static Path withTimeline(Path dir) {
        singlePoint(dir);
        write(dir, "timeline.csv", TIMELINE_HEADER,
                "0,scamp,1,0.0,4,1.0,1,1,1.0,2.77",
                "0,scamp,0,0.0,4,2.0,1,3,2.0,2.77",
                "0,scamp,0,100.0,3,2.5,2,3,2.4,2.19",
                "0,scamp,0,200.0,4,2.6,2,4,2.6,2.77",
                "0,scamp,1,100.0,4,1.5,1,2,1.5,2.77");
        write(dir, "events.csv", EVENTS_HEADER,
                "0,scamp,0,150.0,join,n3",
                "0,scamp,0,50.0,crash,n3",
                "0,scamp,1,60.0,crash,n2");
        return dir;
    }

    /** A sweep over c = 0, 1, 2 for both memberships (one row per point and membership). */
    static Path sweepOverC(Path dir) {
        singlePoint(dir);
        write(dir, "points.csv", POINTS_HEADER,
                "0,c,0,scamp,5,100,0,0.95,0.8,0.4,0.2,4.6,4.6,4.6,10,0.5,50.0,60.0",
                "0,c,0,global,5,100,0,0.99,0.9,0.6,0.1,99,4.6,99,10,0.4,40.0,50.0",
                "1,c,1,scamp,5,100,1,0.97,0.9,0.7,0.15,9.2,9.2,9.2,20,0.6,45.0,55.0",
                "1,c,1,global,5,100,1,0.995,0.95,0.8,0.05,99,9.2,99,20,0.5,35.0,45.0",
                "2,c,2,scamp,5,100,2,0.99,0.95,0.95,0.1,13.8,13.8,13.8,30,0.7,40.0,50.0",
                "2,c,2,global,5,100,2,1.0,1.0,0.9,,99,13.8,99,30,0.6,30.0,40.0");
        return dir;
    }

    /** A sweep over nodes = 100, 1000, 10000 with c = 1, SCAMP only. */
    static Path sweepOverNodes(Path dir) {
        singlePoint(dir);
        write(dir, "points.csv", POINTS_HEADER,
                "0,nodes,100,scamp,3,100,1,0.99,0.9,0.9,0.1,9.0,9.21,9.0,20,0.5,50.0,60.0",
                "1,nodes,1000,scamp,3,1000,1,0.99,0.9,0.9,0.1,14.0,13.82,14.0,25,0.5,60.0,70.0",
                "2,nodes,10000,scamp,3,10000,1,0.99,0.9,0.9,0.1,18.5,18.42,18.5,30,0.5,70.0,80.0");
        return dir;
    }

    /**
     * A sweep over a crash fraction (0 and 0.5), four repetitions each, SCAMP and global. Per
     * broadcast, live fanout = (reached − 1 + duplicates) / reached: SCAMP at 0 has two broadcasts
     * of fanout 10 over 100 nodes, at 0.5 two of fanout 5 over 50 nodes (coverage 1.0 and 0.8);
     * global has one broadcast per point, fanout 10 and 9.98.
     */
    static Path crashSweep(Path dir) {
        singlePoint(dir);
        write(dir, "points.csv", POINTS_HEADER,
                "0,timeline.1.fraction,0,scamp,4,100,1,1.0,1.0,1.0,0.0,10.0,9.21,10.0,20,0.9,50.0,60.0",
                "0,timeline.1.fraction,0,global,4,100,1,1.0,1.0,1.0,0.0,10.0,9.21,10.0,18,0.9,40.0,50.0",
                "1,timeline.1.fraction,0.5,scamp,4,100,1,0.9,0.8,0.5,0.5,10.0,9.21,10.0,12,0.8,60.0,",
                "1,timeline.1.fraction,0.5,global,4,100,1,1.0,1.0,0.75,0.25,10.0,9.21,10.0,10,0.9,40.0,50.0");
        write(dir, "broadcasts.csv", BROADCASTS_HEADER,
                "0,scamp,0,0,n1,100.0,100,100,1.0,true,10.0,20.0,20.0,3,1000,901",
                "0,scamp,1,0,n1,100.0,100,100,1.0,true,10.0,20.0,20.0,3,1000,901",
                "0,global,0,0,n1,100.0,100,100,1.0,true,10.0,20.0,20.0,3,1000,901",
                "1,scamp,0,0,n2,100.0,50,50,1.0,true,10.0,20.0,20.0,3,500,201",
                "1,scamp,1,0,n2,100.0,50,40,0.8,false,10.0,,,3,500,161",
                "1,global,0,0,n2,100.0,50,50,1.0,true,10.0,20.0,20.0,3,500,450");
        return dir;
    }

    /**
     * A sweep over {@code network.loss} = 0, 0.5, 0.9, SCAMP with two repetitions and the global
     * baseline, with InViews to predict reliability from ({@link InViewPrediction}). Copies that
     * reached a live node (reached − 1 + duplicates) over copies sent, SCAMP: at 0, 10 of 10 (q =
     * 0); at 0.5, 5 of 10 and 3 of 6 (q = 0.5); at 0.9 the only broadcast sent no copy (its
     * origin's PartialView was empty), so q is unknown. Live SCAMP InViews: at 0, rep 0 {2, 1, 3,
     * 1}, rep 1 {2, 0, 3, 1} (one node nobody gossips to); at 0.5, rep 0 {1, 2, 3} (plus a crashed
     * node with 0), rep 1 {2, 2, 1, 4}. The baseline's rows would give other values were they used.
     */
    static Path lossSweep(Path dir) {
        singlePoint(dir);
        write(dir, "points.csv", POINTS_HEADER,
                "0,network.loss,0,scamp,2,4,1,1.0,1.0,1.0,0.0,2.0,2.77,1.75,10,0.7,50.0,60.0",
                "0,network.loss,0,global,2,4,1,1.0,1.0,1.0,0.0,3.0,2.77,3.0,10,0.7,50.0,60.0",
                "1,network.loss,0.5,scamp,2,4,1,0.875,0.75,0.5,0.5,2.0,2.77,2.0,8,0.2,50.0,60.0",
                "1,network.loss,0.5,global,1,4,1,1.0,1.0,1.0,0.0,3.0,2.77,3.0,12,0.6,50.0,60.0",
                "2,network.loss,0.9,scamp,1,4,1,0.25,0.25,0.0,0.0,0.0,2.77,0.0,0,0.0,,");
        write(dir, "broadcasts.csv", BROADCASTS_HEADER,
                "0,scamp,0,0,n1,100.0,4,4,1.0,true,10.0,20.0,20.0,3,10,7",
                "0,global,0,0,n1,100.0,4,4,1.0,true,10.0,20.0,20.0,3,12,9",
                "1,scamp,0,0,n1,100.0,4,4,1.0,true,10.0,20.0,20.0,3,10,2",
                "1,scamp,1,0,n1,100.0,4,3,0.75,false,10.0,,,3,6,1",
                "1,global,0,0,n1,100.0,4,4,1.0,true,10.0,20.0,20.0,3,12,8",
                "2,scamp,0,0,n1,100.0,4,1,0.25,false,,,,0,0,0");
        write(dir, "nodes.csv", NODES_HEADER,
                "0,scamp,0,n0,true,2,2,3,5", "0,scamp,0,n1,true,2,1,3,5",
                "0,scamp,0,n2,true,2,3,3,5", "0,scamp,0,n3,true,2,1,3,5",
                "0,scamp,1,n0,true,2,2,3,5", "0,scamp,1,n1,true,2,0,3,0",
                "0,scamp,1,n2,true,2,3,3,5", "0,scamp,1,n3,true,2,1,3,5",
                "0,global,0,n0,true,3,0,3,5", "0,global,0,n1,true,3,0,3,5",
                "1,scamp,0,n0,true,2,1,3,5", "1,scamp,0,n1,true,2,2,3,5",
                "1,scamp,0,n2,true,2,3,3,5", "1,scamp,0,n3,false,2,0,3,5",
                "1,scamp,1,n0,true,2,2,3,5", "1,scamp,1,n1,true,2,2,3,5",
                "1,scamp,1,n2,true,2,1,3,5", "1,scamp,1,n3,true,2,4,3,5",
                "1,global,0,n0,true,3,1,3,5", "1,global,0,n1,true,3,1,3,5",
                "2,scamp,0,n0,true,0,0,0,0", "2,scamp,0,n1,true,0,1,0,0");
        return dir;
    }

    /** {@link #lossSweep}'s baseline rows alone (points 0 and 1): a run without SCAMP. */
    static Path lossSweepBaselineOnly(Path dir) {
        lossSweep(dir);
        write(dir, "points.csv", POINTS_HEADER,
                "0,network.loss,0,global,2,4,1,1.0,1.0,1.0,0.0,3.0,2.77,3.0,10,0.7,50.0,60.0",
                "1,network.loss,0.5,global,1,4,1,1.0,1.0,1.0,0.0,3.0,2.77,3.0,12,0.6,50.0,60.0");
        write(dir, "broadcasts.csv", BROADCASTS_HEADER,
                "0,global,0,0,n1,100.0,4,4,1.0,true,10.0,20.0,20.0,3,12,9",
                "1,global,0,0,n1,100.0,4,4,1.0,true,10.0,20.0,20.0,3,12,8");
        write(dir, "nodes.csv", NODES_HEADER, "0,global,0,n0,true,3,0,3,5", "1,global,0,n0,true,3,1,3,5");
        return dir;
    }

    /** A sweep over a word: {@code timeline.0.contacts} = uniform, single (points 0 and 1). */
    static Path categoricalSweep(Path dir) {
        crashSweep(dir);
        write(dir, "points.csv", POINTS_HEADER,
                "0,timeline.0.contacts,uniform,scamp,4,100,1,1.0,1.0,1.0,0.0,10.0,9.21,10.0,20,0.9,50.0,60.0",
                "0,timeline.0.contacts,uniform,global,4,100,1,1.0,1.0,1.0,0.0,10.0,9.21,10.0,18,0.9,40.0,50.0",
                "1,timeline.0.contacts,single,scamp,4,100,1,0.9,0.8,0.5,0.5,10.0,9.21,10.0,12,0.8,60.0,",
                "1,timeline.0.contacts,single,global,4,100,1,1.0,1.0,0.75,0.25,10.0,9.21,10.0,10,0.9,40.0,50.0");
        return dir;
    }

    /**
     * A membership-only sweep over nodes = 100, 200 without any broadcast: empty broadcasts and
     * coverage files, empty coverage, reliability and latency fields, as the simulator writes them.
     */
    static Path noBroadcasts(Path dir) {
        singlePoint(dir);
        write(dir, "summary.json", summary("quiet", 200, 1)
                .replace("\"coverage\": { \"mean\": 0.9, \"min\": 0.5 }",
                        "\"coverage\": { \"mean\": null, \"min\": null }")
                .replace("\"reliability\": 0.5", "\"reliability\": null")
                .replace("\"t50\": 10.0, \"t99\": 20.0", "\"t50\": null, \"t99\": null"));
        write(dir, "broadcasts.csv", BROADCASTS_HEADER);
        write(dir, "coverage.csv", COVERAGE_HEADER);
        write(dir, "points.csv", POINTS_HEADER,
                "0,nodes,100,scamp,1,100,1,,,,,8.89,9.21034,8.89,68.13,0.0,,",
                "1,nodes,200,scamp,1,200,1,,,,,9.03,10.596635,9.03,65.495,0.0,,");
        return dir;
    }
}
