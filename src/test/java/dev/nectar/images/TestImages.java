package dev.nectar.images;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Builds test images from scratch: camera-like scenes (gradient, shapes, sensor noise), JPEG/PNG/GIF/WebP bytes,
 * and the metadata that the signals look for (EXIF via a small TIFF writer, XMP, PNG text chunks, C2PA JUMBF boxes).
 */
public final class TestImages {
    static final int SOFTWARE = 0x0131;
    static final int MAKE = 0x010F;
    static final int MODEL = 0x0110;
    static final int DATE_TIME = 0x0132;
    static final int DATE_TIME_ORIGINAL = 0x9003;
    static final int OFFSET_TIME_ORIGINAL = 0x9011;
    private static final int EXIF_IFD_POINTER = 0x8769;

    private TestImages() {
    }

    /** A scene that differs with every seed, with sensor-like noise so it compresses like a photo. */
    static BufferedImage scene(long seed, int width, int height) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(0xFFFFFF)), width, height, new Color(r.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(r.nextInt(0xFFFFFF)));
            int x = r.nextInt(width);
            int y = r.nextInt(height);
            int s = 10 + r.nextInt(Math.max(11, width / 3));
            switch (i % 3) {
                case 0 -> g.fillOval(x, y, s, s * 2 / 3);
                case 1 -> g.fillRect(x, y, s, s / 2);
                default -> {
                    g.setStroke(new BasicStroke(1 + r.nextInt(6)));
                    g.drawLine(x, y, r.nextInt(width), r.nextInt(height));
                }
            }
        }
        g.dispose();
        addNoise(img, r, 10);
        return img;
    }

    static void addNoise(BufferedImage img, Random r, int amplitude) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int n = r.nextInt(2 * amplitude + 1) - amplitude;
                img.setRGB(x, y, (clamp(((p >> 16) & 0xFF) + n) << 16) | (clamp(((p >> 8) & 0xFF) + n) << 8) | clamp((p & 0xFF) + n));
            }
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static byte[] jpeg(BufferedImage img, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A camera photo: JPEG with Make, Model and capture time (capture = modify, as cameras write them). */
    public static byte[] cameraJpeg(long seed, String captured) {
        return withExif(jpeg(scene(seed, 640, 480), 0.9f),
                Map.of(MAKE, "Xiaomi", MODEL, "Redmi Note 12", DATE_TIME, captured),
                Map.of(DATE_TIME_ORIGINAL, captured, OFFSET_TIME_ORIGINAL, "+08:00"));
    }

    // ---- JPEG segments

    /** Inserts a marker segment right after SOI. */
    static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(jpeg.length + 4 + payload.length);
        b.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload)
                .put(jpeg, 2, jpeg.length - 2);
        return b.array();
    }

    static byte[] withExif(byte[] jpeg, Map<Integer, String> ifd0, Map<Integer, String> exifIfd) {
        return withSegment(jpeg, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff(ifd0, exifIfd)));
    }

    static byte[] withXmp(byte[] jpeg, String xmp) {
        return withSegment(jpeg, 0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII),
                xmp.getBytes(StandardCharsets.UTF_8)));
    }

    /** An XMP packet declaring an IPTC digital source type. */
    static String xmpSourceType(String type) {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\""
                + " Iptc4xmpExt:DigitalSourceType=\"http://cv.iptc.org/newscodes/digitalsourcetype/" + type + "\"/>"
                + "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
    }

    /** A C2PA manifest store in a JUMBF superbox, as carried by JPEG APP11 (CBOR content simplified to text). */
    static byte[] jumbf(String assertions) {
        byte[] label = "c2pa\0".getBytes(StandardCharsets.US_ASCII);
        byte[] jumd = concat(new byte[16], new byte[]{3}, label);
        byte[] desc = box("jumd", jumd);
        byte[] content = box("cbor", assertions.getBytes(StandardCharsets.UTF_8));
        return box("jumb", concat(desc, content));
    }

    static byte[] app11(byte[] jumbf) {
        return concat(new byte[]{'J', 'P', 0, 1, 0, 0, 0, 1}, jumbf);
    }

    private static byte[] box(String type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putInt(8 + payload.length)
                .put(type.getBytes(StandardCharsets.US_ASCII)).put(payload).array();
    }

    /** A big-endian TIFF with ASCII entries in IFD0 and, through a pointer, the EXIF IFD. */
    static byte[] tiff(Map<Integer, String> ifd0, Map<Integer, String> exifIfd) {
        TreeMap<Integer, byte[]> first = ascii(ifd0);
        TreeMap<Integer, byte[]> exif = ascii(exifIfd);
        int ifd0Size = 2 + 12 * (first.size() + (exif.isEmpty() ? 0 : 1)) + 4;
        int ifd0Data = first.values().stream().mapToInt(v -> v.length > 4 ? v.length : 0).sum();
        int exifOffset = 8 + ifd0Size + ifd0Data;
        ByteBuffer b = ByteBuffer.allocate(exifOffset + 2 + 12 * exif.size() + 4
                + exif.values().stream().mapToInt(v -> v.length > 4 ? v.length : 0).sum());
        b.put(new byte[]{'M', 'M', 0, 42}).putInt(8);
        TreeMap<Integer, byte[]> entries = new TreeMap<>(first);
        writeIfd(b, 8, entries, exif.isEmpty() ? -1 : exifOffset);
        if (!exif.isEmpty()) {
            writeIfd(b, exifOffset, exif, -1);
        }
        return b.array();
    }

    private static void writeIfd(ByteBuffer b, int offset, TreeMap<Integer, byte[]> entries, int exifPointer) {
        int count = entries.size() + (exifPointer >= 0 ? 1 : 0);
        int dataAt = offset + 2 + 12 * count + 4;
        b.position(offset);
        b.putShort((short) count);
        TreeMap<Integer, Object> all = new TreeMap<>(entries);
        if (exifPointer >= 0) {
            all.put(EXIF_IFD_POINTER, exifPointer);
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Map.Entry<Integer, Object> e : all.entrySet()) {
            b.putShort(e.getKey().shortValue());
            if (e.getValue() instanceof Integer pointer) {
                b.putShort((short) 4).putInt(1).putInt(pointer);
                continue;
            }
            byte[] v = (byte[]) e.getValue();
            b.putShort((short) 2).putInt(v.length);
            if (v.length <= 4) {
                b.put(v).put(new byte[4 - v.length]);
            } else {
                b.putInt(dataAt + data.size());
                data.writeBytes(v);
            }
        }
        b.putInt(0);
        b.put(data.toByteArray());
    }

    private static TreeMap<Integer, byte[]> ascii(Map<Integer, String> values) {
        TreeMap<Integer, byte[]> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, (v + "\0").getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    // ---- PNG chunks

    /** Inserts a chunk right after IHDR. */
    static byte[] withPngChunk(byte[] png, String type, byte[] data) {
        int afterIhdr = 8 + 12 + 13;
        return concat(Arrays.copyOfRange(png, 0, afterIhdr), pngChunk(type, data),
                Arrays.copyOfRange(png, afterIhdr, png.length));
    }

    static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    static byte[] tEXt(String key, String value) {
        return concat(key.getBytes(StandardCharsets.ISO_8859_1), new byte[]{0}, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] zTXt(String key, String value) {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(z)) {
            d.write(value.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return concat(key.getBytes(StandardCharsets.ISO_8859_1), new byte[]{0, 0}, z.toByteArray());
    }

    static byte[] iTXt(String key, String value) {
        return concat(key.getBytes(StandardCharsets.ISO_8859_1), new byte[]{0, 0, 0, 0, 0}, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A PNG whose IHDR declares the size given and that ends right after it (a decompression bomb's header). */
    static byte[] pngHeaderOnly(int width, int height) {
        byte[] ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[]{8, 2, 0, 0, 0}).array();
        return concat(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, pngChunk("IHDR", ihdr));
    }

    // ---- WebP

    /** A lossless WebP container with a valid VP8L header (the bitstream after it is filler). */
    static byte[] webpLossless(int width, int height) {
        return riff(vp8l(width, height));
    }

    private static byte[] vp8l(int width, int height) {
        int bits = (width - 1) | ((height - 1) << 14);
        return chunk("VP8L", concat(new byte[]{0x2F},
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(bits).array(), new byte[11]));
    }

    /** An extended WebP whose VP8X canvas declares the size given. */
    static byte[] webpExtended(int width, int height) {
        ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.putInt(0);
        vp8x.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
        vp8x.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
        return riff(concat(chunk("VP8X", vp8x.array()), chunk("ALPH", new byte[4]),
                vp8l(Math.min(width, 16384), Math.min(height, 16384))));
    }

    /** A lossy WebP: VP8 key-frame tag, start code and 14-bit sizes. */
    static byte[] webpLossy(int width, int height) {
        ByteBuffer vp8 = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        vp8.put(new byte[]{0x10, 0x02, 0x00, (byte) 0x9D, 0x01, 0x2A}).putShort((short) width).putShort((short) height);
        return riff(chunk("VP8 ", vp8.array()));
    }

    private static byte[] chunk(String fourcc, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(fourcc.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return b.array();
    }

    private static byte[] riff(byte[] chunks) {
        ByteBuffer b = ByteBuffer.allocate(12 + chunks.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + chunks.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(chunks);
        return b.array();
    }

    /** The first bytes of a ZIP archive, whatever the file is called. */
    static byte[] zip() {
        return concat(new byte[]{'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}, new byte[200]);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
