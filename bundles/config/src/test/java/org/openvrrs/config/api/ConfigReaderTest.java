package org.openvrrs.config.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.config.api.Sample.Colour;
import org.openvrrs.config.api.Sample.Version;

class ConfigReaderTest {
    private static final String FILE = "file:/opt/openvrrs/etc/org.example-g1.cfg";
    private final ConfigReader<Sample, Sample> reader = ConfigReader.of(Sample.class);

    private static Map<String, Object> props(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        m.put("felix.fileinstall.filename", FILE);
        m.put("service.pid", "org.example~g1");
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private void refused(Map<String, Object> properties, String message) {
        assertThatThrownBy(() -> reader.read(properties)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void missingKeysTakeTheDefaults() {
        Sample s = reader.read(props("name", "n"));
        assertThat(s.name()).isEqualTo("n");
        assertThat(s.priority()).isEqualTo(100);
        assertThat(s.big()).isZero();
        assertThat(s.enabled()).isFalse();
        assertThat(s.addresses()).isEmpty();
        assertThat(s.version()).isEqualTo(Version.V3);
        assertThat(s.colours()).isEmpty();
        assertThat(s.description()).isEmpty();
        assertThat(s.ratio()).isEqualTo(0.5);
    }

    @Test
    void textFromAFileIsConvertedToEachType() {
        Sample s = reader.read(props("name", "n", "priority", " 120 ", "big", "3000000000", "enabled", "TRUE",
                "ratio", "1.25", "my.dotted_key-x", "mapped"));
        assertThat(s.priority()).isEqualTo(120);
        assertThat(s.big()).isEqualTo(3_000_000_000L);
        assertThat(s.enabled()).isTrue();
        assertThat(s.ratio()).isEqualTo(1.25);
        assertThat(s.my_dotted__key$_$x()).isEqualTo("mapped");
    }

    @Test
    void typedValuesAreTakenAsTheyAre() {
        Sample s = reader.read(props("name", "n", "priority", 7L, "enabled", Boolean.TRUE, "ratio", 2,
                "version", Version.V2));
        assertThat(s.priority()).isEqualTo(7);
        assertThat(s.enabled()).isTrue();
        assertThat(s.ratio()).isEqualTo(2.0);
        assertThat(s.version()).isEqualTo(Version.V2);
    }

    @Test
    void arraysTakeOneValueAnArrayOrAList() {
        assertThat(reader.read(props("name", "n", "addresses", "192.0.2.1")).addresses())
                .containsExactly("192.0.2.1");
        assertThat(reader.read(props("name", "n", "addresses", new String[] {"192.0.2.1", "192.0.2.2"})).addresses())
                .containsExactly("192.0.2.1", "192.0.2.2");
        assertThat(reader.read(props("name", "n", "addresses", List.of("a", 2))).addresses())
                .containsExactly("a", "2");
        assertThat(reader.read(props("name", "n", "colours", List.of("red", "Dark_Blue"))).colours())
                .containsExactly(Colour.RED, Colour.DARK_BLUE);
        // a one-element list is one value (typed .config files), more are refused
        assertThat(reader.read(props("name", "n", "priority", List.of("9"))).priority()).isEqualTo(9);
        refused(props("name", "n", "priority", new int[] {1, 2}),
                "etc/org.example-g1.cfg: priority = '1, 2': a list of 2 values, not one value");
    }

    @Test
    void enumsMatchTheirSpellingsOrNamesIgnoringCase() {
        assertThat(reader.read(props("name", "n", "version", "2")).version()).isEqualTo(Version.V2);
        assertThat(reader.read(props("name", "n", "version", 3)).version()).isEqualTo(Version.V3);
        assertThat(reader.read(props("name", "n", "version", "THREE")).version()).isEqualTo(Version.V3);
        assertThat(reader.read(props("name", "n", "version", "v2")).version()).isEqualTo(Version.V2);
        refused(props("name", "n", "version", "4"), "etc/org.example-g1.cfg: version = '4': not one of 2, 3");
        refused(props("name", "n", "colours", "red, blue"),
                "etc/org.example-g1.cfg: colours = 'red, blue': not one of red, dark_blue");
        // never an ordinal
        refused(props("name", "n", "version", 1), "etc/org.example-g1.cfg: version = '1': not one of 2, 3");
    }

    @Test
    void wrongTypesAreRefusedNamingFileKeyAndValue() {
        refused(props("name", "n", "priority", "high"),
                "etc/org.example-g1.cfg: priority = 'high': not a whole number");
        refused(props("name", "n", "priority", "1.5"), "etc/org.example-g1.cfg: priority = '1.5': not a whole number");
        refused(props("name", "n", "priority", 1.5), "etc/org.example-g1.cfg: priority = '1.5': not a whole number");
        refused(props("name", "n", "priority", ""), "etc/org.example-g1.cfg: priority = '': not a whole number");
        refused(props("name", "n", "priority", "3000000000"),
                "etc/org.example-g1.cfg: priority = '3000000000': outside -2147483648 to 2147483647");
        refused(props("name", "n", "enabled", "yes"), "etc/org.example-g1.cfg: enabled = 'yes': not true or false");
        refused(props("name", "n", "enabled", 1), "etc/org.example-g1.cfg: enabled = '1': not true or false");
        refused(props("name", "n", "ratio", "half"), "etc/org.example-g1.cfg: ratio = 'half': not a number");
        refused(props("name", Map.of()), "etc/org.example-g1.cfg: name = '{}': a Map1, not text".replace(
                "Map1", Map.of().getClass().getSimpleName()));
    }

    @Test
    void aMissingRequiredKeyIsRefused() {
        refused(props("priority", "1"), "etc/org.example-g1.cfg: name is required and not set");
    }

    @Test
    void anUnknownKeyIsRefusedButNotTheFrameworksOwn() {
        refused(props("name", "n", "prority", "120"), "etc/org.example-g1.cfg: prority = '120': unknown key (known: "
                + "addresses, big, colours, description, enabled, my.dotted_key-x, name, priority, ratio, version)");
        Sample s = reader.read(props("name", "n", "service.factoryPid", "org.example", "service.bundleLocation", "?",
                "component.name", "c", "component.id", 4L, ".secret", "x", "osgi.ds.satisfying.condition.target",
                "(osgi.condition.id=true)", "Registry.target", "(x=y)", "org.apache.karaf.features.configKey",
                "org.example-g1"));
        assertThat(s.name()).isEqualTo("n");
    }

    @Test
    void theSourceIsTheFileThenThePid() {
        assertThat(ConfigReader.sourceOf(props())).isEqualTo("etc/org.example-g1.cfg");
        assertThat(ConfigReader.sourceOf(Map.of("service.pid", "org.example~g1", "service.factoryPid", "f")))
                .isEqualTo("org.example~g1");
        assertThat(ConfigReader.sourceOf(Map.of("service.factoryPid", "org.example"))).isEqualTo("org.example");
        assertThat(ConfigReader.sourceOf(Map.of())).isEqualTo("configuration");
        assertThatThrownBy(() -> reader.read(Map.of("service.pid", "org.example.single", "name", "n", "priority", "x")))
                .hasMessage("org.example.single: priority = 'x': not a whole number");
    }

    @Test
    void aRefusalIsOneLine() {
        refused(props("name", "n", "priority", "1\n2"), "etc/org.example-g1.cfg: priority = '1\\n2': not a whole number");
    }

    @Test
    void dictionariesAreReadLikeMaps() {
        Hashtable<String, Object> d = new Hashtable<>(props("name", "n", "priority", "5"));
        assertThat(reader.readDictionary(d).priority()).isEqualTo(5);
    }

    @Test
    void theValidatorRunsOnTheTypedConfigurationAndItsRefusalNamesTheSource() {
        ConfigReader<Sample, String> validated = ConfigReader.of(Sample.class, s -> {
            if (s.priority() > 254) {
                throw new IllegalArgumentException("priority " + s.priority() + " is outside 1-254");
            }
            return s.name() + "/" + s.priority();
        });
        assertThat(validated.read(props("name", "n"))).isEqualTo("n/100");
        assertThatThrownBy(() -> validated.read(props("name", "n", "priority", "300")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("etc/org.example-g1.cfg: priority 300 is outside 1-254")
                .satisfies(e -> assertThat(((ConfigException) e).problem()).isEqualTo("priority 300 is outside 1-254"))
                .satisfies(e -> assertThat(((ConfigException) e).source()).isEqualTo("etc/org.example-g1.cfg"));
        // type errors come before the validator
        assertThatThrownBy(() -> validated.read(props("name", "n", "priority", "x")))
                .hasMessage("etc/org.example-g1.cfg: priority = 'x': not a whole number");
    }

    @Test
    void defaultsAndKeys() {
        assertThatThrownBy(reader::defaults).hasMessageEndingWith("name is required and not set");
        assertThat(reader.keys()).contains("name", "my.dotted_key-x").hasSize(10);
        assertThatThrownBy(() -> ConfigReader.of(String.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @interface WithSecret {
        String name();

        @ConfigSecret
        String secret() default "";

        int timeout() default 5;
    }

    @Test
    void aSecretsValueIsNeverShownNorAnUnknownKeysBesideIt() {
        ConfigReader<WithSecret, WithSecret> secretive = ConfigReader.of(WithSecret.class);
        assertThat(secretive.read(props("name", "n", "secret", "s3cret")).secret()).isEqualTo("s3cret");
        assertThatThrownBy(() -> secretive.read(props("name", "n", "secret", List.of("s3cret", "other"))))
                .hasMessage("etc/org.example-g1.cfg: secret = <hidden>: a list of 2 values, not one value");
        // a misspelled secret key is refused without its value
        assertThatThrownBy(() -> secretive.read(props("name", "n", "secert", "s3cret")))
                .hasMessage("etc/org.example-g1.cfg: secert = <hidden>: unknown key (known: name, secret, timeout)");
        // other values are shown as always
        assertThatThrownBy(() -> secretive.read(props("name", "n", "secret", "s3cret", "timeout", "soon")))
                .hasMessage("etc/org.example-g1.cfg: timeout = 'soon': not a whole number");
    }
}
