package gx.enrollment.mocks.population;

import java.time.YearMonth;

/**
 * A guardian's social-security (社保) record.
 *
 * @param regionCode where contributions are (or were last) paid
 * @param employer the contributing employer
 * @param continuousMonths length of the current (or last) unbroken run of contributions
 * @param contributing whether contributions are being paid now
 * @param lastPaidMonth the last month paid
 */
public record SocialSecurity(
    String regionCode,
    String employer,
    int continuousMonths,
    boolean contributing,
    YearMonth lastPaidMonth) {}
