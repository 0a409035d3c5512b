package io.gossip.protocol;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds, by reflection, every place a {@link ScampNode}'s object graph holds one of a set of known
 * ids, without knowing the node's structure: every int field and element of an {@code int[]}, and
 * the high half of every long field and element of a {@code long[]} (where the node packs an id
 * with a sequence number), of every object reachable from the node. The known ids are chosen far
 * from any other int a node holds (sequence numbers, sizes, leases, hop counts, times' high
 * halves), so a match is an id. What belongs to the driver or is shared is not walked: the
 * environment, the counters, the configuration, JDK objects (the generator), lambdas, enums and
 * static fields.
 *
 * <p>Arrays with slots beyond their live length hold stale ids that nothing reads again: the
 * walk reads only the live slots of the containers that have them (views, tombstones, the
 * retransmission queue, the duplicate memory's ring). A new container that leaves stale ids behind
 * makes the check fail loudly (found but not reported), never pass wrongly.
 */
final class IdHolders {
    private final Set<Integer> knownIds;
    private final Map<Integer, Set<String>> found = new TreeMap<>();
    private final IdentityHashMap<Object, Boolean> visited = new IdentityHashMap<>();

    private IdHolders(Set<Integer> knownIds) {
        this.knownIds = knownIds;
    }

    /** The known ids {@code node} holds, each with the paths (from the node) of the fields holding it. */
    static Map<Integer, Set<String>> of(ScampNode node, Set<Integer> knownIds) {
        IdHolders holders = new IdHolders(knownIds);
        holders.walk(node, "");
        return holders.found;
    }

    private void walk(Object object, String path) {
        if (visited.put(object, Boolean.TRUE) != null) {
            return;
        }
        for (Class<?> c = object.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field(object, field, path.isEmpty() ? field.getName() : path + "." + field.getName());
                }
            }
        }
    }

    private void field(Object owner, Field field, String path) {
        try {
            field.setAccessible(true);
            Class<?> type = field.getType();
            if (type == int.class) {
                note(field.getInt(owner), path);
            } else if (type == long.class) {
                note((int) (field.getLong(owner) >>> 32), path);
            } else if (!type.isPrimitive()) {
                Object value = field.get(owner);
                if (value != null) {
                    value(owner, field.getName(), value, path);
                }
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError("cannot read " + path, e);
        }
    }

    private void value(Object owner, String fieldName, Object value, String path) throws IllegalAccessException {
        if (value instanceof int[] ints) {
            for (int i : livePositions(owner, fieldName, ints.length)) {
                note(ints[i], path);
            }
        } else if (value instanceof long[] longs) {
            for (int i : livePositions(owner, fieldName, longs.length)) {
                note((int) (longs[i] >>> 32), path);
            }
        } else if (value instanceof Object[] objects) {
            for (Object element : objects) {
                if (element != null && walked(element.getClass())) {
                    walk(element, path + "[" + element.getClass().getSimpleName() + "]");
                }
            }
        } else if (!value.getClass().isArray() && walked(value.getClass())) {
            walk(value, path);
        }
    }

    private static boolean walked(Class<?> type) {
        return !type.getName().startsWith("java.") && !type.isEnum() && !type.isHidden() && !type.isSynthetic()
                && !Environment.class.isAssignableFrom(type) && type != Counters.class
                && type != ProtocolConfig.class;
    }

    /** The slots of {@code owner}'s array field that hold live entries. */
    private static int[] livePositions(Object owner, String fieldName, int length) throws IllegalAccessException {
        if (owner instanceof IdList || owner instanceof UnlinkTombstones || owner instanceof RetransmitQueue) {
            return range(intField(owner, "size"));
        }
        if (owner instanceof DuplicateMemory && (fieldName.equals("ring") || fieldName.equals("seenAt"))) {
            int head = intField(owner, "head");
            int size = intField(owner, "size");
            int[] positions = new int[size];
            for (int i = 0; i < size; i++) {
                positions[i] = (head + i) % length;
            }
            return positions;
        }
        return range(length);
    }

    private static int[] range(int n) {
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        return positions;
    }

    private static int intField(Object owner, String name) throws IllegalAccessException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field.getInt(owner);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new AssertionError(owner.getClass() + " has no field " + name);
    }

    private void note(int value, String path) {
        if (knownIds.contains(value)) {
            found.computeIfAbsent(value, v -> new TreeSet<>()).add(path);
        }
    }
}
