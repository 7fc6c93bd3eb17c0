package dev.sesh.atca;

import dev.sesh.atca.config.ConfigZone;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every chip refusal of reference/atecc.md 3.3, 6 and 8 explained from the zone the chip holds. */
class RefusalsTest {
    private static final StatusCode X = StatusCode.EXECUTION_ERROR;

    /** The aws test config as a chip holds it after ATCA.SetConfig, both zones open. */
    private static ConfigZone open() { return ConfigZone.of(Vectors.hex("config_zone", "chip_image_after_setconfig")); }

    private static ConfigZone configLocked() { return open().withLocks(true, false); }

    private static ConfigZone locked() { return open().withLocks(true, true); }

    private static String hint(ChipOp op, int slot, ConfigZone z) { return Refusals.hint(op, slot, X, z, false); }

    @Test void configWriteAfterTheLock() {
        assertEquals("the config zone is locked: its bytes can never change again", hint(ChipOp.WRITE_CONFIG, -1, configLocked()));
    }

    @Test void configLockWhoseCrcNoLongerMatches() {
        assertTrue(hint(ChipOp.LOCK_CONFIG, -1, open()).startsWith("the config zone no longer matches the preview"));
        assertEquals("the config zone is already locked", hint(ChipOp.LOCK_CONFIG, -1, configLocked()));
    }

    @Test void dataLockBeforeTheConfigLockOrTwice() {
        assertEquals("the data zone can be locked only after the config zone: atca lock config first", hint(ChipOp.LOCK_DATA, -1, open()));
        assertEquals("the data zone is already locked", hint(ChipOp.LOCK_DATA, -1, locked()));
    }

    @Test void slotLockOfANotLockableSlotBeforeTheDataLockOrTwice() {
        assertEquals("slot 5 is not lockable (KeyConfig Lockable is 0)", hint(ChipOp.LOCK_SLOT, 5, locked()));
        assertEquals("a slot can be locked only after the data zone: atca lock data first", hint(ChipOp.LOCK_SLOT, 4, configLocked()));
        assertEquals("slot 4 is already locked", hint(ChipOp.LOCK_SLOT, 4, locked().withSlotLocked(0xFFEF)));
    }

    @Test void readsBeforeTheDataLockOfPrivateSecretAndEncryptedSlots() {
        assertEquals("data slots can be read only after the data zone is locked", hint(ChipOp.READ, 10, configLocked()));
        assertTrue(hint(ChipOp.READ, 0, locked()).startsWith("slot 0 holds a private key, which can never be read"));
        assertEquals("slot 5 is secret (IsSecret): it can never be read", hint(ChipOp.READ, 5, locked()));
        assertEquals("slot 8 is secret: it can be read only encrypted with the key in slot 4", hint(ChipOp.READ, 8, locked()));
    }

    @Test void writesByStateAndWriteConfig() {
        assertEquals("data can be written only after the config zone is locked (atca lock config)", hint(ChipOp.WRITE, 10, open()));
        assertTrue(hint(ChipOp.WRITE, 0, locked()).startsWith("slot 0 holds a private key: write it with atca key set 0"));
        assertEquals("slot 10 is locked: it can never be written again", hint(ChipOp.WRITE, 10, locked().withSlotLocked(0xFBFF)));
        assertEquals("slot 5's WriteConfig is Never: it cannot be written after the data lock", hint(ChipOp.WRITE, 5, locked()));
        assertEquals("slot 8's WriteConfig is Encrypt and the data zone is locked: add --write-key FILE with the key for slot 4", hint(ChipOp.WRITE, 8, locked()));
        assertEquals("the MAC did not check: the write key does not match the key in slot 4", Refusals.hint(ChipOp.WRITE, 8, X, locked(), true));
    }

    @Test void privWriteByStateAndWriteConfig() {
        assertEquals("keys can be written only after the config zone is locked (atca lock config)", hint(ChipOp.PRIV_WRITE, 0, open()));
        assertTrue(hint(ChipOp.PRIV_WRITE, 10, locked()).startsWith("slot 10 is not a P-256 private key slot"));
        assertEquals("slot 7's WriteConfig does not allow PrivWrite after the data lock; only GenKey can fill it", hint(ChipOp.PRIV_WRITE, 7, locked()));
        assertEquals("slot 0's WriteConfig is Encrypt and the data zone is locked: add --write-key FILE with the key for slot 4", hint(ChipOp.PRIV_WRITE, 0, locked()));
        assertEquals("the MAC did not check: the write key does not match the key in slot 4", Refusals.hint(ChipOp.PRIV_WRITE, 0, X, locked(), true));
    }

    @Test void genKeyByStateAndWriteConfig() {
        assertEquals("GenKey works only after the config zone is locked (atca lock config)", hint(ChipOp.GEN_KEY, 0, open()));
        assertTrue(hint(ChipOp.GEN_KEY, 10, locked()).startsWith("slot 10 is not a secret P-256 private key slot"));
        assertEquals("slot 14's WriteConfig does not allow GenKey after the data lock", hint(ChipOp.GEN_KEY, 14, locked()));
        assertEquals("slot 0 is locked: its key can never be replaced", hint(ChipOp.GEN_KEY, 0, locked().withSlotLocked(0xFFFE)));
    }

    @Test void signNeedsBothLocksAndExternalSigning() {
        assertEquals("Sign works only after both zones are locked (atca lock config, atca lock data)", hint(ChipOp.SIGN, 0, configLocked()));
        assertEquals("slot 7 does not allow signing external messages (ExtSignEnable is 0)", hint(ChipOp.SIGN, 7, locked()));
        assertTrue(hint(ChipOp.SIGN, 0, locked()).startsWith("slot 0 may hold no key yet"));
    }

    @Test void otherStatusesSayWhatHappened() {
        assertTrue(Refusals.hint(ChipOp.RAW, -1, StatusCode.PARSE_ERROR, open(), false).startsWith("the chip found the command malformed"));
        assertEquals("the signature or MAC did not match", Refusals.hint(ChipOp.VERIFY, -1, StatusCode.MISCOMPARE, open(), false));
        assertEquals("the chip drew an invalid key or point; try again", Refusals.hint(ChipOp.GEN_KEY, 0, StatusCode.ECC_FAULT, open(), false));
        assertEquals("the chip's watchdog was about to expire; try again", Refusals.hint(ChipOp.SIGN, 0, StatusCode.WATCHDOG_ABOUT_TO_EXPIRE, open(), false));
    }

    @Test void messageNamesSlotOperationAndStatusInWords() {
        ChipStatusException e = new ChipStatusException(ChipOp.WRITE, 0, X, "h");
        assertEquals("slot 0 refused the write (chip status 0x0F, execution error)", e.getMessage());
        assertEquals("the chip refused the data lock (chip status 0x0F, execution error)", new ChipStatusException(ChipOp.LOCK_DATA, -1, X, "").getMessage());
    }
}
