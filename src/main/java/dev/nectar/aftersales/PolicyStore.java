package dev.nectar.aftersales;

/** Each merchant's policy; a merchant that never set one gets the defaults. */
public interface PolicyStore {

    Policy get(String merchantId);

    void put(String merchantId, Policy policy);
}
