package org.openvrrs.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * Every feature of the OpenVRRS features file installs on its own into the distribution, and leaves every bundle it
 * brings (its own and those of the OpenVRRS features it depends on) ACTIVE.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeaturesIT extends OpenVrrsTestSupport {

    @Inject
    protected FeaturesService featuresService;

    @Test
    public void everyOpenVrrsFeatureInstallsAloneWithItsBundlesActive() throws Exception {
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
            uninstallAll(ours);
        }

        // leave the container as it booted
        featuresService.installFeature("openvrrs-demo");
        assertTrue(featuresService.isInstalled(ours.get("openvrrs-demo")));
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
        return Arrays.stream(bundleContext.getBundles())
                .map(Bundle::getSymbolicName)
                .filter(n -> n != null && n.startsWith("org.openvrrs."))
                .sorted()
                .collect(Collectors.toList());
    }
}
