package dev.sesh.shell;

import picocli.CommandLine;

import java.lang.reflect.Constructor;

/**
 * picocli's factory for the console: classes with a {@code (Session, ScriptConsole)} constructor
 * get both (the console may be null when scripting is off), classes with a {@code (Session)}
 * constructor get the session, everything else is built the default way. The one place commands
 * are instantiated.
 */
public final class SeshFactory implements CommandLine.IFactory {
    private final Session session;
    private final ScriptConsole scripts;

    public SeshFactory(Session session) { this(session, null); }

    public SeshFactory(Session session, ScriptConsole scriptsOrNull) {
        this.session = session;
        this.scripts = scriptsOrNull;
    }

    @Override public <K> K create(Class<K> cls) throws Exception {
        try {
            Constructor<K> c = cls.getDeclaredConstructor(Session.class, ScriptConsole.class);
            c.setAccessible(true);
            return c.newInstance(session, scripts);
        } catch (NoSuchMethodException e) {
            // not a scripting command; try the session-only constructor
        }
        try {
            Constructor<K> c = cls.getDeclaredConstructor(Session.class);
            c.setAccessible(true);
            return c.newInstance(session);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
