package org.openvrrs.cli.ios.internal.shell;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.openvrrs.cli.ios.internal.OutputFilter;

/**
 * IOS output modifiers at Karaf's prompt: Karaf's pipe hands {@code show ... | include REGEX} the output of
 * {@code show} on standard input.
 */
abstract class FilterCommand implements Action {
    @Argument(index = 0, name = "regex", required = true, multiValued = true, description = "regular expression")
    List<String> regex;

    abstract String kind();

    @Override
    public Object execute() throws Exception {
        OutputFilter filter = OutputFilter.of(kind(), String.join(" ", regex));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        filter.apply(in.lines().toList()).forEach(System.out::println);
        return null;
    }
}
