package dev.sesh.shell.command.atca;

import dev.sesh.shell.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The {@code atca} group: the ATECC508A/608A on the board (issue 7). */
@Command(name = "atca", description = "The ATECC508A/608A secure element: config, slots, locks, data",
        subcommands = {AtcaInfo.class, AtcaConfigCommand.class, AtcaSlots.class, AtcaSlot.class, AtcaLint.class, AtcaLock.class, AtcaRandom.class,
                AtcaRead.class, AtcaWrite.class, AtcaRaw.class,
                AtcaKey.class, AtcaSign.class, AtcaVerify.class, AtcaCsr.class, AtcaCert.class},
        footer = {"",
                "Back end: --via i2c drives the chip with sesh's own driver over",
                "I2C.Write/Read (a write key never leaves this computer; locks carry the",
                "CRC of what you saw); --via rpc uses the firmware's ATCA.* service, as mos",
                "does. Without --via, sesh uses the driver when I2C.Scan finds the chip,",
                "else ATCA.*; atca info says which and why.",
                "",
                "Changes show a plan first. Locks are irreversible and ask for a typed",
                "phrase such as 'lock config f378' (the end of the chip's serial number).",
                "",
                "Examples:", "  atca info", "  atca config set atca-aws-test.yaml", "  atca lock config",
                "  atca lock data", "  atca read 10 --json"})
public final class AtcaCommand implements Callable<Integer> {
    private final Session session;

    @Spec CommandSpec spec;

    public AtcaCommand(Session session) { this.session = session; }

    @Override public Integer call() {
        session.out().print(spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF));
        session.out().flush();
        return 0;
    }
}
