/**
 * A deterministic synthetic population of families in the 2024 pilot counties, with the records
 * that each government source holds about them. Every identifier here is synthetic: the ID numbers
 * pass the GB 11643 check but belong to nobody.
 */
@NullMarked
package gx.enrollment.mocks.population;

import org.jspecify.annotations.NullMarked;
