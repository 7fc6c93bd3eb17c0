package dev.sesh.shell.command.i2c;

import dev.sesh.shell.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The {@code i2c} group: bus 0 of the board through its I2C.* RPC methods (mos-rpc.md 4.5). */
@Command(name = "i2c", description = "Scan, read and write the board's I2C bus 0 (I2C.* RPC)",
        subcommands = {I2cScan.class, I2cRead.class, I2cWrite.class, I2cGet.class, I2cSet.class, I2cDump.class, I2cWake.class},
        footer = {"",
                "What the board's RPC can do: I2C.Read and I2C.Write are each one",
                "transaction that ends with STOP. I2C.ReadRegB/W (i2c get, i2c dump) write",
                "the register number and read after a repeated START. There is no general",
                "combined write-then-read transaction.",
                "",
                "Addresses are 7-bit, 0x08-0x77, hex or decimal (0x60 or 96). An even value",
                "0x80-0xfe is taken as the 8-bit form and halved, with a warning (0xc0 ->",
                "0x60). Writes show a plan and ask first; a write to the ATECC's address",
                "(0x60) is decoded as a chip command.",
                "",
                "Examples:", "  i2c scan", "  i2c read 0x50 16", "  i2c write 0x50 00 de ad be ef",
                "  i2c get 0x48 0 w", "  i2c set 0x48 3 0x5000 w", "  i2c dump 0x50", "  i2c wake"})
public final class I2cCommand implements Callable<Integer> {
    private final Session session;

    @Spec CommandSpec spec;

    public I2cCommand(Session session) { this.session = session; }

    @Override public Integer call() {
        session.out().print(spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF));
        session.out().flush();
        return 0;
    }
}
