package fr.atelier.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Audience;
import fr.atelier.workshops.core.Json;
import org.junit.jupiter.api.Test;

/** Node-to-node messages keep the JSON nodes of the previous version read (rolling upgrades), and read back whole. */
class NodeCodecTest {

    private static JsonNode json(String s) throws Exception {
        return Json.MAPPER.readTree(s);
    }

    @Test
    void requestsAreWrittenAsBeforeAndReadBack() throws Exception {
        JsonNode command = json("{\"type\":\"poll.answer\",\"option\":1}");
        NodeMessage.Request submit = new NodeMessage.Request("r1", "node-a",
                new NodeRequest.Submit("s_1", Actor.participant("p_1"), "c1", command));
        assertThat(json(NodeCodec.write(submit))).isEqualTo(json(
                "{\"sid\":\"s_1\",\"op\":\"submit\",\"actor\":\"p:p_1\",\"clientId\":\"c1\",\"command\":" + command
                        + ",\"k\":\"req\",\"id\":\"r1\",\"from\":\"node-a\"}"));
        assertThat(NodeCodec.read(NodeCodec.write(submit))).isEqualTo(submit);

        NodeMessage.Request identify = new NodeMessage.Request("r2", "node-a", new NodeRequest.Identify("s_1", "screen", null));
        assertThat(json(NodeCodec.write(identify))).isEqualTo(json(
                "{\"sid\":\"s_1\",\"op\":\"identify\",\"role\":\"screen\",\"k\":\"req\",\"id\":\"r2\",\"from\":\"node-a\"}"));
        assertThat(NodeCodec.read(NodeCodec.write(identify))).isEqualTo(identify);

        NodeMessage.Request attach = new NodeMessage.Request("r3", "node-a", new NodeRequest.Attach("s_1", "l1", Audience.FACILITATOR));
        assertThat(json(NodeCodec.write(attach)).path("audience").asText()).isEqualTo("facilitator");
        assertThat(NodeCodec.read(NodeCodec.write(attach))).isEqualTo(attach);

        NodeMessage.Request query = new NodeMessage.Request("r4", "node-a", new NodeRequest.Query("s_1", "synthesis", "tok"));
        assertThat(NodeCodec.read(NodeCodec.write(query))).isEqualTo(query);

        NodeMessage.Request strayDetach = new NodeMessage.Request("r5", "node-b", new NodeRequest.Detach(null, "l1"));
        assertThat(json(NodeCodec.write(strayDetach))).isEqualTo(json(
                "{\"op\":\"detach\",\"lid\":\"l1\",\"k\":\"req\",\"id\":\"r5\",\"from\":\"node-b\"}"));
        assertThat(NodeCodec.read(NodeCodec.write(strayDetach))).isEqualTo(strayDetach);
    }

    @Test
    void answersAndViewsAreWrittenAsBeforeAndUnknownKindsAreIgnored() throws Exception {
        NodeMessage.Response ok = new NodeMessage.Response("r1", true, NodeCodec.submitted(Outcome.ack(42)), null);
        assertThat(json(NodeCodec.write(ok))).isEqualTo(json(
                "{\"k\":\"res\",\"id\":\"r1\",\"ok\":true,\"body\":{\"accepted\":true,\"seq\":42}}"));
        assertThat(NodeCodec.outcome(((NodeMessage.Response) NodeCodec.read(NodeCodec.write(ok))).body())).isEqualTo(Outcome.ack(42));

        NodeMessage.Response refused = new NodeMessage.Response("r2", false, null, "notowner");
        assertThat(json(NodeCodec.write(refused))).isEqualTo(json("{\"k\":\"res\",\"id\":\"r2\",\"ok\":false,\"error\":\"notowner\"}"));
        assertThat(NodeCodec.read(NodeCodec.write(refused))).isEqualTo(refused);

        NodeMessage.View view = new NodeMessage.View("l1", "node-a", "{\"type\":\"view\",\"seq\":3}");
        assertThat(json(NodeCodec.write(view))).isEqualTo(json(
                "{\"k\":\"view\",\"lid\":\"l1\",\"from\":\"node-a\",\"f\":\"{\\\"type\\\":\\\"view\\\",\\\"seq\\\":3}\"}"));
        assertThat(NodeCodec.read(NodeCodec.write(view))).isEqualTo(view);

        SessionHandle.Identity id = new SessionHandle.Identity(new Audience.Participant("p_1"), Actor.participant("p_1"), 7);
        assertThat(NodeCodec.identity(NodeCodec.identified(id))).isEqualTo(id);
        assertThat(NodeCodec.read("{\"k\":\"later\"}")).isNull();
        assertThat(NodeCodec.read("not json")).isNull();
        assertThat(NodeCodec.read("{\"k\":\"req\",\"id\":\"r9\",\"from\":\"n\",\"sid\":\"s\",\"op\":\"rename\"}"))
                .isEqualTo(new NodeMessage.Request("r9", "n", new NodeRequest.Unknown("s", "rename")));
    }
}
