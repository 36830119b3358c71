package org.openvrrs.cli.ios.internal;

/** Quotes a word for a Gogo command line, so what the operator typed reaches the command as one argument. */
final class GogoQuoting {
    private GogoQuoting() {
    }

    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:@+,-]+")) {
            return word;
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : word.toCharArray()) {
            if (c == '"' || c == '\\' || c == '$') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }
}
