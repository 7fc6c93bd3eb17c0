package dev.sesh.shell.command;

import dev.sesh.shell.command.config.ConfigCommand;
import dev.sesh.shell.command.fs.FsCommand;
import dev.sesh.shell.command.atca.AtcaCommand;
import dev.sesh.shell.command.i2c.I2cCommand;
import dev.sesh.shell.command.x509.X509Command;
import picocli.CommandLine.Command;

/**
 * The root of the console's command tree: every command a user can type at the prompt or pass
 * with {@code -c}. Its subcommands are built by {@link dev.sesh.shell.SeshFactory} with the session.
 */
@Command(name = "sesh", mixinStandardHelpOptions = false,
        subcommands = {
                ConnectCommand.class, DisconnectCommand.class, PortsCommand.class, StatusCommand.class,
                InfoCommand.class, RebootCommand.class, CallCommand.class, RpcCommand.class,
                HelpCommand.class, ExitCommand.class, I2cCommand.class, AtcaCommand.class,
                VarsCommand.class, ResetCommand.class, RunCommand.class, GroovyCommand.class,
                FsCommand.class, ConfigCommand.class,
                LogCommand.class, MonitorCommand.class, TraceCommand.class, RecordCommand.class, HistoryCommand.class, X509Command.class,
                TwinCommand.class, RehearseCommand.class,
                dev.sesh.shell.command.aws.AwsIotCommand.class
        })
public final class ConsoleCommands implements Runnable {
    @Override public void run() { }
}
