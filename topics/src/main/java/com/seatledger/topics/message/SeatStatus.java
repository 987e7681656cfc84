package com.seatledger.topics.message;

public enum SeatStatus {
    AVAILABLE, HELD, SOLD, BLOCKED
}
