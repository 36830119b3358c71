package org.openvrrs.config.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How an enum constant is written in configuration files when that is not its name, e.g. {@code V3} as {@code 3} or
 * {@code PSEUDO_HEADER} as {@code rfc5798}. A value matches a constant by one of these spellings or by its name, case
 * insensitively; refusals list the spellings (or the lower-case names of constants without this annotation).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ConfigValue {
    /** The spellings accepted for this constant, the first one shown to operators. */
    String[] value();
}
