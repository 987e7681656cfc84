package com.seatledger.ledger.core;

import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.ShowEvent;

/** An accepted command's event, and the hold or order its result reports. */
record Accepted(ShowEvent event, Hold hold, String orderId) {
}
