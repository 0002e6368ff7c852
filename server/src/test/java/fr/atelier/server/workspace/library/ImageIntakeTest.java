package fr.atelier.server.workspace.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.atelier.server.http.ApiError;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What an uploaded image goes through (issue 16, item 4), without a server. */
class ImageIntakeTest {

    static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static BufferedImage noise(int w, int h, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        Random random = new Random(16);
        for (int y = 0; y < h; y += 8) {
            for (int x = 0; x < w; x += 8) {
                img.setRGB(x, y, random.nextInt());
            }
        }
        return img;
    }

    @Test
    void bytesAreRecognisedByTheirSignature() throws IOException {
        assertThat(ImageIntake.sniff(encode(noise(8, 8, BufferedImage.TYPE_INT_RGB), "jpg"))).isEqualTo("image/jpeg");
        assertThat(ImageIntake.sniff(encode(noise(8, 8, BufferedImage.TYPE_INT_RGB), "png"))).isEqualTo("image/png");
        assertThat(ImageIntake.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("image/webp");
        assertThat(ImageIntake.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(ImageIntake.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).isNull();
    }

    @Test
    void aLargePhotoIsResizedAndLosesItsMetadata() throws IOException {
        byte[] jpeg = encode(noise(3000, 2000, BufferedImage.TYPE_INT_RGB), "jpg");
        ImageIntake.Result r = ImageIntake.take("image/jpeg", jpeg);
        assertThat(r.mime()).isEqualTo("image/jpeg");
        assertThat(r.width()).isEqualTo(1280);
        assertThat(r.height()).isEqualTo(853);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(r.bytes()));
        assertThat(back.getWidth()).isEqualTo(1280);
        // Re-encoded from pixels: no EXIF/APP1 segment survives (ImageIO writes only JFIF).
        assertThat(new String(r.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
    }

    @Test
    void aSmallTransparentPngStaysPngAtItsSize() throws IOException {
        ImageIntake.Result r = ImageIntake.take("image/png; charset=binary", encode(noise(200, 100, BufferedImage.TYPE_INT_ARGB), "png"));
        assertThat(r.mime()).isEqualTo("image/png");
        assertThat(r.width()).isEqualTo(200);
        assertThat(r.height()).isEqualTo(100);
    }

    @Test
    void svgDisguisedAndEmptyFilesAreRefused() throws IOException {
        assertThatThrownBy(() -> ImageIntake.take("image/svg+xml", "<svg/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(415));
        assertThatThrownBy(() -> ImageIntake.take("image/jpeg", "<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(415);
                    assertThat(e.getMessage()).contains("JPEG").contains("ne correspond pas");
                });
        byte[] png = encode(noise(8, 8, BufferedImage.TYPE_INT_RGB), "png");
        assertThatThrownBy(() -> ImageIntake.take("image/jpeg", png))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(415));
        assertThatThrownBy(() -> ImageIntake.take("image/gif", png))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(415));
        assertThatThrownBy(() -> ImageIntake.take("image/png", new byte[0]))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(422));
    }

    @Test
    void aHeaderThatLiesOrIsTruncatedIsRefused() throws IOException {
        byte[] png = encode(noise(64, 64, BufferedImage.TYPE_INT_RGB), "png");
        byte[] truncated = java.util.Arrays.copyOf(png, 40);
        assertThatThrownBy(() -> ImageIntake.take("image/png", truncated))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(422));
        // A decompression bomb's header: refused from the header, before any decoding.
        byte[] bomb = png.clone();
        java.nio.ByteBuffer.wrap(bomb, 16, 8).putInt(50_000).putInt(50_000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bomb, 12, 17);
        java.nio.ByteBuffer.wrap(bomb, 29, 4).putInt((int) crc.getValue());
        assertThatThrownBy(() -> ImageIntake.take("image/png", bomb))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("50000 × 50000").contains("40 mégapixels");
                });
    }

    @Test
    void webpIsReadAndStoredAsAFormatEveryBrowserShows() {
        // A 1 × 1 lossless WebP (the smallest there is).
        byte[] webp = java.util.Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        assertThat(ImageIntake.sniff(webp)).isEqualTo("image/webp");
        ImageIntake.Result r = ImageIntake.take("image/webp", webp);
        assertThat(r.width()).isEqualTo(1);
        assertThat(r.mime()).isIn("image/png", "image/jpeg");
    }

    @Test
    void tooManyBytesAreRefused() {
        byte[] big = new byte[ImageIntake.BYTES_MAX + 1];
        big[0] = (byte) 0x89;
        assertThatThrownBy(() -> ImageIntake.take("image/png", big))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(413));
    }
}
