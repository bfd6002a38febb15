package dev.crawler.parse;

import java.util.Set;

/**
 * A set of element names that answers for a tag whose name is a kept one ({@link TagNames}) by
 * the name's slot, with no hashing or comparing; other names are looked up as strings.
 * Immutable.
 */
final class TagNameSet {

    private final Set<String> names;
    private final boolean[] bySlot = new boolean[TagNames.SLOTS];

    private TagNameSet(Set<String> names) {
        this.names = names;
        for (String name : names) {
            int slot = TagNames.slotOf(name);
            if (slot >= 0) {
                bySlot[slot] = true;
            }
        }
    }

    static TagNameSet of(String... names) {
        return new TagNameSet(Set.of(names));
    }

    boolean contains(TagToken tag) {
        int slot = tag.slot();
        return slot >= 0 ? bySlot[slot] : names.contains(tag.name());
    }

    boolean contains(String name) {
        return names.contains(name);
    }
}
