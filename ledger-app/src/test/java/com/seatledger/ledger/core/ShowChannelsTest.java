package com.seatledger.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.seatledger.ledger.Cmd;
import com.seatledger.topics.message.AreaQuota;
import com.seatledger.topics.message.Channel;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.SeatStatus;

/** The channel bookkeeping on its own: stable indexes, the pool's share of an area, quota moves. */
class ShowChannelsTest {

    /** Two seats; area PIT of 10 places, 3 of them held (counts over all pools, as the show keeps them). */
    final int[][] areaCounts = {{7, 3, 0, 0}};
    final ShowChannels channels = new ShowChannels(2, new String[] {"PIT"}, areaCounts);

    @Test
    void aChannelKeepsItsIndexAndARenameKeepsIt() {
        assertThat(channels.any()).isFalse();
        assertThat(channels.define("fanclub", "Fan club")).isEqualTo(1);
        assertThat(channels.define("partner", null)).isEqualTo(2);
        assertThat(channels.define("fanclub", "Fans")).as("known: renamed, same index").isEqualTo(1);
        assertThat(channels.list()).containsExactly(new Channel("fanclub", "Fans"), new Channel("partner", "partner"));
        assertThat(channels.indexOf(null)).as("null is the pool").isZero();
        assertThat(channels.indexOf("nobody")).isEqualTo(-1);
        assertThat(channels.id(0)).isNull();
        assertThat(channels.count()).isEqualTo(3);
    }

    @Test
    void thePoolOwnsWhatNoChannelOwns() {
        int fan = channels.define("fanclub", null);
        channels.moveQuota(0, 0, fan, 4);
        assertThat(channels.places(0, fan, SeatStatus.AVAILABLE)).isEqualTo(4);
        assertThat(channels.places(0, 0, SeatStatus.AVAILABLE)).isEqualTo(3);

        // the show moves 2 of the fan club's places to HELD in its counts, and tells the channels
        areaCounts[0][0] -= 2;
        areaCounts[0][1] += 2;
        channels.movePlaces(0, fan, 2, SeatStatus.AVAILABLE, SeatStatus.HELD);
        assertThat(channels.places(0, 0, SeatStatus.AVAILABLE)).as("the pool's share is unchanged").isEqualTo(3);
        assertThat(channels.places(0, 0, SeatStatus.HELD)).isEqualTo(3);
        assertThat(channels.quotas()).containsExactly(new AreaQuota("PIT", "fanclub", 2, 2, 0, 0));
    }

    @Test
    void aQuotaMoveNeverTakesMoreThanIsAvailable() {
        int fan = channels.define("fanclub", null);
        assertThatThrownBy(() -> channels.moveQuota(0, 0, fan, 8)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PIT");
        assertThat(channels.quotas()).as("nothing moved").allMatch(q -> q.available() == 0);
    }

    @Test
    void seatsMoveBetweenChannelsAndRestoreAsStored() {
        int fan = channels.define("fanclub", null);
        assertThat(channels.assign(1, fan)).as("was the pool's").isZero();
        assertThat(channels.of(1)).isEqualTo(fan);

        ShowChannels restored = new ShowChannels(2, new String[] {"PIT"}, areaCounts);
        restored.restore(channels.list(), channels.seatChannel.clone(), channels.quota.clone());
        assertThat(restored.of(1)).isEqualTo(fan);
        assertThat(restored.list()).isEqualTo(channels.list());
        assertThat(restored.mayUse(holdBy("fan", List.of("fanclub")), fan)).isTrue();
        assertThat(restored.mayUse(holdBy("pub", List.of()), fan)).isFalse();
        assertThat(restored.mayUse(holdBy("pub", List.of()), 0)).as("the pool: anyone").isTrue();
    }

    private static HoldSeats holdBy(String actor, List<String> buyerChannels) {
        return new Cmd().holdIn(buyerChannels, actor, "s", "h", List.of(), "A-1");
    }
}
