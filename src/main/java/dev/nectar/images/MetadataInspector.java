package dev.nectar.images;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.KeyValuePair;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.StringValue;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.xmp.XmpDirectory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the metadata says about an image's origin (EXIF, XMP, IPTC, PNG text via metadata-extractor; JUMBF/C2PA
 * payloads found by {@link ImageHeaders}) and turns it into signals. Never decodes pixels.
 */
public final class MetadataInspector {
    static final double GENERATOR_WEIGHT = 0.95;
    static final double EDITOR_WEIGHT = 0.35;
    static final double EDITED_AFTER_CAPTURE_WEIGHT = 0.55;
    static final double NO_CAMERA_WEIGHT = 0.15;

    /** Names AI generators write into Software, Make, Model or XMP CreatorTool. */
    private static final List<String> GENERATORS = List.of("midjourney", "dall-e", "dall·e", "dalle", "stable diffusion",
            "stablediffusion", "firefly", "novelai", "comfyui", "automatic1111", "invokeai", "fooocus", "ideogram",
            "leonardo.ai", "通义万相", "文心一格", "即梦", "可灵", "豆包", "liblib");

    /** Editing applications as they name themselves in EXIF Software or XMP CreatorTool. */
    private static final List<String> EDITORS = List.of("photoshop", "lightroom", "gimp", "美图秀秀", "meitu", "mtxx",
            "snapseed", "picsart", "醒图", "polarr", "泼辣修图", "vsco", "pixelmator", "affinity photo", "facetune",
            "fotor", "canva", "黄油相机", "轻颜", "faceu", "photodirector", "paint.net");

    /** PNG text keys that generator front-ends write (A1111/Forge "parameters", ComfyUI "prompt"/"workflow", ...). */
    private static final List<String> GENERATOR_PNG_KEYS = List.of("parameters", "prompt", "workflow",
            "invokeai_metadata", "sd-metadata", "dream", "fooocus_scheme", "generation_data");

    /** IPTC digital source types that mean generated or composited by an algorithm. */
    private static final List<String> SYNTHETIC_SOURCES = List.of("trainedalgorithmicmedia", "compositesynthetic",
            "algorithmicmedia", "compositewithtrainedalgorithmicmedia");

    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);

    private MetadataInspector() {
    }

    /**
     * @param capturedAt EXIF DateTimeOriginal, or null
     */
    public record Inspection(List<Signal> signals, OffsetDateTime capturedAt) {
    }

    public static Inspection inspect(byte[] bytes, ImageHeader header, ZoneId exifZone) {
        Metadata metadata = read(bytes);
        List<Signal> signals = new ArrayList<>();
        Map<String, String> pngText = pngText(metadata);
        Map<String, String> xmp = xmp(metadata);

        generatorText(pngText).ifPresent(signals::add);
        syntheticSource(metadata, xmp).ifPresent(signals::add);
        c2pa(header.provenance()).ifPresent(signals::add);

        String software = exifText(metadata, ExifIFD0Directory.class, ExifDirectoryBase.TAG_SOFTWARE);
        String make = exifText(metadata, ExifIFD0Directory.class, ExifDirectoryBase.TAG_MAKE);
        String model = exifText(metadata, ExifIFD0Directory.class, ExifDirectoryBase.TAG_MODEL);
        String creatorTool = xmp.entrySet().stream().filter(e -> e.getKey().endsWith(":CreatorTool"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        Map<String, String> tools = new LinkedHashMap<>();
        putIfPresent(tools, "EXIF Software", software);
        putIfPresent(tools, "EXIF Make", make);
        putIfPresent(tools, "EXIF Model", model);
        putIfPresent(tools, "XMP CreatorTool", creatorTool);
        putIfPresent(tools, "PNG Software", pngText.get("software"));
        tools.entrySet().stream().filter(e -> containsAny(e.getValue(), GENERATORS)).findFirst()
                .ifPresent(e -> signals.add(Signal.strong("ai_generator_software",
                        e.getKey() + " names an AI image generator: " + clip(e.getValue()), GENERATOR_WEIGHT)));

        OffsetDateTime captured = exifTime(metadata, ExifDirectoryBase.TAG_DATETIME_ORIGINAL, ExifSubIFDDirectory.class, exifZone);
        OffsetDateTime modified = exifTime(metadata, ExifDirectoryBase.TAG_DATETIME, ExifIFD0Directory.class, exifZone);
        tools.entrySet().stream().filter(e -> !e.getKey().equals("EXIF Make") && !e.getKey().equals("EXIF Model"))
                .filter(e -> containsAny(e.getValue(), EDITORS)).findFirst()
                .ifPresent(e -> signals.add(editing(e.getKey(), e.getValue(), captured, modified)));

        if (make == null && model == null && captured == null) {
            signals.add(Signal.weak("missing_camera_metadata",
                    "no camera make, model or capture time (screenshots, messaging apps and generators strip them)",
                    NO_CAMERA_WEIGHT));
        }
        return new Inspection(signals, captured);
    }

    private static Signal editing(String where, String tool, OffsetDateTime captured, OffsetDateTime modified) {
        if (captured != null && modified != null && modified.isAfter(captured)) {
            return Signal.weak("editing_software", where + " names an editor (" + clip(tool) + ") and the file was "
                    + "modified at " + modified + ", after its capture at " + captured, EDITED_AFTER_CAPTURE_WEIGHT);
        }
        return Signal.weak("editing_software", where + " names an editor: " + clip(tool), EDITOR_WEIGHT);
    }

    private static Optional<Signal> generatorText(Map<String, String> pngText) {
        for (String key : GENERATOR_PNG_KEYS) {
            String value = pngText.get(key);
            if (value != null && !value.isBlank()) {
                return Optional.of(Signal.strong("ai_generator_metadata",
                        "PNG text chunk \"" + key + "\" holds generation settings: " + clip(value), GENERATOR_WEIGHT));
            }
        }
        String software = pngText.getOrDefault("software", "");
        String comment = pngText.getOrDefault("comment", "");
        if (software.toLowerCase(Locale.ROOT).contains("novelai") || comment.contains("\"prompt\"")) {
            return Optional.of(Signal.strong("ai_generator_metadata",
                    "PNG text names NovelAI or carries a generation prompt: " + clip(software + " " + comment), GENERATOR_WEIGHT));
        }
        return Optional.empty();
    }

    private static Optional<Signal> syntheticSource(Metadata metadata, Map<String, String> xmp) {
        for (Map.Entry<String, String> e : xmp.entrySet()) {
            if (containsAny(e.getValue(), SYNTHETIC_SOURCES)) {
                return Optional.of(Signal.strong("ai_source_type", "XMP " + e.getKey() + " = " + clip(e.getValue()), GENERATOR_WEIGHT));
            }
        }
        for (IptcDirectory iptc : metadata.getDirectoriesOfType(IptcDirectory.class)) {
            for (var tag : iptc.getTags()) {
                if (containsAny(tag.getDescription(), SYNTHETIC_SOURCES)) {
                    return Optional.of(Signal.strong("ai_source_type", "IPTC " + tag.getTagName() + " = "
                            + clip(tag.getDescription()), GENERATOR_WEIGHT));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * C2PA manifests are CBOR inside JUMBF boxes, so their labels and IPTC source-type URIs appear as plain UTF-8;
     * a byte search finds an AI assertion without a CBOR parser. Signatures are not validated: a manifest is a
     * voluntary declaration, and one that says "AI" is believed.
     */
    private static Optional<Signal> c2pa(List<byte[]> provenance) {
        for (byte[] box : provenance) {
            String text = new String(box, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            if (!text.contains("c2pa")) {
                continue;
            }
            if (containsAny(text, SYNTHETIC_SOURCES)) {
                return Optional.of(Signal.strong("c2pa_ai_manifest",
                        "a C2PA manifest declares the content as AI-generated (digitalSourceType)", GENERATOR_WEIGHT));
            }
            Optional<String> generator = GENERATORS.stream().filter(g -> text.contains(new String(
                    g.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))).findFirst();
            if (generator.isPresent()) {
                return Optional.of(Signal.strong("c2pa_ai_manifest",
                        "a C2PA manifest names an AI generator: " + generator.get(), GENERATOR_WEIGHT));
            }
            return Optional.of(Signal.weak("c2pa_manifest", "a C2PA provenance manifest without AI assertions", 0.0));
        }
        return Optional.empty();
    }

    private static Metadata read(byte[] bytes) {
        try {
            return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
        } catch (Exception | StackOverflowError e) {
            // broken metadata says nothing either way; the container itself was already checked
            return new Metadata();
        }
    }

    /** PNG tEXt/zTXt/iTXt entries, keys lower-cased. */
    private static Map<String, String> pngText(Metadata metadata) {
        Map<String, String> text = new LinkedHashMap<>();
        for (PngDirectory png : metadata.getDirectoriesOfType(PngDirectory.class)) {
            Object value = png.getObject(PngDirectory.TAG_TEXTUAL_DATA);
            if (value instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof KeyValuePair kv && kv.getValue() != null) {
                        text.putIfAbsent(kv.getKey().toLowerCase(Locale.ROOT), utf8(kv.getValue()));
                    }
                }
            }
        }
        return text;
    }

    private static Map<String, String> xmp(Metadata metadata) {
        Map<String, String> all = new LinkedHashMap<>();
        for (XmpDirectory x : metadata.getDirectoriesOfType(XmpDirectory.class)) {
            all.putAll(x.getXmpProperties());
        }
        return all;
    }

    private static String exifText(Metadata metadata, Class<? extends Directory> type, int tag) {
        for (Directory d : metadata.getDirectoriesOfType(type)) {
            StringValue value = d.getStringValue(tag);
            if (value != null) {
                String s = utf8(value).trim();
                if (!s.isEmpty()) {
                    return s;
                }
            }
        }
        return null;
    }

    private static OffsetDateTime exifTime(Metadata metadata, int tag, Class<? extends Directory> type, ZoneId zone) {
        String text = exifText(metadata, type, tag);
        if (text == null) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text.length() > 19 ? text.substring(0, 19) : text, EXIF_TIME);
            String offset = tag == ExifDirectoryBase.TAG_DATETIME_ORIGINAL
                    ? exifText(metadata, ExifSubIFDDirectory.class, ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL) : null;
            ZoneOffset zoneOffset = offset != null ? ZoneOffset.of(offset) : zone.getRules().getOffset(local);
            return local.atOffset(zoneOffset);
        } catch (DateTimeException e) {
            return null; // "0000:00:00 00:00:00" and other placeholders
        }
    }

    /** EXIF ASCII fields often carry UTF-8 (Chinese app names); metadata-extractor keeps the raw bytes. */
    private static String utf8(StringValue value) {
        return new String(value.getBytes(), StandardCharsets.UTF_8).replace("\u0000", "");
    }

    private static boolean containsAny(String value, List<String> needles) {
        if (value == null) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return needles.stream().anyMatch(lower::contains);
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    /** Keeps details readable and bounded; prompts can be kilobytes long. */
    private static String clip(String s) {
        String flat = s.replaceAll("\\s+", " ").trim();
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
