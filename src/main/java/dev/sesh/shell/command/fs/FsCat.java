package dev.sesh.shell.command.fs;

import dev.sesh.SeshException;
import dev.sesh.device.TransferProgress;
import dev.sesh.shell.Session;
import picocli.CommandLine.Command;
import dev.sesh.shell.format.JsonOut;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Callable;

@Command(name = "cat", description = "Print a board file to stdout, byte for byte (FS.Get)",
        footer = {"", "With --json: one JSON value {\"name\", \"size\", \"text\"} for UTF-8 text,",
                "or {\"name\", \"size\", \"base64\"} for other bytes.",
                "", "Examples:", "  fs cat conf9.json", "  sesh --port sim: fs cat ca.pem > ca.pem",
                "  sesh --port sim: --json fs cat conf0.json"})
public final class FsCat implements Callable<Integer> {
    private final Session session;
    @Parameters(index = "0", paramLabel = "FILE", completionCandidates = FsFileCandidates.class) String file;
    @Option(names = "--json", description = "print one JSON value: name, size, and text or base64") boolean json;

    public FsCat(Session session) { this.session = session; }

    @Override public Integer call() {
        if (json || session.jsonByDefault()) return printJson();
        OutputStream out = session.binaryOut();
        session.board().fs().get(file, out, TransferProgress.NONE);
        try {
            out.flush();
        } catch (IOException e) {
            throw SeshException.failed("cannot write to stdout: " + e.getMessage(), "check the output pipe");
        }
        return 0;
    }

    private int printJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        session.board().fs().get(file, bytes, TransferProgress.NONE);
        byte[] content = bytes.toByteArray();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", file);
        value.put("size", content.length);
        Optional<String> text = utf8(content);
        if (text.isPresent()) value.put("text", text.get());
        else value.put("base64", Base64.getEncoder().encodeToString(content));
        session.out().print(JsonOut.of(value));
        session.out().flush();
        return 0;
    }

    /** The bytes as text when they are valid UTF-8 (a JSON string cannot carry arbitrary bytes). */
    private static Optional<String> utf8(byte[] content) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
