package dev.sesh.atca.driver;

import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.Aes;
import dev.sesh.atca.command.Ecdh;
import dev.sesh.atca.command.GenDig;
import dev.sesh.atca.command.GenKey;
import dev.sesh.atca.command.Lock;
import dev.sesh.atca.command.Mac;
import dev.sesh.atca.command.Nonce;
import dev.sesh.atca.command.PrivWrite;
import dev.sesh.atca.command.Random;
import dev.sesh.atca.command.Read;
import dev.sesh.atca.command.Sign;
import dev.sesh.atca.command.UpdateExtra;
import dev.sesh.atca.command.Write;
import dev.sesh.atca.command.Zone;
import dev.sesh.atca.host.EncryptedWrites;
import dev.sesh.atca.host.SerialNumber;
import dev.sesh.atca.host.TempKeyMath;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The chip operations the Mongoose OS firmware performs for its ATCA.* service (cryptoauthlib's
 * {@code atcab_*} calls; reference/atecc.md 9.2 and the {@code firmware_i2c_trace} vectors), as
 * command sequences over an {@link AtcaDriver}. Multi-command sequences run inside one driver
 * session so TempKey cannot be disturbed between them. Every method throws
 * {@link AtcaException} with cryptoauthlib's status on failure. Keys are never logged or put in
 * messages.
 */
public final class ChipOps {
    /** What the firmware's cryptoauthlib puts in a Nonce's NumIn: 20 zero bytes (reference 7.1). */
    public static final Supplier<Bytes> ZERO_NUM_IN = () -> Bytes.of(new byte[20]);

    private final AtcaDriver driver;
    private final Supplier<Bytes> numIn;

    /** {@code numIn} supplies the 20-byte NumIn of each random Nonce. */
    public ChipOps(AtcaDriver driver, Supplier<Bytes> numIn) {
        this.driver = driver;
        this.numIn = numIn;
    }

    /** The firmware's choices: NumIn of zeros. */
    public static ChipOps firmware(AtcaDriver driver) { return new ChipOps(driver, ZERO_NUM_IN); }

    public AtcaDriver driver() { return driver; }

    /** Read of config block {@code block} (0-3), 32 bytes. */
    public Bytes readConfigBlock(int block) { return driver.execute(Read.config32(block), 35); }

    /** A 4-byte Read of {@code a}. */
    public Bytes readWord(Address a) { return driver.execute(new Read(a, false), 7); }

    /** SN[0..8] from config block 0. */
    public SerialNumber serial() { return SerialNumber.fromConfig(readConfigBlock(0)); }

    /**
     * ATCA.SetConfig's sequence (reference/mos-rpc.md 4.6): bytes 16-31 as four 4-byte writes,
     * block 1 as one 32-byte write, block 2 as 4-byte writes skipping bytes 84-87, block 3 as one
     * 32-byte write, then UpdateExtra of byte 84 and of byte 85. Bytes 0-15 and 86-87 are ignored.
     */
    public void writeConfig(Bytes config) {
        if (config.length() != Address.CONFIG_SIZE) throw new IllegalArgumentException("config zone is 128 bytes, got " + config.length());
        driver.session(d -> {
            for (int word = 4; word < 8; word++) writeConfigWord(word, config);
            d.execute(Write.clear(Address.config(1, 0), config.slice(32, 64)), 4);
            for (int word = 0; word < 8; word++) if (word != 5) writeConfigWord(16 + word, config);
            d.execute(Write.clear(Address.config(3, 0), config.slice(96, 128)), 4);
            d.execute(UpdateExtra.userExtra(config.get(84)), 4);
            d.execute(UpdateExtra.selector(config.get(85)), 4);
            return null;
        });
    }

    private void writeConfigWord(int word, Bytes config) {
        driver.execute(Write.clear(Address.config(word / 8, word % 8), config.slice(word * 4, word * 4 + 4)), 4);
    }

    /** Lock without summary CRC: 0 config (mode 0x80), 1 data (0x81), as ATCA.LockZone sends it. */
    public void lockZone(int zone) {
        if (zone != 0 && zone != 1) throw new IllegalArgumentException("zone must be 0 or 1: " + zone);
        driver.execute(zone == 0 ? Lock.configNoCrc() : Lock.dataNoCrc(), 4);
    }

    /** Any Lock command (with summary CRC, or a slot lock). */
    public void lock(Lock lock) { driver.execute(lock, 4); }

    /** Clear Write of 4 or 32 bytes at slot/block offset 0 (anything else: 0xE2, nothing sent). */
    public void writeClear(int slot, int block, Bytes value) {
        if (value.length() != 4 && value.length() != 32) {
            throw AtcaException.refused("Write", AtcaException.BAD_PARAM, "a clear write is 4 or 32 bytes, got " + value.length());
        }
        driver.execute(Write.clear(Address.data(slot, block, 0), value), 4);
    }

    /**
     * Encrypted 32-byte Write (reference/atecc.md 7.3): Read serial, Nonce, GenDig with write key
     * slot {@code wkSlot}, then Write with ciphertext and MAC computed here from {@code writeKey}.
     */
    public void writeEncrypted(int slot, int block, Bytes plaintext32, int wkSlot, Bytes writeKey) {
        if (plaintext32.length() != 32) throw AtcaException.refused("Write", AtcaException.BAD_PARAM, "an encrypted write is 32 bytes");
        driver.session(d -> {
            Auth a = authorize(wkSlot, writeKey);
            d.execute(EncryptedWrites.write(Address.data(slot, block, 0), plaintext32, a.tempKey(), a.serial()), 4);
            return null;
        });
    }

    /**
     * PrivWrite of a P-256 scalar (32 bytes, big-endian): in the clear if {@code writeKey} is empty,
     * else encrypted (Read serial, Nonce, GenDig, PrivWrite; reference/atecc.md 7.2).
     */
    public void privWrite(int slot, Bytes scalar32, int wkSlot, Optional<Bytes> writeKey) {
        if (scalar32.length() != 32) throw AtcaException.refused("PrivWrite", AtcaException.BAD_PARAM, "a P-256 scalar is 32 bytes");
        if (writeKey.isEmpty()) {
            driver.execute(PrivWrite.clear(slot, scalar32), 4);
            return;
        }
        driver.session(d -> {
            Auth a = authorize(wkSlot, writeKey.get());
            d.execute(EncryptedWrites.privWrite(slot, scalar32, a.tempKey(), a.serial()), 4);
            return null;
        });
    }

    /** The chip's serial and the TempKey it holds after GenDig; never printed (toString hides the key). */
    private record Auth(SerialNumber serial, Bytes tempKey) {
        @Override public String toString() { return "Auth[" + serial.hex() + "]"; }
    }

    // Read serial, random Nonce, GenDig of the write key: the TempKey the chip now holds.
    private Auth authorize(int wkSlot, Bytes writeKey) {
        if (writeKey.length() != 32) throw AtcaException.refused("GenDig", AtcaException.BAD_PARAM, "a write key is 32 bytes");
        SerialNumber sn = serial();
        Bytes in = numIn.get();
        Nonce nonce = Nonce.random(true, in);
        Bytes randOut = driver.execute(nonce, 35);
        Bytes tk1 = TempKeyMath.nonce(randOut, in, nonce.mode(), nonce.param2());
        GenDig gd = GenDig.ofSlot(wkSlot);
        driver.execute(gd, 4);
        return new Auth(sn, TempKeyMath.genDig(writeKey, Zone.DATA.code(), wkSlot, Optional.of(gd.otherData()), sn, tk1));
    }

    /**
     * MAC mode 0x00: SHA-256 over the key in {@code slot} and the 32-byte {@code challenge} (no
     * TempKey, no OTP, SN[8] and SN[0..1] only; reference/atecc.md 3.3). Answers 32 bytes.
     */
    public Bytes mac(int slot, Bytes challenge) {
        if (challenge.length() != 32) throw AtcaException.refused("MAC", AtcaException.BAD_PARAM, "a MAC challenge is 32 bytes");
        return driver.execute(new Mac(0x00, slot, challenge), 35);
    }

    /** GenKey mode 0x04: a new private key in {@code slot}; returns its public key X || Y (64). */
    public Bytes genKey(int slot) { return driver.execute(GenKey.create(slot), 67); }

    /** GenKey mode 0x00: the public key X || Y of the private key in {@code slot}. */
    public Bytes publicKey(int slot) { return driver.execute(GenKey.publicKey(slot), 67); }

    /**
     * ATCA.Sign's sequence (reference/atecc.md 8.2): Random (seed update, value dropped), Nonce
     * pass-through of the digest (508A: TempKey; 608: message digest buffer), Sign external.
     * Returns R || S (64 bytes, big-endian).
     */
    public Bytes sign(int slot, Bytes digest32) {
        if (digest32.length() != 32) throw AtcaException.refused("Sign", AtcaException.BAD_PARAM, "a digest is 32 bytes");
        return driver.session(d -> {
            boolean is608 = d.variant() == Variant.ATECC608A;
            d.execute(new Random(0), 35);
            d.execute(is608 ? Nonce.passThroughTo(Nonce.TARGET_MSG_DIGEST, digest32) : Nonce.passThrough(digest32), 4);
            return d.execute(is608 ? new Sign(Sign.EXTERNAL_MSGDIGBUF, slot) : Sign.external(slot), 67);
        });
    }

    /**
     * ECDH mode 0x00 (reference/atecc.md 8.4) with the private key in {@code slot} and the peer's
     * public key X || Y (64 bytes, big-endian): returns the shared secret, the X coordinate of d*Q
     * (32 bytes, big-endian). The slot must give its output in the clear (SlotConfig bit 3 = 0), as
     * the TLS ephemeral slots of sys.atca.ecdh_slots_mask do.
     */
    public Bytes ecdh(int slot, Bytes peerXy) {
        if (peerXy.length() != 64) throw AtcaException.refused("ECDH", AtcaException.BAD_PARAM, "a P-256 public key is 64 bytes");
        return driver.execute(Ecdh.of(slot, peerXy), 35);
    }

    /** Random with seed update: 32 bytes (FF FF 00 00 x8 while the config zone is unlocked). */
    public Bytes random() { return driver.execute(new Random(0), 35); }

    /**
     * One AES block (608 only; on a 508A the host library refuses with 0xF2): {@code decrypt}
     * selects mode 1, {@code keyBlock} the 16-byte key inside the slot.
     */
    public Bytes aes(int slot, int keyBlock, boolean decrypt, Bytes block16) {
        if (driver.variant() != Variant.ATECC608A) throw AtcaException.refused("AES", AtcaException.BAD_OPCODE, "the ATECC508A has no AES command");
        return driver.execute(decrypt ? Aes.decrypt(slot, keyBlock, block16) : Aes.encrypt(slot, keyBlock, block16), 19);
    }
}
