package dev.alvh.app.engine;

import java.math.BigDecimal;

/**
 * How one sent order's price walk ended: the step it was at when it ended (0 = the first
 * price, at mid) and, when combos filled, the price paid as a share of the package spread
 * measured from the package's bid at the time it was sent (0.5 = mid, 1 = natural). Kept in
 * memory for the replay summary; the step is also in {@code orders.steps}.
 *
 * @param purpose   the order's purpose
 * @param legs      legs of the combo
 * @param outcome   how it ended
 * @param step      the walk step it ended at
 * @param sharePaid the net price paid per combo as a share of the spread from the bid; null
 *                  when nothing filled or the spread was 0
 */
public record WalkEnd(String purpose, int legs, OrderDesk.Outcome outcome, int step, BigDecimal sharePaid) {
}
