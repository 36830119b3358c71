package org.openvrrs.config.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an attribute of a configuration annotation whose value is a secret (a shared key, a password): a refusal by
 * {@link ConfigReader} names its key but shows {@code <hidden>} instead of its value. While a configuration has a
 * secret, the values of its unknown keys are hidden as well, since a misspelled secret key is still a secret.
 * (Metatype's {@code AttributeType.PASSWORD} is not visible at run time, hence this marker beside it.)
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ConfigSecret {
}
