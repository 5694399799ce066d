package dev.nectar.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Random;

/**
 * Stored conversations for the quality-inspection row, written straight into the node's database while it is
 * stopped: closed, with buyer, bot and agent turns of the kinds the rules read (a question, an answer from an order
 * lookup, now and then a phone number or a low rating).
 */
final class Inspections {
    private Inspections() {
    }

    static void write(String url, String merchantId, int conversations) throws Exception {
        Random r = new Random(11);
        Instant start = Instant.now().minusSeconds(3600);
        // the embedded server's own user (platform.Database)
        try (Connection c = DriverManager.getConnection(url, "nectar", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement conv = c.prepareStatement("INSERT INTO conversations (conversation_id, merchant_id, buyer_id, "
                    + "status, created_at, updated_at, rating, state) VALUES (?, ?, ?, 'CLOSED', ?, ?, ?, '{}')");
                 PreparedStatement turn = c.prepareStatement("INSERT INTO turns (conversation_id, seq, role, body, at) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < conversations; i++) {
                    String id = "cv-bench-q-" + i;
                    Instant at = start.plusMillis(i * 100L);
                    conv.setString(1, id);
                    conv.setString(2, merchantId);
                    conv.setString(3, "qb-" + (i % 500));
                    conv.setTimestamp(4, Timestamp.from(at));
                    conv.setTimestamp(5, Timestamp.from(at.plusSeconds(40)));
                    conv.setObject(6, i % 7 == 0 ? 2 : 5);
                    conv.addBatch();
                    String[][] turns = {
                            {"BUYER", "我的订单" + (1000 + i) + "到哪了?"},
                            {"BOT", "您的订单已发货,顺丰运单 SF" + r.nextInt(1_000_000) + ",预计明天送达。",
                                    "{\"tool\":\"logistics_tracking\",\"args\":{\"orderId\":\"B-" + i + "\"},\"ok\":true,\"summary\":\"运输中\",\"status\":\"IN_TRANSIT\"}"},
                            {"BUYER", i % 3 == 0 ? "能不能改个地址" : "好的谢谢"},
                            {"BOT", i % 11 == 0 ? "可以联系 139" + String.format("%08d", r.nextInt(100_000_000)) + " 处理" : "好的,已为您记录,有问题随时找我。"},
                    };
                    for (int t = 0; t < turns.length; t++) {
                        String calls = turns[t].length > 2 ? ",\"toolCalls\":[" + turns[t][2] + "]" : "";
                        Instant turnAt = at.plusSeconds(10L * t);
                        turn.setString(1, id);
                        turn.setInt(2, t + 1);
                        turn.setString(3, turns[t][0]);
                        turn.setString(4, "{\"role\":\"" + turns[t][0] + "\",\"text\":\"" + turns[t][1] + "\",\"at\":\"" + turnAt + "\"" + calls + "}");
                        turn.setTimestamp(5, Timestamp.from(turnAt));
                        turn.addBatch();
                    }
                    if (i % 500 == 499) {
                        conv.executeBatch();
                        turn.executeBatch();
                        c.commit();
                    }
                }
                conv.executeBatch();
                turn.executeBatch();
                c.commit();
            }
        }
    }

    /** The floor: reading the same conversations and their turns back, one conversation at a time, as inspection does. */
    static double readRate(String url, int conversations) throws Exception {
        long t0 = System.nanoTime();
        int rows = 0;
        try (Connection c = DriverManager.getConnection(url, "nectar", "");
             PreparedStatement conv = c.prepareStatement("SELECT * FROM conversations WHERE conversation_id = ?");
             PreparedStatement turns = c.prepareStatement("SELECT body FROM turns WHERE conversation_id = ? ORDER BY seq")) {
            for (int i = 0; i < conversations; i++) {
                conv.setString(1, "cv-bench-q-" + i);
                turns.setString(1, "cv-bench-q-" + i);
                try (ResultSet a = conv.executeQuery(); ResultSet b = turns.executeQuery()) {
                    while (a.next()) {
                        rows++;
                    }
                    while (b.next()) {
                        rows += b.getString(1).isEmpty() ? 0 : 1;
                    }
                }
            }
        }
        if (rows < conversations) {
            throw new IllegalStateException("read back " + rows + " rows of " + conversations + " conversations");
        }
        return conversations / ((System.nanoTime() - t0) / 1e9);
    }
}
