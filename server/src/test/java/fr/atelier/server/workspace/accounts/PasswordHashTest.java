package fr.atelier.server.workspace.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
    private static final PasswordHash.Params SMALL = new PasswordHash.Params(64, 1, 1);

    @Test
    void phcStringCarriesTheParametersAndVerifies() {
        String phc = PasswordHash.hash("Orient@tion1");
        assertThat(phc).matches("^\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$");
        assertThat(PasswordHash.verify("Orient@tion1", phc)).isTrue();
        assertThat(PasswordHash.verify("Orient@tion2", phc)).isFalse();
        assertThat(PasswordHash.hash("Orient@tion1")).as("a fresh salt each time").isNotEqualTo(phc);
    }

    @Test
    void verifiesHashesMadeWithOtherParameters() {
        String phc = PasswordHash.hash("mot de passe", SMALL);
        assertThat(phc).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(PasswordHash.verify("mot de passe", phc)).isTrue();
    }

    /** RFC 9106's Argon2id test vector needs a secret and associated data; this one checks our encoding against Bouncy Castle directly. */
    @Test
    void encodingIsUnpaddedBase64OfSaltAndRawHash() {
        String phc = PasswordHash.hash("abc", SMALL);
        String[] parts = phc.split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        byte[] expected = new byte[32];
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(64).withIterations(1).withParallelism(1).build());
        gen.generateBytes("abc".getBytes(StandardCharsets.UTF_8), expected);
        assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(parts[5]))).isEqualTo(HexFormat.of().formatHex(expected));
        assertThat(parts[4]).doesNotContain("=");
    }

    @Test
    void anythingElseIsRefusedWithoutAnException() {
        assertThat(PasswordHash.verify("x", null)).isFalse();
        assertThat(PasswordHash.verify("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(PasswordHash.verify("x", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA")).isFalse();
        assertThat(PasswordHash.verify("x", "$argon2id$v=19$m=9999999,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA")).isFalse();
    }
}
