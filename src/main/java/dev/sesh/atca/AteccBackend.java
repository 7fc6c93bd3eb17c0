package dev.sesh.atca;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How {@link Atecc} reaches the chip: the board's ATCA.* RPC service ({@link RpcAtcaBackend}) or
 * sesh's own driver over I2C.Write/I2C.Read ({@link HostI2cBackend}). Back ends send what they are
 * told and nothing else: plans, the gate and explanations live in {@link Atecc}. A refusal by the
 * chip is a {@link ChipStatusException} (its hint is filled in by {@code Atecc}); an operation a
 * back end cannot do is a {@link dev.sesh.SeshException} saying why and naming the other back end.
 * Secret arguments (keys, write keys) are never logged or put in messages. Slots are 0-15,
 * multi-byte values big-endian as the chip sends them.
 */
public sealed interface AteccBackend permits RpcAtcaBackend, HostI2cBackend {
    Via via();

    /**
     * Runs {@code sequence} with the chip to this caller: on the host driver inside the driver's
     * session lock (TempKey is chip-global, design.md 5.12); over ATCA.* each method is already one
     * firmware sequence, so the steps simply run in order.
     */
    <T> T session(java.util.function.Supplier<T> sequence);

    /** The chip variant and how it was learned ("Info revision 0x5000", "config bytes 4-7"). */
    Identity identify(Bytes config);

    /** All 128 config bytes as the chip holds them now (four 32-byte reads). */
    Bytes readConfig();

    /** Writes config bytes 16-83 and 88-127 and applies bytes 84/85 with UpdateExtra (ATCA.SetConfig's sequence). */
    void writeConfig(Bytes config128);

    /** Whether a config lock sent by this back end can carry the summary CRC. */
    boolean locksWithCrc();

    /** Locks the config zone; {@code crc} is sent as the summary when {@link #locksWithCrc()}. */
    void lockConfig(int crc);

    /** Locks the data and OTP zones, with the summary when given and {@link #locksWithCrc()}. */
    void lockData(OptionalInt crc);

    /** Locks one slot (Lock mode 2). */
    void lockSlot(int slot);

    /** 32 bytes from the chip's RNG (FF FF 00 00 x8 while the config zone is unlocked). */
    Bytes random();

    /** {@code len} (4 or 32) bytes of data slot {@code slot} at block {@code block}, word {@code word}. */
    Bytes read(int slot, int block, int word, int len);

    /** Clear Write of 4 or 32 bytes at slot/block offset 0. */
    void writeClear(int slot, int block, Bytes value);

    /** Encrypted 32-byte Write authorised by the key in {@code writeKeySlot} (reference/atecc.md 7.3). */
    void writeEncrypted(int slot, int block, Bytes plaintext32, int writeKeySlot, Bytes writeKey);

    /** PrivWrite of a P-256 scalar (32 bytes): clear when {@code writeKey} is empty, else encrypted (7.2). */
    void privWrite(int slot, Bytes scalar32, int writeKeySlot, Optional<Bytes> writeKey);

    /** GenKey mode 0x04: a new private key; returns the public key X || Y (64 bytes). */
    Bytes genKey(int slot);

    /** GenKey mode 0x00: the public key X || Y of the key in {@code slot}. */
    Bytes publicKey(int slot);

    /** MAC mode 0 of the key in {@code slot} over a 32-byte challenge (32 bytes). Host driver only. */
    Bytes mac(int slot, Bytes challenge32);

    /** Signs a 32-byte digest with the key in {@code slot}; returns R || S (64 bytes). */
    Bytes sign(int slot, Bytes digest32);

    /** One command exactly as given; the answer whatever its status. Host driver only. */
    ResponsePacket raw(CommandPacket command, int responseLen);

    /**
     * What a back end learned about the chip.
     *
     * @param variant  508A or 608A
     * @param revision the revision word it was decided from
     * @param source   how: "Info command" or "config bytes 4-7"
     */
    record Identity(Variant variant, long revision, String source) {}
}
