package com.seatledger.orders;

/** PENDING until paid (CONFIRMED) or its hold ended first (EXPIRED); a CONFIRMED order cancelled by the box office is REFUNDED. */
public enum OrderStatus {
    PENDING, CONFIRMED, EXPIRED, REFUNDED
}
