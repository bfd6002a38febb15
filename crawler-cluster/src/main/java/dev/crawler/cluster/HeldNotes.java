package dev.crawler.cluster;

import dev.crawler.frontier.HostNote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link HostNote}s of the hosts whose partitions this node holds, as their partitions' stores
 * told them, until the engine asks for a host's notes (once, before it hands out one of its URLs):
 * the latest note per host and key. Notes of a partition let go are dropped. Confined to the
 * frontier's owner thread.
 */
final class HeldNotes {

    private final Map<String, Map<String, HostNote>> byHost = new HashMap<>();
    private final Map<String, Integer> partitionOf = new HashMap<>();

    /** {@code note}, of a host of {@code partition}, replaces the one under its key. */
    void put(int partition, HostNote note) {
        partitionOf.put(note.hostKey(), partition);
        byHost.computeIfAbsent(note.hostKey(), h -> new LinkedHashMap<>()).put(note.key(), note);
    }

    /** The notes held for {@code hostKey}, now given away (none the next time, until more come). */
    List<HostNote> take(String hostKey) {
        Map<String, HostNote> notes = byHost.remove(hostKey);
        if (notes == null) {
            return List.of();
        }
        partitionOf.remove(hostKey);
        return new ArrayList<>(notes.values());
    }

    /** Drops the notes of {@code partition}'s hosts: it is another node's now. */
    void released(int partition) {
        partitionOf.entrySet().removeIf(e -> {
            if (e.getValue() == partition) {
                byHost.remove(e.getKey());
                return true;
            }
            return false;
        });
    }

    /** Hosts with notes held. */
    int hosts() {
        return byHost.size();
    }
}
