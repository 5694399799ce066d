package dev.nectar.images;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ImageStore} must do, run against each implementation. */
abstract class ImageStoreContract {

    abstract ImageStore store();

    @Test
    void keepsBytesPerMerchantAndBuyer() {
        byte[] bytes = TestImages.jpeg(TestImages.scene(1, 64, 48), 0.8f);
        store().put("shop-a", "buyer 1", "img_one", bytes);
        assertThat(store().get("shop-a", "buyer 1", "img_one")).hasValue(bytes);
        assertThat(store().get("shop-a", "buyer 2", "img_one")).isEmpty();
        assertThat(store().get("shop-b", "buyer 1", "img_one")).isEmpty();
        assertThat(store().get("shop-a", "buyer 1", "img_two")).isEmpty();
    }

    @Test
    void deletesOnlyWhatItIsAskedTo() {
        store().put("shop-c", "b1", "img_a", new byte[]{1, 2, 3});
        store().put("shop-c", "b1", "img_b", new byte[]{4, 5});
        store().delete("shop-c", "b2", "img_a");
        assertThat(store().get("shop-c", "b1", "img_a")).isPresent();
        store().delete("shop-c", "b1", "img_a");
        assertThat(store().get("shop-c", "b1", "img_a")).isEmpty();
        assertThat(store().get("shop-c", "b1", "img_b")).hasValueSatisfying(b -> assertThat(b).containsExactly(4, 5));
    }
}
