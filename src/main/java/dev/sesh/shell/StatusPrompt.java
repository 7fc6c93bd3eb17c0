package dev.sesh.shell;

import dev.sesh.device.Board;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.Optional;

/**
 * The prompt: {@code sesh [PORT ...]>}, naming the connection and, once known, the chip and its
 * zone locks (e.g. {@code sesh [ttyUSB0 ATECC508A cfg:locked data:open]>}). Plain text when colours
 * are off (NO_COLOR or not a terminal); with colours an open zone is yellow (it can still change)
 * and a locked one green.
 */
public final class StatusPrompt {
    private final boolean colour;

    public StatusPrompt(boolean colour) { this.colour = colour; }

    public String render(Session session) { return render(session.currentBoard(), session.chipStatus(), session.opening()); }

    /** {@code chip} as the atca object summarises it: {@code MODEL cfg:locked|open data:locked|open}. */
    public String render(Optional<Board> board, Optional<String> chip) { return render(board, chip, Optional.empty()); }

    /** {@code opening}: the port being opened, shown as {@code connecting PORT} until a board is there. */
    public String render(Optional<Board> board, Optional<String> chip, Optional<String> opening) {
        String port = board.map(Board::statusLine).orElseGet(() -> opening.map(p -> "connecting " + p).orElse("not connected"));
        if (!colour) return "sesh [" + port + chip.map(c -> " " + c).orElse("") + "]> ";
        AttributedStringBuilder sb = new AttributedStringBuilder();
        sb.style(AttributedStyle.BOLD).append("sesh").style(AttributedStyle.DEFAULT).append(" [");
        sb.style(AttributedStyle.DEFAULT.foreground(board.isPresent() ? AttributedStyle.CYAN : AttributedStyle.YELLOW)).append(port);
        chip.ifPresent(c -> {
            for (String word : c.split(" ")) {
                int colon = word.indexOf(':');
                sb.style(AttributedStyle.DEFAULT).append(" " + word.substring(0, colon + 1));
                String state = word.substring(colon + 1);
                int fg = state.equals("locked") ? AttributedStyle.GREEN : state.equals("open") ? AttributedStyle.YELLOW : -1;
                sb.style(fg < 0 ? AttributedStyle.DEFAULT : AttributedStyle.DEFAULT.foreground(fg)).append(state);
            }
        });
        sb.style(AttributedStyle.DEFAULT).append("]> ");
        return sb.toAnsi();
    }
}
