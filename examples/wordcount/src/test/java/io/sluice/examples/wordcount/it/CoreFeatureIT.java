package io.sluice.examples.wordcount.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.sluice.platform.JobControl;
import io.sluice.spi.shuffle.ShuffleService;
import io.sluice.spi.state.StateBackend;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

/** The core feature boots in Felix: every bundle starts and the runtime's services appear. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreFeatureIT {
  @Inject private BundleContext context;

  @Configuration
  public Option[] configuration() {
    return CoreFeature.options();
  }

  @Test
  public void everyBundleOfTheCoreFeatureIsActive() {
    Platform platform = new Platform(context);
    List<String> missing = new ArrayList<>(CoreFeature.BUNDLE_NAMES);
    List<String> notActive = new ArrayList<>();
    for (Bundle bundle : platform.context().getBundles()) {
      missing.remove(bundle.getSymbolicName());
      boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
      if (!fragment && bundle.getState() != Bundle.ACTIVE) {
        notActive.add(bundle.getSymbolicName() + " " + Platform.stateName(bundle.getState()));
      }
    }
    assertTrue("Bundles not installed: " + missing + platform.describeBundles(), missing.isEmpty());
    assertTrue(
        "Bundles not ACTIVE: " + notActive + platform.describeBundles(), notActive.isEmpty());
  }

  @Test
  public void systemBundleExportsThePlatformPackageToTheTests() {
    Platform platform = new Platform(context);
    BundleWiring system = platform.context().getBundle(0).adapt(BundleWiring.class);
    List<String> exports = new ArrayList<>();
    for (BundleCapability export : system.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
      Object name = export.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
      if ("io.sluice.platform".equals(name)) {
        exports.add(name + ";version=" + export.getAttributes().get("version"));
      }
    }
    assertEquals(List.of("io.sluice.platform;version=1.1.0"), exports);
    Bundle origin = FrameworkUtil.getBundle(JobControl.class);
    assertTrue(
        "JobControl must come from the class path (the system bundle), as in the launcher, not "
            + origin,
        origin == null || origin.getBundleId() == 0);
  }

  @Test
  public void stateHeapBundleRegistersTheHeapStateBackend() throws InterruptedException {
    Platform platform = new Platform(context);
    String filter = "(" + StateBackend.NAME_PROPERTY + "=heap)";
    assertEquals("heap", platform.service(StateBackend.class, filter).name());
    assertEquals("sluice-state-heap", platform.providerOf(StateBackend.class, filter));
  }

  @Test
  public void shuffleLocalBundleRegistersTheLocalShuffleService() throws InterruptedException {
    Platform platform = new Platform(context);
    String filter = "(" + ShuffleService.NAME_PROPERTY + "=local)";
    assertEquals("local", platform.service(ShuffleService.class, filter).name());
    assertEquals("sluice-shuffle-local", platform.providerOf(ShuffleService.class, filter));
  }

  @Test
  public void runtimeBundleRegistersJobControl() throws InterruptedException {
    Platform platform = new Platform(context);
    JobControl control = platform.jobControl();
    assertEquals("sluice-runtime", platform.providerOf(JobControl.class, null));
    assertTrue("a fresh runtime knows no jobs: " + control.list(), control.list().isEmpty());
  }
}
