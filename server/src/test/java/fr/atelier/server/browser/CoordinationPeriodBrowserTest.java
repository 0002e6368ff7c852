package fr.atelier.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.server.TestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 15, item 9: the server counts the report's days in Paris time, so the coordinators' page
 * proposes Paris days whatever the browser's time zone. At 23:30 UTC on 6 December it is already
 * 7 December in Paris: a browser in UTC or in Martinique (still the 6th at 19:30) must ask up to the
 * 7th, or the sessions of the Paris night would vanish from the report.
 */
class CoordinationPeriodBrowserTest extends BrowserTestBase {
    /** 00:30 on 7 December 2026 in Paris. */
    private static final String NOW = "2026-12-06T23:30:00Z";

    private static void at(ChromeDriver b, String timeZone) {
        b.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", timeZone));
    }

    @Test
    void thePeriodIsInParisDaysWhateverTheBrowsersTimeZone() {
        ChromeDriver coordinator = (ChromeDriver) desktop();
        coordinator.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                (() => {
                  const fixed = Date.parse('%s');
                  const Real = Date;
                  class Fixed extends Real {
                    constructor(...args) { super(...(args.length ? args : [fixed])); }
                    static now() { return fixed; }
                  }
                  globalThis.Date = Fixed;
                })();""".formatted(NOW)));
        for (String zone : new String[] {"UTC", "America/Martinique", "Indian/Reunion"}) {
            at(coordinator, zone);
            coordinator.get(base + "/coordination#k=" + TestConfig.COORDINATOR_KEY);
            await(coordinator, "coord-to");
            assertThat(js(coordinator, "return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo(zone);
            assertThat(await(coordinator, "coord-to").getAttribute("value")).as(zone).isEqualTo("2026-12-07");
            assertThat(await(coordinator, "coord-from").getAttribute("value")).as(zone).isEqualTo("2026-01-01");
        }
        shot(coordinator, "coord-period-paris-days");
    }
}
