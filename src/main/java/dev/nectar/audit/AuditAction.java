package dev.nectar.audit;

/** The actions the audit log records (the contract's names). */
public enum AuditAction {
    CASE_CREATED, CASE_DECIDED, ORDER_CANCELLED, POLICY_CHANGED, API_KEY_ROTATED, TOKENS_REVOKED, AGENT_TOKEN_ROTATED,
    KNOWLEDGE_CHANGED, BUYER_ERASED
}
