package org.openvrrs.config.api;

/** A configuration annotation with every kind of attribute the bundles use. */
@interface Sample {
    enum Version {
        @ConfigValue("2") V2,
        @ConfigValue({"3", "three"}) V3
    }

    enum Colour { RED, DARK_BLUE }

    String name();

    int priority() default 100;

    long big() default 0;

    boolean enabled() default false;

    String[] addresses() default {};

    Version version() default Version.V3;

    Colour[] colours() default {};

    String description() default "";

    double ratio() default 0.5;

    String my_dotted__key$_$x() default "";
}
