package dev.sesh.atca.config;

import dev.sesh.atca.command.Address;

import java.util.ArrayList;
import java.util.List;

/**
 * A slot's configuration in plain words, for {@code atca slots} (one short phrase per column) and
 * {@code atca slot N} (a paragraph). Policies are stated as the chip enforces them after the data
 * zone is locked (reference/atecc.md 3.3 Read/Write/PrivWrite, 5.1-5.3, 8.1); 608 names are used for
 * a 608 zone.
 */
public final class SlotDescription {
    private SlotDescription() {}

    /** Slot size in bytes: 36 (slots 0-7), 416 (slot 8), 72 (slots 9-15). */
    public static int size(int slot) { return Address.slotSize(ConfigZone.checkSlot(slot)); }

    /** "P256 ECC" (private key), "P256 public", "AES", "data" or "reserved N". */
    public static String keyKind(ConfigZone zone, int slot) {
        KeyConfig k = zone.keyConfig(slot);
        if (k.isPrivate()) return k.keyType() == KeyType.P256 ? "P256 ECC" : k.keyType().words() + " private";
        return k.keyType() == KeyType.P256 ? "P256 public" : k.keyType().words();
    }

    /** "yes" for a private-key slot, else "-". */
    public static String privateWord(ConfigZone zone, int slot) { return zone.keyConfig(slot).isPrivate() ? "yes" : "-"; }

    /** "yes" if IsSecret is set, else "-". */
    public static String secretWord(ConfigZone zone, int slot) { return zone.slotConfig(slot).isSecret() ? "yes" : "-"; }

    /** Who may read: "never", "always (clear)" or "encrypted, key R". */
    public static String read(ConfigZone zone, int slot) {
        SlotConfig s = zone.slotConfig(slot);
        if (zone.keyConfig(slot).isPrivate()) return "never";
        if (!s.isSecret()) return "always (clear)";
        return s.encryptRead() ? "encrypted, key " + s.readKey() : "never";
    }

    /**
     * Who may write: "never", "always (clear)", "if pubkey invalid (clear)", "encrypted, key W", or
     * for a private key "encrypted, key W (PrivWrite)".
     */
    public static String write(ConfigZone zone, int slot) {
        SlotConfig s = zone.slotConfig(slot);
        if (zone.keyConfig(slot).isPrivate()) return s.privWriteAllowed() ? "encrypted, key " + s.writeKey() + " (PrivWrite)" : "never";
        return switch (s.writePolicy()) {
            case ALWAYS -> "always (clear)";
            case PUB_INVALID -> "if pubkey invalid (clear)";
            case NEVER -> "never";
            case ENCRYPT -> "encrypted, key " + s.writeKey();
        };
    }

    /** "locked" if the slot's SlotLocked bit is 0, else "-". */
    public static String lock(ConfigZone zone, int slot) { return zone.lockState().slotLocked(slot) ? "locked" : "-"; }

    /** {@link #sentences} joined by spaces. */
    public static String paragraph(ConfigZone zone, int slot) { return String.join(" ", sentences(zone, slot)); }

    /** Every SlotConfig and KeyConfig bit of the slot, explained in sentences; the first names the slot. */
    public static List<String> sentences(ConfigZone zone, int slot) {
        List<String> out = new ArrayList<>();
        if (zone.keyConfig(slot).isPrivate()) privateKey(zone, slot, out);
        else dataSlot(zone, slot, out);
        common(zone, slot, out);
        return out;
    }

    private static void privateKey(ConfigZone zone, int n, List<String> out) {
        SlotConfig s = zone.slotConfig(n);
        KeyConfig k = zone.keyConfig(n);
        out.add(k.keyType() == KeyType.P256 ? "slot " + n + ": P-256 private key."
                : "slot " + n + ": private key slot with key type " + k.keyType().words() + ", which the chip cannot use (a private key must be P256).");
        List<String> can = new ArrayList<>();
        if (s.extSignEnable() && s.intSignEnable()) can.add("sign external and internal messages");
        else if (s.extSignEnable()) can.add("sign external messages");
        else if (s.intSignEnable()) can.add("sign internal messages");
        if (s.ecdhEnable()) can.add(s.ecdhToNextSlot() ? "do ECDH, writing the shared secret to slot " + (n + 1) : "do ECDH");
        out.add(can.isEmpty() ? "It can neither sign nor do ECDH." : "It can " + String.join(" and ", can) + ".");
        out.add(s.genKeyAllowed() ? "GenKey may replace it." : "GenKey cannot replace it once the data zone is locked.");
        out.add(s.privWriteAllowed()
                ? "After the data zone is locked it can only be written with an encrypted PrivWrite authorised by the key in slot " + s.writeKey() + "."
                : "After the data zone is locked PrivWrite cannot change it.");
        out.add("Its private key can never be read.");
        out.add(k.pubInfo() ? "Its public key can be computed at any time (PubInfo)."
                : "Its public key is returned only when GenKey creates the key (PubInfo is 0).");
        if (!s.isSecret()) out.add("IsSecret is 0, so GenKey and Sign fail on it.");
        if (s.noMac()) out.add("A TempKey derived from it cannot be used by MAC or HMAC (NoMac).");
        if (s.encryptRead()) out.add("EncryptRead has no effect on a private key.");
    }

    private static void dataSlot(ConfigZone zone, int n, List<String> out) {
        SlotConfig s = zone.slotConfig(n);
        KeyConfig k = zone.keyConfig(n);
        String what = switch (k.keyType()) {
            case P256 -> "P-256 public key";
            case AES -> "AES key";
            case OTHER -> s.isSecret() ? "secret data" : "data";
            default -> "data with reserved key type " + k.keyType().code();
        };
        out.add("slot " + n + ": " + what + ", " + size(n) + " bytes.");
        if (!s.isSecret()) {
            out.add(s.encryptRead() ? "It can be read in the clear: EncryptRead has no effect without IsSecret." : "It can be read in the clear.");
        } else {
            out.add(s.encryptRead() ? "It can only be read encrypted with the key in slot " + s.readKey() + "." : "It can never be read.");
        }
        out.add(switch (s.writePolicy()) {
            case ALWAYS -> "It can always be written in the clear" + (s.isSecret() ? ", 32 bytes at a time." : ".");
            case PUB_INVALID -> "It can be written in the clear only while its public key is invalid.";
            case NEVER -> "It can never be written once the data zone is locked.";
            case ENCRYPT -> "After the data zone is locked it can only be written encrypted, authorised by the key in slot " + s.writeKey() + ".";
        });
        if (s.deriveKeyTarget()) {
            out.add("DeriveKey may replace it with a key derived from " + (s.deriveKeyFromWriteKey() ? "the key in slot " + s.writeKey() : "itself")
                    + ((s.writeConfig() & 8) != 0 ? ", with an authorising MAC." : "."));
        }
        if (k.keyType() == KeyType.P256 && k.pubInfo()) out.add("Its public key must be validated before Verify uses it (PubInfo).");
        if (s.readKey() == 0 && !s.encryptRead()) out.add("ReadKey is 0, which also lets CheckMac copy this slot into TempKey.");
        if (s.noMac()) out.add("MAC and HMAC may not use its key (NoMac).");
    }

    private static void common(ConfigZone zone, int n, List<String> out) {
        SlotConfig s = zone.slotConfig(n);
        KeyConfig k = zone.keyConfig(n);
        if (s.limitedUse()) out.add("Its uses are limited by a counter (LimitedUse).");
        if (k.reqRandom()) out.add("Commands that use it need a random nonce (ReqRandom).");
        if (k.reqAuth()) out.add("Using it needs prior authorisation with the key in slot " + k.authKey() + " (ReqAuth).");
        if (k.intrusionDisable()) {
            out.add(zone.variant().is608()
                    ? "Only GenKey may use it unless the persistent latch is set (PersistentDisable)."
                    : "It cannot be used while the intrusion latch is set (IntrusionDisable).");
        }
        if (k.x509id() != 0) out.add("Its public key is checked against X509format entry " + k.x509id() + " (X509id).");
        if (zone.lockState().slotLocked(n)) out.add("It is locked on its own: nothing can change it any more.");
        else out.add(k.lockable() ? "It can be locked on its own (atca lock slot " + n + ")." : "It cannot be locked on its own.");
    }
}
