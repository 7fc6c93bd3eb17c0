package dev.sesh.shell.command.aws;

import dev.sesh.shell.Session;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The {@code aws-iot} group: AWS IoT with the device's private key inside the chip. */
@Command(name = "aws-iot", description = "AWS IoT with the device's key inside the chip",
        subcommands = {AwsIotSetup.class},
        footer = {"", "Examples:", "  aws-iot setup --slot 0 --gen-key --policy mos-default",
                "  aws-iot setup --slot 0 --cert aws-esp8266_0A1B2C.crt.pem --endpoint abc123-ats.iot.eu-west-1.amazonaws.com"})
public final class AwsIotCommand implements Callable<Integer> {
    private final Session session;

    @Spec CommandSpec spec;

    public AwsIotCommand(Session session) { this.session = session; }

    @Override public Integer call() {
        session.out().print(spec.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF));
        session.out().flush();
        return 0;
    }
}
