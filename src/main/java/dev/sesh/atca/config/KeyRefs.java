package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which slots use which other slots' contents as a key (reference/atecc.md 5.1-5.3): WriteKey when
 * writes are encrypted (Write Encrypt, PrivWrite) or DeriveKey creates from it, ReadKey when
 * EncryptRead is set on a slot that is not private, AuthKey when ReqAuth is set.
 */
final class KeyRefs {
    record Ref(int user, String field, int key) {}

    private KeyRefs() {}

    static List<Ref> of(ConfigZone z) {
        List<Ref> out = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            SlotConfig s = z.slotConfig(n);
            KeyConfig k = z.keyConfig(n);
            if (s.privWriteAllowed() || (!k.isPrivate() && s.deriveKeyFromWriteKey())) out.add(new Ref(n, "WriteKey", s.writeKey()));
            if (!k.isPrivate() && s.encryptRead()) out.add(new Ref(n, "ReadKey", s.readKey()));
            if (k.reqAuth()) out.add(new Ref(n, "AuthKey", k.authKey()));
        }
        return out;
    }

    /** "slot 0" or "slots 0, 1, 8" for the users of {@code refs}. */
    static String users(List<Ref> refs) {
        List<Integer> slots = refs.stream().map(Ref::user).distinct().sorted().toList();
        return (slots.size() == 1 ? "slot " : "slots ") + slots.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** "write key", "read key", "auth key" words for the fields in {@code refs}. */
    static String roles(List<Ref> refs) {
        return refs.stream().map(r -> switch (r.field()) {
            case "WriteKey" -> "write key";
            case "ReadKey" -> "read key";
            default -> "auth key";
        }).distinct().collect(Collectors.joining("/"));
    }
}
