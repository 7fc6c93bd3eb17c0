package dev.sesh.atca;

import dev.sesh.atca.config.ConfigZone;
import dev.sesh.atca.config.KeyConfig;
import dev.sesh.atca.config.LockState;
import dev.sesh.atca.config.SlotConfig;
import dev.sesh.atca.config.WritePolicy;
import dev.sesh.atca.packet.StatusCode;

/**
 * Why the chip said no, told from the zone it holds (reference/atecc.md 3.3, 5.1-5.3, 6, 8.1-8.2;
 * ux-examples "When the chip says no, say why"). Pure: the hint for one refusal.
 */
final class Refusals {
    private Refusals() {}

    /**
     * The hint for {@code status} answered to {@code op} on {@code slot} (-1: none) by a chip whose
     * config zone is {@code zone}; {@code withWriteKey} says whether a write key was used.
     */
    static String hint(ChipOp op, int slot, StatusCode status, ConfigZone zone, boolean withWriteKey) {
        switch (status) {
            case PARSE_ERROR: return "the chip found the command malformed (length, mode or slot); nothing was changed";
            case MISCOMPARE: return "the signature or MAC did not match";
            case ECC_FAULT: return "the chip drew an invalid key or point; try again";
            case SELF_TEST_ERROR: case HEALTH_TEST_ERROR: return "the chip's self test failed; power-cycle the board, then try again";
            case WATCHDOG_ABOUT_TO_EXPIRE: return "the chip's watchdog was about to expire; try again";
            case COMM_ERROR: return "the command was garbled on the bus; try again";
            case EXECUTION_ERROR: return execution(op, slot, zone, withWriteKey);
            case AFTER_WAKE: return StatusCode.NOT_EXECUTED_HINT;
            default: return "";
        }
    }

    private static String execution(ChipOp op, int slot, ConfigZone zone, boolean withWriteKey) {
        LockState locks = zone.lockState();
        switch (op) {
            case WRITE_CONFIG:
                return locks.configLocked() ? "the config zone is locked: its bytes can never change again" : "a config byte the chip protects was in the write";
            case LOCK_CONFIG:
                return locks.configLocked() ? "the config zone is already locked"
                        : "the config zone no longer matches the preview the lock's CRC was computed from: run atca config show, then lock again";
            case LOCK_DATA:
                if (!locks.configLocked()) return "the data zone can be locked only after the config zone: atca lock config first";
                return locks.dataLocked() ? "the data zone is already locked" : "the data zone's contents do not match the CRC the lock carried";
            case LOCK_SLOT:
                if (!zone.keyConfig(slot).lockable()) return "slot " + slot + " is not lockable (KeyConfig Lockable is 0)";
                if (!locks.dataLocked()) return "a slot can be locked only after the data zone: atca lock data first";
                return locks.slotLocked(slot) ? "slot " + slot + " is already locked" : "";
            case READ: return read(slot, zone);
            case WRITE: return write(slot, zone, withWriteKey);
            case PRIV_WRITE: return privWrite(slot, zone, withWriteKey);
            case GEN_KEY: return genKey(slot, zone);
            case PUBLIC_KEY: return publicKey(slot, zone);
            case SIGN: return sign(slot, zone);
            default:
                return locks.configLocked() ? "the command is not allowed by the chip's state or the slot's configuration (atca slot N explains a slot)"
                        : "most commands work only after the config zone is locked (atca lock config)";
        }
    }

    private static String read(int slot, ConfigZone zone) {
        LockState locks = zone.lockState();
        SlotConfig s = zone.slotConfig(slot);
        if (!locks.dataLocked()) return "data slots can be read only after the data zone is locked";
        if (zone.keyConfig(slot).isPrivate()) return "slot " + slot + " holds a private key, which can never be read; atca key pub " + slot + " gives its public key";
        if (s.isSecret() && s.encryptRead()) return "slot " + slot + " is secret: it can be read only encrypted with the key in slot " + s.readKey();
        if (s.isSecret()) return "slot " + slot + " is secret (IsSecret): it can never be read";
        return "";
    }

    private static String write(int slot, ConfigZone zone, boolean withWriteKey) {
        LockState locks = zone.lockState();
        SlotConfig s = zone.slotConfig(slot);
        KeyConfig k = zone.keyConfig(slot);
        if (!locks.configLocked()) return "data can be written only after the config zone is locked (atca lock config)";
        if (k.isPrivate()) return "slot " + slot + " holds a private key: write it with atca key set " + slot + " FILE (PrivWrite)";
        if (locks.slotLocked(slot)) return "slot " + slot + " is locked: it can never be written again";
        if (!locks.dataLocked()) return "before the data lock only 32-byte writes are allowed";
        WritePolicy p = s.writePolicy();
        switch (p) {
            case NEVER: return "slot " + slot + "'s WriteConfig is Never: it cannot be written after the data lock";
            case PUB_INVALID: return "slot " + slot + "'s WriteConfig is PubInvalid: it can be written only while its public key is invalid";
            case ENCRYPT:
                return withWriteKey ? "the MAC did not check: the write key does not match the key in slot " + s.writeKey()
                        : "slot " + slot + "'s WriteConfig is Encrypt and the data zone is locked: add --write-key FILE with the key for slot " + s.writeKey();
            default: return s.isSecret() ? "slot " + slot + " is secret: only 32-byte writes are allowed" : "";
        }
    }

    private static String privWrite(int slot, ConfigZone zone, boolean withWriteKey) {
        LockState locks = zone.lockState();
        SlotConfig s = zone.slotConfig(slot);
        if (!locks.configLocked()) return "keys can be written only after the config zone is locked (atca lock config)";
        if (!zone.keyConfig(slot).isP256Private()) return "slot " + slot + " is not a P-256 private key slot (KeyConfig); write data with atca write";
        if (locks.slotLocked(slot)) return "slot " + slot + " is locked: its key can never be replaced";
        if (!locks.dataLocked()) return "";
        if (!s.privWriteAllowed()) return "slot " + slot + "'s WriteConfig does not allow PrivWrite after the data lock; only GenKey can fill it";
        return withWriteKey ? "the MAC did not check: the write key does not match the key in slot " + s.writeKey()
                : "slot " + slot + "'s WriteConfig is Encrypt and the data zone is locked: add --write-key FILE with the key for slot " + s.writeKey();
    }

    private static String genKey(int slot, ConfigZone zone) {
        LockState locks = zone.lockState();
        SlotConfig s = zone.slotConfig(slot);
        if (!locks.configLocked()) return "GenKey works only after the config zone is locked (atca lock config)";
        if (!zone.keyConfig(slot).isP256Private() || !s.isSecret()) return "slot " + slot + " is not a secret P-256 private key slot (KeyConfig Private, KeyType, IsSecret)";
        if (locks.slotLocked(slot)) return "slot " + slot + " is locked: its key can never be replaced";
        if (locks.dataLocked() && !s.genKeyAllowed()) return "slot " + slot + "'s WriteConfig does not allow GenKey after the data lock";
        return "";
    }

    private static String publicKey(int slot, ConfigZone zone) {
        if (!zone.lockState().configLocked()) return "the public key can be computed only after the config zone is locked";
        if (!zone.keyConfig(slot).isP256Private()) return "slot " + slot + " is not a P-256 private key slot";
        if (!zone.keyConfig(slot).pubInfo()) return "slot " + slot + "'s PubInfo is 0: its public key is given only by GenKey";
        return "slot " + slot + " may hold no key yet: atca key gen " + slot + " or atca key set " + slot + " FILE";
    }

    private static String sign(int slot, ConfigZone zone) {
        LockState locks = zone.lockState();
        SlotConfig s = zone.slotConfig(slot);
        if (!locks.configLocked() || !locks.dataLocked()) return "Sign works only after both zones are locked (atca lock config, atca lock data)";
        if (!zone.keyConfig(slot).isP256Private() || !s.isSecret()) return "slot " + slot + " is not a secret P-256 private key slot";
        if (!s.extSignEnable()) return "slot " + slot + " does not allow signing external messages (ExtSignEnable is 0)";
        return "slot " + slot + " may hold no key yet: atca key gen " + slot + " or atca key set " + slot + " FILE";
    }
}
