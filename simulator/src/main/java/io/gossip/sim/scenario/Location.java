package io.gossip.sim.scenario;

/**
 * Where a piece of scenario text came from: a file with a 1-based line and column, or a command-line
 * override ({@code --set key=value}, line 0), so every error can point at the text to fix.
 *
 * @param source file name as given, or the override text
 * @param line 1-based line, 0 when the source has no lines
 * @param column 1-based column, 0 when the source has no lines
 */
public record Location(String source, int line, int column) {

    /** A location inside a command-line override, which has no lines. */
    static Location override(String text) {
        // A --set's value is cut as a message cuts it (Values#echo); its key path is kept whole.
        int equals = text.indexOf('=');
        String shown = text.startsWith("--set ") && equals > 0
                ? text.substring(0, equals + 1) + Values.echo(text.substring(equals + 1)) : Values.echo(text);
        return new Location(shown, 0, 0);
    }

    /** {@code file:line:column}, or just the source for an override. */
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
