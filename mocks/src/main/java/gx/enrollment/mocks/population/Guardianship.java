package gx.enrollment.mocks.population;

/**
 * A parent–child or guardian–ward link as the household register records it.
 *
 * @param childIdNumber the child
 * @param guardianIdNumber the recorded parent or guardian
 * @param relation {@code FATHER}, {@code MOTHER} or {@code GUARDIAN}
 * @param sameHousehold whether both are on the same household booklet (户口簿)
 */
public record Guardianship(
    String childIdNumber, String guardianIdNumber, String relation, boolean sameHousehold) {}
