package dev.sesh.plan;

/**
 * Classifies one ATECC508A/608A command by opcode, param1 (mode) and param2 (reference/atecc.md
 * sections 3, 6 and 8). Self-contained on purpose: {@code plan} imports no chip package.
 */
final class ChipCommandClassifier {
    static final int PAUSE = 0x01, READ = 0x02, MAC = 0x08, HMAC = 0x11, WRITE = 0x12, GENDIG = 0x15,
            NONCE = 0x16, LOCK = 0x17, RANDOM = 0x1B, DERIVE_KEY = 0x1C, UPDATE_EXTRA = 0x20, COUNTER = 0x24,
            CHECK_MAC = 0x28, INFO = 0x30, GEN_KEY = 0x40, SIGN = 0x41, ECDH = 0x43, VERIFY = 0x45,
            PRIV_WRITE = 0x46, SHA = 0x47, AES = 0x51, KDF = 0x56, SELF_TEST = 0x77, SECURE_BOOT = 0x80;

    private ChipCommandClassifier() {}

    static Classification classify(int opcode, int p1, int p2) {
        int op = opcode & 0xff;
        int mode = p1 & 0xff;
        int param2 = p2 & 0xffff;
        switch (op) {
            case READ: return Classification.readOnly("Read " + zone(mode));
            case WRITE: return Classification.reversible("Write " + zone(mode) + ((mode & 0x40) != 0 ? " (encrypted)" : ""));
            case LOCK: return lock(mode, param2);
            case UPDATE_EXTRA: return updateExtra(mode, param2);
            case COUNTER:
                return mode == 0x01
                        ? Classification.irreversible("Counter " + param2 + " increment (a counter never goes back)")
                        : Classification.readOnly("Counter " + param2 + " read");
            case GEN_KEY: return genKey(mode, param2);
            case PRIV_WRITE:
                return Classification.irreversible("PrivWrite slot " + param2 + ": replaces the private key (may destroy a key)");
            case DERIVE_KEY:
                return Classification.irreversible("DeriveKey into slot " + param2 + ": replaces its key (may destroy a key)");
            case KDF: return kdf(mode, param2);
            case VERIFY:
                // Validate/invalidate change the stored public key's persistent validity flag.
                return (mode & 0x07) == 0x03 || (mode & 0x07) == 0x07
                        ? Classification.reversible("Verify " + ((mode & 0x04) != 0 ? "invalidate" : "validate") + " key in slot " + param2)
                        : Classification.readOnly("Verify");
            case INFO: return info(mode, param2);
            case ECDH:
                // 508A writes the shared secret into slot N+1 when that slot's config says so; sesh cannot tell here.
                return Classification.reversible("ECDH with slot " + param2 + " (may write the shared secret into a slot)");
            case SECURE_BOOT:
                // Full-copy (0x07) writes the verified digest or signature into its slot; full-store
                // (0x06) compares with what is stored and is kept reversible from before.
                if ((mode & 0x07) == 0x07) return Classification.reversible("SecureBoot full-copy (stores the boot digest or signature in its slot)");
                return (mode & 0x07) == 0x06
                        ? Classification.reversible("SecureBoot full-store")
                        : Classification.readOnly("SecureBoot");
            case NONCE: return Classification.readOnly("Nonce (TempKey only)");
            case GENDIG: return Classification.readOnly("GenDig (TempKey only)");
            case RANDOM: return Classification.readOnly("Random");
            case PAUSE: return Classification.readOnly("Pause");
            case MAC: return Classification.readOnly("MAC");
            case HMAC: return Classification.readOnly("HMAC");
            case CHECK_MAC: return Classification.readOnly("CheckMac");
            case SIGN: return Classification.readOnly("Sign with slot " + param2);
            case SHA: return Classification.readOnly("SHA");
            case AES: return Classification.readOnly("AES");
            case SELF_TEST: return Classification.readOnly("SelfTest");
            default: return Classification.reversible(String.format("unknown opcode 0x%02X", op));
        }
    }

    static String name(int opcode) {
        switch (opcode & 0xff) {
            case PAUSE: return "Pause";
            case READ: return "Read";
            case MAC: return "MAC";
            case HMAC: return "HMAC";
            case WRITE: return "Write";
            case GENDIG: return "GenDig";
            case NONCE: return "Nonce";
            case LOCK: return "Lock";
            case RANDOM: return "Random";
            case DERIVE_KEY: return "DeriveKey";
            case UPDATE_EXTRA: return "UpdateExtra";
            case COUNTER: return "Counter";
            case CHECK_MAC: return "CheckMac";
            case INFO: return "Info";
            case GEN_KEY: return "GenKey";
            case SIGN: return "Sign";
            case ECDH: return "ECDH";
            case VERIFY: return "Verify";
            case PRIV_WRITE: return "PrivWrite";
            case SHA: return "SHA";
            case AES: return "AES";
            case KDF: return "KDF";
            case SELF_TEST: return "SelfTest";
            case SECURE_BOOT: return "SecureBoot";
            default: return String.format("0x%02X", opcode & 0xff);
        }
    }

    private static String zone(int mode) {
        switch (mode & 0x03) {
            case 0: return "config zone";
            case 1: return "OTP zone";
            case 2: return "data zone";
            default: return "zone 3";
        }
    }

    // atecc.md 6: bits 1-0 zone, bits 5-2 slot, bit 7 = no summary check; param2 = summary CRC.
    private static Classification lock(int mode, int crc) {
        String crcText = (mode & 0x80) != 0 ? "without CRC check" : String.format("CRC 0x%04X", crc);
        switch (mode & 0x03) {
            case 0: return Classification.irreversible("Lock config zone, " + crcText);
            case 1: return Classification.irreversible("Lock data and OTP zones, " + crcText);
            case 2: return Classification.irreversible("Lock slot " + ((mode >> 2) & 0x0f));
            default: return Classification.irreversible("Lock with invalid mode 0x" + String.format("%02X", mode));
        }
    }

    private static Classification updateExtra(int mode, int param2) {
        // Writing 0x00 over a byte that only UpdateExtra can set leaves it 0x00 and settable: nothing is used up
        // (mos's atca-set-config sends these for a config whose UserExtra/Selector are 0).
        if ((mode == 0x00 || mode == 0x01) && (param2 & 0xff) == 0) {
            return Classification.reversible(String.format("UpdateExtra config byte %d := 0x00 (leaves it settable)", mode == 0 ? 84 : 85));
        }
        switch (mode) {
            case 0x00: return Classification.irreversible(String.format("UpdateExtra config byte 84 := 0x%02X (one time only)", param2 & 0xff));
            case 0x01: return Classification.irreversible(String.format("UpdateExtra config byte 85 := 0x%02X (one time only)", param2 & 0xff));
            case 0x02: return Classification.irreversible("UpdateExtra decrement limited-use counter of slot " + param2);
            default: return Classification.irreversible(String.format("UpdateExtra mode 0x%02X", mode));
        }
    }

    private static Classification genKey(int mode, int slot) {
        if ((mode & 0x04) == 0) return Classification.readOnly("GenKey public key of slot " + slot);
        // 608: key id 0xFFFF puts the new private key in TempKey, which is volatile.
        if (slot == 0xFFFF) return Classification.readOnly("GenKey into TempKey");
        return Classification.irreversible("GenKey slot " + slot + ": creates a new private key (may destroy a key)");
    }

    // 608 KDF mode: bits 1-0 source, bits 4-2 target (2 = slot), bits 6-5 algorithm.
    private static Classification kdf(int mode, int slot) {
        if (((mode >> 2) & 0x07) == 0x02) {
            return Classification.irreversible("KDF into slot " + slot + ": replaces its key (may destroy a key)");
        }
        return Classification.readOnly("KDF");
    }

    private static Classification info(int mode, int param2) {
        if (mode == 0x03 && (param2 & 0x02) != 0) return Classification.reversible("Info GPIO set");
        if (mode == 0x04 && (param2 & 0x02) != 0) return Classification.reversible("Info VolatileKeyPermit set");
        return Classification.readOnly("Info");
    }
}
