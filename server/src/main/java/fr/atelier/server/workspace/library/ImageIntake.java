package fr.atelier.server.workspace.library;

import fr.atelier.server.http.ApiError;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * What an uploaded image goes through before it is stored (issue 16, item 4): JPEG, PNG or WebP
 * only, recognised by its bytes (never by its name or declared type alone: SVG, HTML named .jpg or a
 * lying header are refused), at most {@link #BYTES_MAX} bytes and {@link #PIXELS_MAX} pixels (read
 * from the header, before decoding, so a decompression bomb never reaches memory), then decoded and
 * re-encoded from its pixels only (metadata such as GPS position dropped), its longest side brought
 * down to {@link #SIDE_MAX} for phones. Pure: no I/O beyond memory.
 */
public final class ImageIntake {
    public static final int BYTES_MAX = 5 * 1024 * 1024;
    public static final long PIXELS_MAX = 40_000_000L;
    public static final int SIDE_MAX = 1280;
    static final float JPEG_QUALITY = 0.85f;

    private ImageIntake() {}

    /** The stored image: its bytes as re-encoded, their type and size in pixels. */
    public record Result(byte[] bytes, String mime, int width, int height) {}

    /** The type the bytes really are ("image/jpeg", "image/png", "image/webp"), or null. */
    public static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0d && b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a) {
            return "image/png";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /** Checks, decodes and re-encodes; a refusal is an {@link ApiError} (413, 415 or 422) with a French message. */
    public static Result take(String declaredType, byte[] bytes) {
        String declared = declaredType == null ? "" : declaredType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (declared.equals("image/svg+xml") || declared.contains("svg")) {
            throw new ApiError(415, "unsupported_image", "Les images SVG sont refusées (elles peuvent contenir du code) : "
                    + "envoyez une image JPEG, PNG ou WebP.");
        }
        if (!declared.equals("image/jpeg") && !declared.equals("image/png") && !declared.equals("image/webp")) {
            throw new ApiError(415, "unsupported_image", "Format d’image refusé : envoyez une image JPEG, PNG ou WebP.");
        }
        if (bytes == null || bytes.length == 0) {
            throw new ApiError(422, "invalid_image", "Le fichier est vide.");
        }
        if (bytes.length > BYTES_MAX) {
            throw tooLarge();
        }
        String real = sniff(bytes);
        if (real == null || !real.equals(declared)) {
            throw new ApiError(415, "disguised_image", "Ce fichier n’est pas une image " + name(declared)
                    + " : son contenu ne correspond pas à son type. Envoyez une vraie image JPEG, PNG ou WebP.");
        }
        BufferedImage image = decode(bytes, real);
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) SIDE_MAX / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        boolean alpha = image.getColorModel().hasAlpha();
        String mime = alpha || real.equals("image/png") ? "image/png" : "image/jpeg";
        BufferedImage target = new BufferedImage(tw, th, mime.equals("image/png") ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!mime.equals("image/png")) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, tw, th);
            }
            g.drawImage(image, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return new Result(encode(target, mime), mime, tw, th);
    }

    static ApiError tooLarge() {
        return new ApiError(413, "too_large", "L’image dépasse " + (BYTES_MAX / (1024 * 1024)) + " Mo : réduisez-la avant de l’envoyer.");
    }

    private static String name(String mime) {
        return switch (mime) {
            case "image/jpeg" -> "JPEG";
            case "image/png" -> "PNG";
            default -> "WebP";
        };
    }

    private static BufferedImage decode(byte[] bytes, String mime) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mime);
            if (!readers.hasNext()) {
                throw new ApiError(415, "unsupported_image", "Ce serveur ne sait pas lire les images " + name(mime) + ".");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w <= 0 || h <= 0) {
                    throw unreadable();
                }
                if (w * h > PIXELS_MAX) {
                    throw new ApiError(422, "too_many_pixels", "L’image fait " + w + " × " + h + " pixels : "
                            + (PIXELS_MAX / 1_000_000) + " mégapixels au plus. Réduisez-la avant de l’envoyer.");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw unreadable();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiError a) {
                throw a;
            }
            throw unreadable();
        }
    }

    private static ApiError unreadable() {
        return new ApiError(422, "invalid_image", "Image illisible ou abîmée : enregistrez-la de nouveau (JPEG, PNG ou WebP) et réessayez.");
    }

    private static byte[] encode(BufferedImage image, String mime) {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType(mime).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (mime.equals("image/jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
