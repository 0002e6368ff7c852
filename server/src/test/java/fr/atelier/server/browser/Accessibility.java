package fr.atelier.server.browser;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriver;

/**
 * axe-core on the page a browser shows: a WCAG 2.1 A or AA violation fails the test (decision 26).
 * Every state's summary goes to target/axe/STATE.json for reviewers.
 */
final class Accessibility {
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Accessibility() {}

    /** Audits the current page; throws an AssertionError naming every violation of the state. */
    static void check(WebDriver browser, String state) {
        long start = System.nanoTime();
        Results results = new AxeBuilder().withOptions(options()).analyze(browser);
        Path file = write(state, results, (System.nanoTime() - start) / 1_000_000);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not audit state \"" + state + "\": " + results.getErrorMessage());
        }
        if (!results.getViolations().isEmpty()) {
            throw new AssertionError(message(state, results, file));
        }
    }

    private static AxeRunOptions options() {
        AxeRunOnlyOptions only = new AxeRunOnlyOptions();
        only.setType("tag");
        only.setValues(TAGS);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(only);
        // Passes and inapplicable rules come back without their nodes: the audit stays fast.
        options.setResultTypes(List.of("violations", "incomplete"));
        return options;
    }

    static String message(String state, Results results, Path file) {
        StringBuilder m = new StringBuilder("axe-core: " + results.getViolations().size()
                + " WCAG 2.1 A/AA rule(s) violated in state \"" + state + "\" (" + results.getUrl() + ")");
        for (Rule rule : results.getViolations()) {
            m.append("\n- ").append(rule.getId()).append(" [").append(rule.getImpact()).append("] ").append(rule.getHelp())
                    .append(" (").append(rule.getHelpUrl()).append(')');
            for (CheckedNode node : rule.getNodes()) {
                m.append("\n    ").append(node.getTarget()).append(": ")
                        .append(String.valueOf(node.getFailureSummary()).replace("\n", " "));
            }
        }
        return m.append("\nFull results: ").append(file).toString();
    }

    private static Path write(String state, Results results, long millis) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("state", state);
        summary.put("url", results.getUrl());
        summary.put("millis", millis);
        summary.put("axe", results.getTestEngine() == null ? null : results.getTestEngine().getVersion());
        summary.put("tags", TAGS);
        summary.put("error", results.isErrored() ? results.getErrorMessage() : null);
        summary.put("violations", rules(results.getViolations(), true));
        summary.put("incomplete", rules(results.getIncomplete(), false));
        summary.put("passes", ids(results.getPasses()));
        summary.put("inapplicable", ids(results.getInapplicable()));
        try {
            Path dir = Path.of(System.getProperty("atelier.axe", "target/axe"));
            Files.createDirectories(dir);
            Path file = dir.resolve(state + ".json");
            JSON.writeValue(file.toFile(), summary);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> rules(List<Rule> rules, boolean html) {
        return rules == null ? List.of() : rules.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.getId());
            m.put("impact", r.getImpact());
            m.put("help", r.getHelp());
            m.put("helpUrl", r.getHelpUrl());
            m.put("nodes", r.getNodes().stream().map(n -> {
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("target", n.getTarget());
                if (html) {
                    node.put("html", n.getHtml());
                }
                node.put("summary", n.getFailureSummary());
                return node;
            }).toList());
            return m;
        }).toList();
    }

    private static List<String> ids(List<Rule> rules) {
        return rules == null ? List.of() : rules.stream().map(Rule::getId).toList();
    }
}
