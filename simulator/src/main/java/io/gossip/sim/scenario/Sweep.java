package io.gossip.sim.scenario;

import java.util.List;

/**
 * The optional {@code sweep} of a scenario: one parameter, by dotted path, set to each value of a
 * list in turn, giving one {@link RunPlan.Point} per value.
 *
 * @param parameter dotted path, e.g. {@code nodes} or {@code timeline.1.fraction}
 * @param parameterLocation where the path is written
 * @param values the values in order, each kept with its own location
 */
record Sweep(String parameter, Location parameterLocation, List<YamlNode> values) {
    static final List<String> KEYS = List.of("parameter", "values");

    /** Binds the sweep mapping, reporting every problem of it (its parameter's and its values'). */
    static Sweep bind(YamlNode node) throws ScenarioException {
        Problems p = new Problems();
        Fields f = Fields.of(node, "sweep", KEYS, p.list());
        String parameter = p.check(() -> parameter(f));
        List<YamlNode> values = p.check(() -> values(f));
        p.throwIfAny();
        return new Sweep(parameter, f.node("parameter").location(), values);
    }

    private static String parameter(Fields f) throws ScenarioException {
        String parameter = f.text("parameter");
        String root = parameter.split("\\.", 2)[0];
        if (root.equals("sweep") || root.equals("name")) {
            throw new ScenarioException(f.node("parameter").location(), "sweep.parameter: cannot sweep '"
                    + root + "'; sweep a value of the scenario such as nodes, protocol.c or network.loss");
        }
        return parameter;
    }

    private static List<YamlNode> values(Fields f) throws ScenarioException {
        if (!f.has("values")) {
            throw f.missing("values", "a non-empty list of values");
        }
        YamlNode values = f.node("values");
        if (!(values instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            throw Values.wrongType(values, "sweep.values", "a non-empty list of values");
        }
        Problems p = new Problems(); // every such value, not only the first
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode value = sequence.items().get(i);
            int index = i;
            p.check(() -> writable(value, index));
        }
        p.throwIfAny();
        return List.copyOf(sequence.items());
    }

    /**
     * Refuses a value whose text holds a comma or a line break: it is written as it stands in the
     * {@code value} column of points.csv, which has no quoting (docs/results-format.md).
     */
    private static Void writable(YamlNode value, int index) throws ScenarioException {
        String text = text(value);
        if (text.indexOf(',') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new ScenarioException(value.location(), "sweep.values." + index + ": a swept value must not "
                    + "contain a comma or a line break (points.csv writes it unquoted in its value column), got '"
                    + Values.echo(text.replace("\n", "\\n").replace("\r", "\\r")) + "'");
        }
        return null;
    }

    /** The value as written, for RunPlan.Point#value and messages. */
    static String text(YamlNode value) {
        if (value instanceof YamlNode.Scalar scalar) {
            return scalar.text();
        }
        return YamlTreeWriter.write(value).strip().replace('\n', ' ');
    }
}
