package dev.nectar.images;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static dev.nectar.images.TestImages.DATE_TIME;
import static dev.nectar.images.TestImages.DATE_TIME_ORIGINAL;
import static dev.nectar.images.TestImages.MAKE;
import static dev.nectar.images.TestImages.MODEL;
import static dev.nectar.images.TestImages.SOFTWARE;
import static dev.nectar.images.TestImages.scene;
import static org.assertj.core.api.Assertions.assertThat;

/** Signals and verdicts from what the image alone shows, on images built here with each marker. */
class ImageAnalyzerTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void cameraPhotosWithPlainExifAreAuthenticWithoutSignals() {
        for (int seed = 0; seed < 5; seed++) {
            ImageAnalyzer.Analysis a = analyze(TestImages.cameraJpeg(seed, "2026:03:0" + (seed + 1) + " 10:15:00"));
            assertThat(a.signals()).as("seed %d", seed).isEmpty();
            assertThat(verdict(a)).isEqualTo(Verdict.AUTHENTIC);
            assertThat(a.capturedAt()).isEqualTo(OffsetDateTime.parse("2026-03-0" + (seed + 1) + "T10:15:00+08:00"));
            assertThat(a.phash()).isNotNull();
        }
    }

    @Test
    void withoutCameraMetadataOnlyAWeakSignalRemains() {
        ImageAnalyzer.Analysis a = analyze(TestImages.jpeg(scene(11, 500, 400), 0.85f));
        assertThat(names(a)).containsExactly("missing_camera_metadata");
        assertThat(verdict(a)).isEqualTo(Verdict.AUTHENTIC);
        assertThat(a.capturedAt()).isNull();
    }

    @Test
    void stableDiffusionParametersInPngTextAreFake() {
        byte[] png = TestImages.withPngChunk(TestImages.encode(scene(12, 256, 256), "png"), "tEXt",
                TestImages.tEXt("parameters", "a cracked ceramic bowl on a table, photo\nSteps: 30, Sampler: DPM++ 2M, CFG scale: 7, Seed: 42"));
        ImageAnalyzer.Analysis a = analyze(png);
        assertThat(names(a)).contains("ai_generator_metadata");
        assertThat(verdict(a)).isEqualTo(Verdict.FAKE);
    }

    @Test
    void comfyUiWorkflowInCompressedTextIsFake() {
        byte[] png = TestImages.withPngChunk(TestImages.encode(scene(13, 200, 200), "png"), "zTXt",
                TestImages.zTXt("workflow", "{\"nodes\":[{\"type\":\"KSampler\"}]}"));
        assertThat(verdict(analyze(png))).isEqualTo(Verdict.FAKE);
    }

    @Test
    void novelAiSoftwareAndPromptCommentAreFake() {
        byte[] png = TestImages.encode(scene(14, 200, 200), "png");
        png = TestImages.withPngChunk(png, "tEXt", TestImages.tEXt("Software", "NovelAI"));
        assertThat(verdict(analyze(png))).isEqualTo(Verdict.FAKE);
        byte[] comment = TestImages.withPngChunk(TestImages.encode(scene(15, 200, 200), "png"), "iTXt",
                TestImages.iTXt("Comment", "{\"prompt\": \"broken phone screen\", \"steps\": 28}"));
        assertThat(verdict(analyze(comment))).isEqualTo(Verdict.FAKE);
    }

    @Test
    void anOrdinaryPngCommentIsNotAGeneratorMarker() {
        byte[] png = TestImages.withPngChunk(TestImages.encode(scene(16, 200, 200), "png"), "tEXt",
                TestImages.tEXt("Comment", "screenshot of my order page"));
        assertThat(names(analyze(png))).doesNotContain("ai_generator_metadata");
    }

    @Test
    void xmpDigitalSourceTypeOfTrainedAlgorithmicMediaIsFake() {
        byte[] jpeg = TestImages.withXmp(TestImages.jpeg(scene(17, 300, 200), 0.9f),
                TestImages.xmpSourceType("trainedAlgorithmicMedia"));
        ImageAnalyzer.Analysis a = analyze(jpeg);
        assertThat(names(a)).contains("ai_source_type");
        assertThat(verdict(a)).isEqualTo(Verdict.FAKE);

        byte[] png = TestImages.withPngChunk(TestImages.encode(scene(18, 200, 200), "png"), "iTXt",
                TestImages.iTXt("XML:com.adobe.xmp", TestImages.xmpSourceType("compositeSynthetic")));
        assertThat(verdict(analyze(png))).isEqualTo(Verdict.FAKE);
    }

    @Test
    void xmpDigitalCaptureIsNotFlagged() {
        byte[] jpeg = TestImages.withXmp(TestImages.cameraJpeg(19, "2026:01:02 08:00:00"),
                TestImages.xmpSourceType("digitalCapture"));
        assertThat(verdict(analyze(jpeg))).isEqualTo(Verdict.AUTHENTIC);
    }

    @Test
    void c2paManifestWithAnAiAssertionIsFake() {
        byte[] manifest = TestImages.jumbf("{\"c2pa.actions\":[{\"action\":\"c2pa.created\",\"digitalSourceType\":"
                + "\"http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia\"}]}");
        byte[] jpeg = TestImages.withSegment(TestImages.jpeg(scene(20, 300, 200), 0.9f), 0xEB, TestImages.app11(manifest));
        ImageAnalyzer.Analysis a = analyze(jpeg);
        assertThat(names(a)).contains("c2pa_ai_manifest");
        assertThat(verdict(a)).isEqualTo(Verdict.FAKE);

        byte[] png = TestImages.withPngChunk(TestImages.encode(scene(21, 200, 200), "png"), "caBX", manifest);
        assertThat(verdict(analyze(png))).isEqualTo(Verdict.FAKE);
    }

    @Test
    void c2paManifestOfACameraIsOnlyNoted() {
        byte[] manifest = TestImages.jumbf("{\"c2pa.actions\":[{\"action\":\"c2pa.created\",\"digitalSourceType\":"
                + "\"http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture\"}]}");
        byte[] jpeg = TestImages.withSegment(TestImages.cameraJpeg(22, "2026:02:02 12:00:00"), 0xEB, TestImages.app11(manifest));
        ImageAnalyzer.Analysis a = analyze(jpeg);
        assertThat(names(a)).containsExactly("c2pa_manifest");
        assertThat(verdict(a)).isEqualTo(Verdict.AUTHENTIC);
    }

    @Test
    void generatorNamesInExifAreFake() {
        for (String software : List.of("Midjourney v6", "DALL-E 3", "Stable Diffusion XL", "Adobe Firefly", "通义万相", "文心一格", "即梦AI")) {
            byte[] jpeg = TestImages.withExif(TestImages.jpeg(scene(23, 240, 180), 0.9f), Map.of(SOFTWARE, software), Map.of());
            ImageAnalyzer.Analysis a = analyze(jpeg);
            assertThat(names(a)).as(software).contains("ai_generator_software");
            assertThat(verdict(a)).as(software).isEqualTo(Verdict.FAKE);
        }
        byte[] make = TestImages.withExif(TestImages.jpeg(scene(24, 240, 180), 0.9f), Map.of(MAKE, "Midjourney"), Map.of());
        assertThat(verdict(analyze(make))).isEqualTo(Verdict.FAKE);
    }

    @Test
    void editingSoftwareIsNotedAndSuspiciousWhenModifiedAfterCapture() {
        for (String editor : List.of("Adobe Photoshop 25.1 (Windows)", "GIMP 2.10", "美图秀秀", "Snapseed", "PicsArt", "醒图", "Polarr")) {
            byte[] edited = TestImages.withExif(TestImages.jpeg(scene(25, 320, 240), 0.9f),
                    Map.of(MAKE, "HUAWEI", MODEL, "P60", SOFTWARE, editor, DATE_TIME, "2026:04:03 21:00:00"),
                    Map.of(DATE_TIME_ORIGINAL, "2026:04:01 09:30:00"));
            ImageAnalyzer.Analysis a = analyze(edited);
            assertThat(names(a)).as(editor).containsExactly("editing_software");
            assertThat(a.signals().get(0).weight()).isEqualTo(MetadataInspector.EDITED_AFTER_CAPTURE_WEIGHT);
            assertThat(verdict(a)).as(editor).isEqualTo(Verdict.SUSPICIOUS);
        }
        byte[] exportOnly = TestImages.withExif(TestImages.jpeg(scene(26, 320, 240), 0.9f),
                Map.of(MAKE, "HUAWEI", MODEL, "P60", SOFTWARE, "Adobe Photoshop Lightroom Classic 13.0"),
                Map.of(DATE_TIME_ORIGINAL, "2026:04:01 09:30:00"));
        ImageAnalyzer.Analysis a = analyze(exportOnly);
        assertThat(a.signals()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("editing_software");
            assertThat(s.weight()).isEqualTo(MetadataInspector.EDITOR_WEIGHT);
        });
        assertThat(verdict(a)).isEqualTo(Verdict.AUTHENTIC);
    }

    @Test
    void phoneFirmwareInSoftwareIsNotEditing() {
        byte[] jpeg = TestImages.withExif(TestImages.jpeg(scene(27, 320, 240), 0.9f),
                Map.of(MAKE, "Apple", MODEL, "iPhone 15", SOFTWARE, "17.4.1", DATE_TIME, "2026:04:01 09:30:00"),
                Map.of(DATE_TIME_ORIGINAL, "2026:04:01 09:30:00"));
        assertThat(analyze(jpeg).signals()).isEmpty();
    }

    @Test
    void gifAndWebpAreAcceptedWithoutPixelSignals() {
        ImageAnalyzer.Analysis gif = analyze(TestImages.encode(scene(28, 120, 90), "gif"));
        assertThat(gif.header().format()).isEqualTo(ImageFormat.GIF);
        assertThat(gif.phash()).isNotNull();
        ImageAnalyzer.Analysis webp = analyze(TestImages.webpLossless(640, 480));
        assertThat(webp.header().format()).isEqualTo(ImageFormat.WEBP);
        assertThat(webp.phash()).isNull();
        assertThat(webp.sha256()).hasSize(64);
    }

    static ImageAnalyzer.Analysis analyze(byte[] bytes) {
        return ImageAnalyzer.analyze(bytes, 40_000_000L, SHANGHAI);
    }

    static Verdict verdict(ImageAnalyzer.Analysis a) {
        return VerdictRule.decide("img", a.signals(), 0.5).verdict();
    }

    static List<String> names(ImageAnalyzer.Analysis a) {
        return a.signals().stream().map(Signal::name).toList();
    }
}
