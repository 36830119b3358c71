package org.openvrrs.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.Repository;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Every feature of the OpenVRRS features file installs on its own into the distribution, and leaves every bundle it
 * brings (its own and those of the OpenVRRS features it depends on) ACTIVE, and every Declarative Services component
 * of the OpenVRRS bundles satisfied: each enabled one ACTIVE or SATISFIED, except a component that requires a
 * configuration none provides (it waits for an operator's, as designed).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeaturesIT extends OpenVrrsTestSupport {

    @Inject
    protected FeaturesService featuresService;

    @Inject
    protected ServiceComponentRuntime scr;

    @Test
    public void everyOpenVrrsFeatureInstallsAloneWithItsBundlesActiveAndComponentsSatisfied() throws Exception {
        Map<String, Feature> ours = ourFeatures();
        assertTrue("features of the OpenVRRS repository: " + ours.keySet(),
                ours.keySet().containsAll(List.of("openvrrs-core", "openvrrs-sim", "openvrrs-demo")));

        // the distribution boots openvrrs-demo; start from a container without any OpenVRRS feature
        uninstallAll(ours);
        assertEquals("OpenVRRS bundles left after uninstalling every OpenVRRS feature", List.of(), openVrrsBundles());

        for (Feature feature : ours.values()) {
            featuresService.installFeature(feature, EnumSet.noneOf(FeaturesService.Option.class));
            assertTrue(feature.getId() + " installed", featuresService.isInstalled(feature));

            Set<String> locations = bundleLocations(feature, ours);
            assertFalse(feature.getId() + " brings no bundle", locations.isEmpty());
            for (String location : locations) {
                await().untilAsserted(() -> {
                    Bundle bundle = bundleContext.getBundle(location);
                    assertNotNull(location + " installed by " + feature.getId(), bundle);
                    assertEquals(location + " (" + feature.getId() + ")", "ACTIVE", stateName(bundle.getState()));
                });
            }
            await().untilAsserted(() -> assertEquals("OpenVRRS components not satisfied with " + feature.getId()
                    + " installed", List.of(), unsatisfiedComponents()));
            uninstallAll(ours);
        }

        // leave the container as it booted
        featuresService.installFeature("openvrrs-demo");
        assertTrue(featuresService.isInstalled(ours.get("openvrrs-demo")));
        await().untilAsserted(() -> assertEquals("OpenVRRS components not satisfied as booted", List.of(),
                unsatisfiedComponents()));
        // and the check above looked at something: as booted, each OpenVRRS bundle with components runs one
        Map<String, Boolean> running = bundlesRunningAComponent();
        assertTrue("OpenVRRS bundles with DS components: " + running.keySet(), running.size() >= 4);
        assertFalse("OpenVRRS bundles running none of their components: " + running,
                running.containsValue(Boolean.FALSE));
    }

    /** Each OpenVRRS bundle that declares components: whether one of them is ACTIVE or SATISFIED. */
    private Map<String, Boolean> bundlesRunningAComponent() {
        Map<String, Boolean> running = new TreeMap<>();
        for (Bundle bundle : openVrrsBundleObjects()) {
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                boolean runs = scr.getComponentConfigurationDTOs(description).stream().anyMatch(c ->
                        c.state == ComponentConfigurationDTO.ACTIVE || c.state == ComponentConfigurationDTO.SATISFIED);
                running.merge(bundle.getSymbolicName(), runs, Boolean::logicalOr);
            }
        }
        return running;
    }

    /**
     * The enabled DS components of the OpenVRRS bundles that should run and do not, each with its state and why:
     * unsatisfied references (name, interface, target), activation failure. A component with
     * {@code configuration-policy="require"} and no configuration is not listed: it waits for one by design.
     */
    private List<String> unsatisfiedComponents() {
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : openVrrsBundleObjects()) {
            String name = bundle.getSymbolicName();
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                if (!scr.isComponentEnabled(description)) {
                    continue;
                }
                Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(description);
                boolean requiresConfiguration = "require".equals(description.configurationPolicy);
                boolean waitsForConfiguration = configurations.stream()
                        .allMatch(c -> c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION);
                if (requiresConfiguration && waitsForConfiguration) {
                    continue;
                }
                if (configurations.isEmpty()) {
                    problems.add(name + "/" + description.name + ": enabled, but no component configuration");
                }
                for (ComponentConfigurationDTO c : configurations) {
                    if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) {
                        problems.add(name + "/" + description.name + " " + componentState(c.state)
                                + describeUnsatisfied(description, c));
                    }
                }
            }
        }
        return problems;
    }

    private static String describeUnsatisfied(ComponentDescriptionDTO description, ComponentConfigurationDTO c) {
        StringBuilder why = new StringBuilder();
        for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
            String service = Arrays.stream(description.references).filter(r -> r.name.equals(u.name))
                    .map(r -> r.interfaceName).findFirst().orElse("?");
            why.append(", reference ").append(u.name).append(" (").append(service)
                    .append(u.target == null ? "" : " " + u.target).append(") unsatisfied");
        }
        if (c.failure != null) {
            why.append(", failure: ").append(c.failure.lines().findFirst().orElse(""));
        }
        return why.toString();
    }

    private static String componentState(int state) {
        switch (state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION: return "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE: return "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.SATISFIED: return "SATISFIED";
            case ComponentConfigurationDTO.ACTIVE: return "ACTIVE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION: return "FAILED_ACTIVATION";
            default: return "state " + state;
        }
    }

    /** The features of our repository, found by its name ({@code openvrrs-VERSION}), in file order. */
    private Map<String, Feature> ourFeatures() throws Exception {
        String name = "openvrrs-" + required("openvrrs.project.version");
        Repository[] repositories = featuresService.listRepositories();
        Repository repository = Arrays.stream(repositories)
                .filter(r -> name.equals(r.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no features repository named " + name + " among "
                        + Arrays.stream(repositories).map(Repository::getName).collect(Collectors.toList())));
        Map<String, Feature> features = new LinkedHashMap<>();
        for (Feature f : repository.getFeatures()) {
            features.put(f.getName(), f);
        }
        return features;
    }

    private void uninstallAll(Map<String, Feature> ours) throws Exception {
        List<Feature> installed = new ArrayList<>();
        for (Feature f : ours.values()) {
            if (featuresService.isInstalled(f)) {
                installed.add(f);
            }
        }
        for (int i = installed.size() - 1; i >= 0; i--) {
            Feature f = installed.get(i);
            // a feature that is only a dependency of another is not "required" on its own: ask for the id
            if (featuresService.isInstalled(f) && featuresService.isRequired(f)) {
                featuresService.uninstallFeature(f.getName(), f.getVersion());
            }
        }
        await().untilAsserted(() -> assertEquals(List.of(), openVrrsBundles()));
    }

    /** Locations of the bundles a feature brings, following its dependencies on other OpenVRRS features. */
    private static Set<String> bundleLocations(Feature feature, Map<String, Feature> ours) {
        Set<String> locations = new TreeSet<>();
        for (BundleInfo b : feature.getBundles()) {
            if (!b.isDependency()) {
                locations.add(b.getLocation().trim());
            }
        }
        for (Dependency d : feature.getDependencies()) {
            Feature dependency = ours.get(d.getName());
            if (dependency != null) {
                locations.addAll(bundleLocations(dependency, ours));
            }
        }
        return locations;
    }

    private List<String> openVrrsBundles() {
        return openVrrsBundleObjects().stream().map(Bundle::getSymbolicName).sorted().collect(Collectors.toList());
    }

    private List<Bundle> openVrrsBundleObjects() {
        return Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.openvrrs."))
                .collect(Collectors.toList());
    }
}
