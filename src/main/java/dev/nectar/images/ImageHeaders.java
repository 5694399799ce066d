package dev.nectar.images;

import dev.nectar.platform.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Sniffs the format by magic bytes and walks the container (JPEG markers, PNG chunks, GIF blocks, RIFF chunks)
 * without decoding pixels. Dimensions are checked against the pixel limit as soon as the header declares them,
 * so a decompression bomb is refused before anything allocates its raster; a walk that runs off the end or meets
 * a broken structure means a truncated or corrupt file.
 */
public final class ImageHeaders {
    /** Bound on what compressed PNG metadata (zTXt, iTXt, iCCP) may inflate to: the metadata reader inflates it all. */
    static final long MAX_INFLATED_METADATA = 8L * 1024 * 1024;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private ImageHeaders() {
    }

    /** @throws ApiException 415 UNSUPPORTED_TYPE or CORRUPT_IMAGE, 413 TOO_LARGE over {@code maxPixels} */
    public static ImageHeader read(byte[] data, long maxPixels) {
        try {
            if (startsWith(data, 0, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
                return jpeg(data, maxPixels);
            }
            if (startsWith(data, 0, PNG_SIGNATURE)) {
                return png(data, maxPixels);
            }
            if (startsWith(data, 0, ascii("GIF87a")) || startsWith(data, 0, ascii("GIF89a"))) {
                return gif(data, maxPixels);
            }
            if (startsWith(data, 0, ascii("RIFF")) && startsWith(data, 8, ascii("WEBP"))) {
                return webp(data, maxPixels);
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw corrupt("the image ends before its structure is complete");
        }
        throw ApiException.unsupported("only JPEG, PNG, WebP and GIF images are accepted");
    }

    private static ImageHeader jpeg(byte[] d, long maxPixels) {
        int pos = 2;
        int width = 0;
        int height = 0;
        List<byte[]> provenance = new ArrayList<>();
        while (true) {
            if (pos >= d.length) {
                throw corrupt("the JPEG is truncated (no end-of-image marker)");
            }
            if ((d[pos] & 0xFF) != 0xFF) {
                throw corrupt("the JPEG has a broken marker structure");
            }
            while (pos < d.length && (d[pos] & 0xFF) == 0xFF) {
                pos++; // fill bytes
            }
            int marker = d[pos++] & 0xFF;
            if (marker == 0xD9) {
                if (width == 0) {
                    throw corrupt("the JPEG has no frame");
                }
                return new ImageHeader(ImageFormat.JPEG, width, height, provenance);
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // markers without a length
            }
            int length = u16be(d, pos);
            if (length < 2 || pos + length > d.length) {
                throw corrupt("the JPEG is truncated inside a segment");
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof && width == 0) {
                height = u16be(d, pos + 3);
                width = u16be(d, pos + 5);
                if (width == 0 || height == 0) {
                    throw corrupt("the JPEG frame declares no size");
                }
                checkPixels(width, height, maxPixels);
            } else if (marker == 0xEB && length > 4 && d[pos + 2] == 'J' && d[pos + 3] == 'P') {
                provenance.add(Arrays.copyOfRange(d, pos + 2, pos + length));
            }
            pos += length;
            if (marker == 0xDA) {
                if (width == 0) {
                    throw corrupt("the JPEG scan comes before its frame");
                }
                pos = skipEntropyData(d, pos);
            }
        }
    }

    /** Skips entropy-coded bytes up to the next real marker: 0xFF00 is a stuffed byte, 0xFFD0-D7 restart markers. */
    private static int skipEntropyData(byte[] d, int pos) {
        int last = d.length - 1;
        while (pos < last) {
            if ((d[pos] & 0xFF) == 0xFF) {
                int next = d[pos + 1] & 0xFF;
                if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                    pos += 2;
                    continue;
                }
                if (next != 0xFF) {
                    return pos;
                }
            }
            pos++;
        }
        throw corrupt("the JPEG is truncated inside its image data");
    }

    private static ImageHeader png(byte[] d, long maxPixels) {
        if (u32be(d, 8) != 13 || !startsWith(d, 12, ascii("IHDR"))) {
            throw corrupt("the PNG does not start with an IHDR chunk");
        }
        long width = u32be(d, 16);
        long height = u32be(d, 20);
        if (width == 0 || height == 0) {
            throw corrupt("the PNG declares no size");
        }
        checkPixels(width, height, maxPixels);
        List<byte[]> provenance = new ArrayList<>();
        boolean data = false;
        long inflated = 0;
        int pos = 8;
        CRC32 crc = new CRC32();
        while (true) {
            if (pos + 12 > d.length) {
                throw corrupt("the PNG is truncated (no IEND chunk)");
            }
            long length = u32be(d, pos);
            if (length > d.length - pos - 12) {
                throw corrupt("the PNG is truncated inside a chunk");
            }
            int len = (int) length;
            crc.reset();
            crc.update(d, pos + 4, len + 4);
            if (crc.getValue() != u32be(d, pos + 8 + len)) {
                throw corrupt("a PNG chunk fails its CRC check");
            }
            String type = new String(d, pos + 4, 4, StandardCharsets.ISO_8859_1);
            switch (type) {
                case "IDAT" -> data = true;
                case "caBX" -> provenance.add(Arrays.copyOfRange(d, pos + 8, pos + 8 + len));
                case "zTXt", "iCCP", "iTXt" -> {
                    int start = compressedStart(type, d, pos + 8, pos + 8 + len);
                    if (start >= 0) {
                        inflated += inflatedSize(d, start, pos + 8 + len, MAX_INFLATED_METADATA - inflated);
                    }
                }
                case "IEND" -> {
                    if (!data) {
                        throw corrupt("the PNG has no image data");
                    }
                    return new ImageHeader(ImageFormat.PNG, (int) width, (int) height, provenance);
                }
                default -> {
                }
            }
            pos += 12 + len;
        }
    }

    /** Where the compressed bytes of a text or ICC chunk start, or -1 when it holds none (uncompressed iTXt). */
    private static int compressedStart(String type, byte[] d, int from, int to) {
        int keywordEnd = indexOfZero(d, from, to);
        if (keywordEnd < 0) {
            throw corrupt("a PNG " + type + " chunk is malformed");
        }
        if (!type.equals("iTXt")) {
            return keywordEnd + 2; // keyword NUL, compression method
        }
        if (keywordEnd + 2 >= to || d[keywordEnd + 1] == 0) {
            return -1;
        }
        int languageEnd = indexOfZero(d, keywordEnd + 3, to);
        int translatedEnd = languageEnd < 0 ? -1 : indexOfZero(d, languageEnd + 1, to);
        if (translatedEnd < 0) {
            throw corrupt("a PNG iTXt chunk is malformed");
        }
        return translatedEnd + 1;
    }

    private static int indexOfZero(byte[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            if (d[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Inflates into a scratch buffer only to count, refusing a zip bomb in metadata before anyone inflates it for real. */
    private static long inflatedSize(byte[] d, int from, int to, long budget) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(d, from, Math.max(0, to - from));
            byte[] scratch = new byte[64 * 1024];
            long total = 0;
            while (!inflater.finished() && !inflater.needsInput()) {
                int n = inflater.inflate(scratch);
                if (n == 0 && (inflater.needsDictionary() || inflater.needsInput())) {
                    break;
                }
                total += n;
                if (total > budget) {
                    throw ApiException.tooLarge("the PNG's compressed metadata expands to more than "
                            + MAX_INFLATED_METADATA + " bytes");
                }
            }
            return total;
        } catch (DataFormatException e) {
            return 0; // unreadable text is ignored by the metadata reader too
        } finally {
            inflater.end();
        }
    }

    private static ImageHeader gif(byte[] d, long maxPixels) {
        int width = u16le(d, 6);
        int height = u16le(d, 8);
        if (width == 0 || height == 0) {
            throw corrupt("the GIF declares no size");
        }
        checkPixels(width, height, maxPixels);
        int packed = d[10] & 0xFF;
        int pos = 13 + ((packed & 0x80) != 0 ? 3 << ((packed & 7) + 1) : 0);
        boolean frame = false;
        while (true) {
            int block = d[pos++] & 0xFF;
            if (block == 0x3B) {
                if (!frame) {
                    throw corrupt("the GIF has no frame");
                }
                return new ImageHeader(ImageFormat.GIF, width, height, List.of());
            }
            if (block == 0x21) {
                pos = skipSubBlocks(d, pos + 1);
            } else if (block == 0x2C) {
                // a frame may declare a bigger size than the logical screen; decoders allocate for it
                checkPixels(u16le(d, pos + 4), u16le(d, pos + 6), maxPixels);
                int framePacked = d[pos + 8] & 0xFF;
                pos += 9 + ((framePacked & 0x80) != 0 ? 3 << ((framePacked & 7) + 1) : 0);
                pos = skipSubBlocks(d, pos + 1); // after the LZW minimum code size
                frame = true;
            } else {
                throw corrupt("the GIF has a broken block structure");
            }
        }
    }

    private static int skipSubBlocks(byte[] d, int pos) {
        while (true) {
            int size = d[pos] & 0xFF;
            pos += 1 + size;
            if (size == 0) {
                return pos;
            }
        }
    }

    private static ImageHeader webp(byte[] d, long maxPixels) {
        long riffEnd = 8 + u32le(d, 4);
        if (riffEnd > d.length) {
            throw corrupt("the WebP is truncated");
        }
        int pos = 12;
        int width = 0;
        int height = 0;
        boolean data = false;
        List<byte[]> provenance = new ArrayList<>();
        while (pos + 8 <= riffEnd) {
            String fourcc = new String(d, pos, 4, StandardCharsets.ISO_8859_1);
            long size = u32le(d, pos + 4);
            if (pos + 8 + size > riffEnd) {
                throw corrupt("the WebP is truncated inside a chunk");
            }
            int body = pos + 8;
            switch (fourcc) {
                case "VP8X" -> {
                    width = u24le(d, body + 4) + 1;
                    height = u24le(d, body + 7) + 1;
                    checkPixels(width, height, maxPixels);
                }
                case "VP8 ", "VP8L" -> {
                    int[] size2 = fourcc.equals("VP8 ") ? vp8Size(d, body) : vp8lSize(d, body);
                    checkPixels(size2[0], size2[1], maxPixels);
                    if (width == 0) {
                        width = size2[0];
                        height = size2[1];
                    }
                    data = true;
                }
                case "ANMF" -> data = true;
                case "C2PA" -> provenance.add(Arrays.copyOfRange(d, body, body + (int) size));
                default -> {
                }
            }
            pos = body + (int) size + (int) (size & 1);
        }
        if (!data || width == 0) {
            throw corrupt("the WebP has no image data");
        }
        return new ImageHeader(ImageFormat.WEBP, width, height, provenance);
    }

    /** Lossy bitstream: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height. */
    private static int[] vp8Size(byte[] d, int body) {
        if ((d[body] & 1) != 0 || (d[body + 3] & 0xFF) != 0x9D || (d[body + 4] & 0xFF) != 0x01 || (d[body + 5] & 0xFF) != 0x2A) {
            throw corrupt("the WebP VP8 frame header is broken");
        }
        return new int[]{u16le(d, body + 6) & 0x3FFF, u16le(d, body + 8) & 0x3FFF};
    }

    /** Lossless bitstream: signature 0x2F, then width-1 and height-1 in 14 bits each. */
    private static int[] vp8lSize(byte[] d, int body) {
        if ((d[body] & 0xFF) != 0x2F) {
            throw corrupt("the WebP VP8L header is broken");
        }
        long bits = u32le(d, body + 1);
        return new int[]{(int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1};
    }

    private static void checkPixels(long width, long height, long maxPixels) {
        if (width * height > maxPixels) {
            throw ApiException.tooLarge("the image declares " + width + " x " + height + " pixels, more than the "
                    + maxPixels + " allowed");
        }
    }

    static ApiException corrupt(String message) {
        return new ApiException(415, "CORRUPT_IMAGE", message, "file");
    }

    private static boolean startsWith(byte[] d, int offset, byte[] prefix) {
        if (d.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (d[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int u16be(byte[] d, int p) {
        return ((d[p] & 0xFF) << 8) | (d[p + 1] & 0xFF);
    }

    private static int u16le(byte[] d, int p) {
        return (d[p] & 0xFF) | ((d[p + 1] & 0xFF) << 8);
    }

    private static int u24le(byte[] d, int p) {
        return (d[p] & 0xFF) | ((d[p + 1] & 0xFF) << 8) | ((d[p + 2] & 0xFF) << 16);
    }

    private static long u32be(byte[] d, int p) {
        return ((long) u16be(d, p) << 16) | u16be(d, p + 2);
    }

    private static long u32le(byte[] d, int p) {
        return u16le(d, p) | ((long) u16le(d, p + 2) << 16);
    }
}
