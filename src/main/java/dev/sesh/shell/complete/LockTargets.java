package dev.sesh.shell.complete;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The words {@code atca lock} takes, each with what locking it means. */
public final class LockTargets implements Iterable<String>, CommandCompleter.Described {
    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("config", "the config zone: slot and key configuration never changes again");
        WORDS.put("data", "the data and OTP zones: slots follow their configured write rules");
        WORDS.put("slot", "one slot, for good (needs the data zone locked and the slot lockable)");
    }

    @Override public Iterator<String> iterator() { return WORDS.keySet().iterator(); }

    @Override public String describe(String value) { return WORDS.getOrDefault(value, ""); }
}
