package dev.sesh.shell.command.atca;

import dev.sesh.SeshException;
import dev.sesh.atca.config.ConfigCodec;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "get", description = "Save the chip's config zone to FILE (format by extension, as mos does)",
        footer = {"", "Examples:", "  atca config get backup.yaml", "  atca config get backup.hex"})
final class AtcaConfigGet implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "FILE", description = ".yaml/.yml, .json, or anything else for hex",
            completionCandidates = dev.sesh.shell.complete.LocalFiles.AnyFile.class) String file;

    AtcaConfigGet(Session session) { this.session = session; }

    @Override public Integer call() {
        ConfigCodec codec = ConfigCodec.forFile(file);
        session.files().mayReplace(Path.of(file));
        ConfigZone z = AtcaCli.atca(session).config();
        try {
            Files.writeString(Path.of(file), codec.encode(z), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SeshException.failed("cannot write " + file + ": " + e.getMessage(), "check the folder exists and is writable");
        }
        AtcaCli.note(session, "wrote " + file + " (" + codec.name() + ", the 128-byte config zone of S/N " + z.serialNumber().hex() + ")");
        return 0;
    }
}
