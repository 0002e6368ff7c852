package fr.atelier.workshops.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What every audience of a {@link Playthrough} sees at one moment, as the JSON the server sends:
 * one phone per participant, the projector, the console. Secrecy checks search these strings, so
 * that a leak through any field, however named, is found.
 */
public final class Views {
    private final List<String> ids;
    private final List<String> phones;
    private final JsonNode[] phoneTrees;
    private final String projector;
    private final String console;
    private final List<String> platformSecrets;

    Views(List<String> ids, List<String> phones, String projector, String console, List<String> platformSecrets) {
        this.ids = List.copyOf(ids);
        this.phones = List.copyOf(phones);
        this.phoneTrees = new JsonNode[phones.size()];
        this.projector = projector;
        this.console = console;
        this.platformSecrets = List.copyOf(platformSecrets);
    }

    public int participants() {
        return ids.size();
    }

    public String id(int i) {
        return ids.get(i);
    }

    public List<String> ids() {
        return ids;
    }

    /** The phone of participant {@code i}. */
    public String phone(int i) {
        return phones.get(i);
    }

    public JsonNode phoneTree(int i) {
        if (phoneTrees[i] == null) {
            phoneTrees[i] = tree(phones.get(i));
        }
        return phoneTrees[i];
    }

    public String projector() {
        return projector;
    }

    public JsonNode projectorTree() {
        return tree(projector);
    }

    public JsonNode consoleTree() {
        return tree(console);
    }

    /**
     * The platform's promises, the same in every format: no view holds a token hash (nor
     * {@code moreSecrets}), and a phone never names another participant.
     */
    public void assertPlatformSecretsKept(List<String> moreSecrets) {
        List<String> secrets = new ArrayList<>(platformSecrets);
        secrets.addAll(moreSecrets);
        for (int i = 0; i < phones.size(); i++) {
            String me = ids.get(i);
            String json = phones.get(i);
            assertThat(json).as("phone of %s", me).doesNotContain(secrets);
            for (String other : ids) {
                if (!other.equals(me)) {
                    assertThat(json).as("phone of %s names %s", me, other).doesNotContain(other);
                }
            }
        }
        assertThat(projector).as("projector").doesNotContain(secrets);
        assertThat(console).as("console").doesNotContain(secrets);
    }

    public void assertPlatformSecretsKept() {
        assertPlatformSecretsKept(List.of());
    }

    /** The JSON the server would send for {@code value}. */
    public static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
