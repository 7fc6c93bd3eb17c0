package dev.sesh.atca;

import dev.sesh.SeshException;

import java.util.Locale;

/** Which back end drives the chip ({@code --via rpc|i2c}, issue 7): the board's ATCA.* service or sesh's own driver over I2C.* RPC. */
public enum Via {
    /** The firmware's ATCA.* RPC service (what mos uses); needs sys.atca.enable=true. */
    RPC,
    /** sesh's host-side driver: chip command packets through I2C.Write / I2C.Read. */
    I2C;

    /** "rpc" or "i2c", any case; anything else is a usage error (exit 2). */
    public static Via parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("rpc")) return RPC;
        if (t.equals("i2c")) return I2C;
        throw SeshException.badArg("unknown back end '" + text + "'", "--via rpc (the board's ATCA.* service) or --via i2c (sesh's own driver over I2C)");
    }

    /** "rpc" or "i2c". */
    public String word() { return name().toLowerCase(Locale.ROOT); }
}
