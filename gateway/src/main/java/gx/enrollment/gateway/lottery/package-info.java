/**
 * The private-school lottery (民办学校电脑随机录取): a frozen, hashed applicant list, a seed announced before
 * the draw, a ranking anyone can recompute ({@link gx.enrollment.gateway.lottery.LotteryDraw}), and
 * the admitted and not admitted applications moved through the status machine.
 */
@NullMarked
package gx.enrollment.gateway.lottery;

import org.jspecify.annotations.NullMarked;
