package dev.sesh.atca;

import dev.sesh.SeshException;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.bytes.Bytes;
import dev.sesh.device.Board;
import dev.sesh.device.BoardInfo;
import dev.sesh.device.FileEntry;
import dev.sesh.twin.BoardCopy;
import dev.sesh.twin.TwinFolder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a twin needs from the board and its chip (issue 23), with reads only (the link guard
 * lets every one of them through without a plan): Sys.GetInfo, the config zone, the OTP zone and
 * each slot the chip lets be read in the clear (host driver, data zone locked), and every file of
 * the filesystem, the saved config levels among them. Slots that cannot be read stay empty in the
 * copy; the twin gets random values there.
 */
final class BoardTwin {
    private BoardTwin() {}

    static BoardCopy read(Atecc atecc) {
        Board board = atecc.board();
        BoardInfo info = board.info();
        ConfigZone z = atecc.config();
        boolean readable = z.lockState().dataLocked() && atecc.via().equals("i2c");
        List<Optional<Bytes>> slots = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            boolean clear = readable && !z.keyConfig(n).isPrivate() && !z.slotConfig(n).isSecret();
            slots.add(clear ? tryRead(atecc, n) : Optional.empty());
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (FileEntry f : board.fs().listLong()) files.put(f.name(), board.fs().read(f.name()));
        String mac = info.mac().replace(":", "");
        return new BoardCopy(info.id() + " on " + board.portText() + ", chip S/N " + z.serialNumber().hex(), info.app(), info.fwVersion(), info.fwId(),
                info.mgVersion(), info.mgId(), info.arch(), mac, atecc.variant(z),
                z.bytes(), readable ? otp(atecc) : Optional.empty(), slots, files);
    }

    static TwinMade write(Atecc atecc, Path dir, boolean replace) {
        if (TwinFolder.hasContent(dir) && !replace) {
            throw SeshException.badArg(dir + " is not empty; nothing was read or written", "give an empty or new folder for the twin");
        }
        TwinFolder.Written w = TwinFolder.write(dir, read(atecc), replace);
        return new TwinMade(w.dir(), w.randomSlots(), w.lines());
    }

    private static Optional<Bytes> tryRead(Atecc atecc, int slot) {
        try {
            return Optional.of(atecc.read(slot));
        } catch (SeshException e) {
            return Optional.empty();
        }
    }

    // The OTP zone in two 32-byte Reads (zone 1); readable only after the data lock.
    private static Optional<Bytes> otp(Atecc atecc) {
        try {
            AteccBackend b = atecc.backend();
            Bytes all = Bytes.EMPTY;
            for (int block = 0; block < 2; block++) {
                ResponsePacket r = b.raw(new CommandPacket(dev.sesh.atca.packet.Opcode.READ, 0x81, block << 3), 35);
                if (!r.ok() || r.payload().length() != 32) return Optional.empty();
                all = all.concat(r.payload());
            }
            return Optional.of(all);
        } catch (SeshException e) {
            return Optional.empty();
        }
    }
}
