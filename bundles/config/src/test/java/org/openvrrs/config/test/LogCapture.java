package org.openvrrs.config.test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The log lines slf4j-simple (the tests' binding, writing to System.err) prints while a piece of code runs.
 */
public final class LogCapture {
    private LogCapture() {
    }

    /** Something to run that may throw. */
    public interface Code {
        void run() throws Exception;
    }

    /** The lines logged while {@code code} ran. */
    public static List<String> of(Code code) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            code.run();
        } finally {
            System.setErr(err);
        }
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The messages of the ERROR lines among {@code lines} (what follows the logger's name). */
    public static List<String> errors(List<String> lines) {
        return lines.stream().filter(l -> l.contains(" ERROR ")).map(l -> l.substring(l.indexOf(" - ") + 3)).toList();
    }
}
