package org.openvrrs.plugin.accounting.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvrrs.plugin.accounting.internal.radius.RadiusAttribute;

class DurableQueueTest {
    @TempDir
    Path dir;

    private static AccountingRecord record(long seq, String group) {
        return new AccountingRecord(seq, group, AccountingRecord.ACCOUNTING_ON, "S-" + seq, 1000 + seq, 2000 + seq,
                List.of(RadiusAttribute.ciscoAvPair("vrrs=" + group), RadiusAttribute.integer(40, 7)));
    }

    @Test
    void recordsSurviveReopeningInOrderAndSequenceContinues() throws Exception {
        DurableQueue q = new DurableQueue(dir);
        for (int i = 0; i < 12; i++) {
            q.append(record(q.nextSeq(), i % 2 == 0 ? "A" : "B"));
        }
        q.remove(record(1, "A"));
        DurableQueue again = new DurableQueue(dir);
        assertThat(again.loaded()).hasSize(11);
        assertThat(again.loaded()).extracting(AccountingRecord::seq).isSorted().startsWith(2L);
        assertThat(again.loaded().get(0)).isEqualTo(record(2, "B"));
        assertThat(again.nextSeq()).isEqualTo(13);
    }

    @Test
    void unfinishedWritesAreDiscardedAndTornRecordsSetAside() throws Exception {
        DurableQueue q = new DurableQueue(dir);
        q.append(record(q.nextSeq(), "A"));
        Files.writeString(dir.resolve("00000000000000000002.tmp"), "openvrrs-accounting-record 1\nseq=2\n");
        Files.writeString(dir.resolve("00000000000000000003.rec"), "openvrrs-accounting-record 1\nseq=3\n");
        DurableQueue again = new DurableQueue(dir);
        assertThat(again.loaded()).extracting(AccountingRecord::seq).containsExactly(1L);
        assertThat(again.corrupt()).isEqualTo(1);
        assertThat(dir.resolve("00000000000000000002.tmp")).doesNotExist();
        assertThat(dir.resolve("00000000000000000003.rec.bad")).exists();
    }

    @Test
    void aBatchIsOneFileKeptUntilItsLastRecordIsAcknowledged() throws Exception {
        DurableQueue q = new DurableQueue(dir);
        q.append(record(q.nextSeq(), "A"));
        List<AccountingRecord> batch = List.of(record(q.nextSeq(), "B"), record(q.nextSeq(), "C"),
                record(q.nextSeq(), "D"));
        q.appendAll(batch);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
        DurableQueue reopened = new DurableQueue(dir);
        assertThat(reopened.loaded()).containsExactly(record(1, "A"), record(2, "B"), record(3, "C"), record(4, "D"));

        q.remove(batch.get(0));
        q.remove(batch.get(2));
        assertThat(dir.resolve("00000000000000000002.rec")).exists();
        // after a crash here the acknowledged records of the batch are sent again (same session), none is lost
        assertThat(new DurableQueue(dir).loaded()).extracting(AccountingRecord::seq).containsExactly(1L, 2L, 3L, 4L);

        q.remove(batch.get(1));
        assertThat(dir.resolve("00000000000000000002.rec")).doesNotExist();
        q.remove(record(1, "A"));
        assertThat(new DurableQueue(dir).loaded()).isEmpty();
    }

    @Test
    void aBatchFileCutShortIsSetAsideWhole() throws Exception {
        DurableQueue q = new DurableQueue(dir);
        q.appendAll(List.of(record(q.nextSeq(), "A"), record(q.nextSeq(), "B")));
        Path file = dir.resolve("00000000000000000001.rec");
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() - 5)); // the last record's "end" is gone
        DurableQueue again = new DurableQueue(dir);
        assertThat(again.loaded()).isEmpty();
        assertThat(again.corrupt()).isEqualTo(1);
        assertThat(dir.resolve("00000000000000000001.rec.bad")).exists();
    }
}
