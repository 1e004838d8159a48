/**
 * WireMock stubs of the four government sources (household registration, residence permit, social
 * security, real estate) and the SMS gateway, answering from a {@link
 * gx.enrollment.mocks.population.SyntheticPopulation} exactly as the interface contracts say, with
 * faults switchable at run time. Start them with {@link
 * gx.enrollment.mocks.GovernmentStubs#start()} in a test, or alone with {@link
 * gx.enrollment.mocks.GovernmentStubsMain}.
 */
@NullMarked
package gx.enrollment.mocks;

import org.jspecify.annotations.NullMarked;
