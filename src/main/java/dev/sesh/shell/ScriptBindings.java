package dev.sesh.shell;

import dev.sesh.bytes.Clock;
import dev.sesh.plan.LocalFileGuard;
import dev.sesh.script.Bindings;
import dev.sesh.script.Boards;
import dev.sesh.x509.X509Toolkit;

import java.io.PrintWriter;

/** The objects a script sees, for one session: the console's and a rehearsal's twin alike. */
public final class ScriptBindings {
    private ScriptBindings() {}

    /** The session's own objects, looked up on each use so they follow connect/disconnect. */
    public static Bindings of(Session session, Boards boards, PrintWriter out, LocalFileGuard files) {
        return of(session, boards, out, files, Clock.system());
    }

    /** As above, timing scripts ({@code sleep}, timeouts) on {@code clock}: the system's, or a virtual one in tests. */
    public static Bindings of(Session session, Boards boards, PrintWriter out, LocalFileGuard files, Clock clock) {
        X509Toolkit x509 = new X509Toolkit(files);
        return Bindings.builder(out, clock)
                .bind("board", session::board)
                .bind("i2c", () -> session.board().i2c())
                .bind("fs", () -> session.board().fs())
                .bind("config", () -> session.board().config())
                .bind("atca", session::atca)
                .bind("x509", () -> x509)
                .bind("boards", () -> boards)
                .build();
    }
}
