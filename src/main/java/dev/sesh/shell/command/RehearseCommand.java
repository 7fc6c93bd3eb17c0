package dev.sesh.shell.command;

import dev.sesh.shell.ScriptConsole;
import dev.sesh.shell.Session;
import dev.sesh.shell.TwinRehearsal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "rehearse", description = "Run a provisioning script on a twin of this board first: every step, and where it would fail",
        footer = {"", "Makes a twin of the connected board (reads only, as twin DIR does) in a temporary",
                "folder and runs FILE there with every plan approved inside the twin, locks included.",
                "Prints each plan with [twin] in front, then a step-by-step account and the command",
                "that runs the script for real. Nothing but reads is sent to the board.",
                "Exit code: the script's on the twin (0 when every step worked).",
                "", "Examples:", "  rehearse scripts/examples/provision-aws.groovy cfg.yaml ecc.key.pem ecc.crt.pem slot4.key",
                "  sesh --port /dev/ttyUSB0 rehearse provision.groovy"})
public final class RehearseCommand implements Callable<Integer> {
    private final Session session;
    private final ScriptConsole scripts;

    @Mixin ScriptFileArgs script = new ScriptFileArgs();

    RehearseCommand(Session session, ScriptConsole scripts) {
        this.session = session;
        this.scripts = scripts;
    }

    @Override public Integer call() {
        ScriptingOff.require(scripts);
        return new TwinRehearsal(session).run(script.file, script.args);
    }
}
