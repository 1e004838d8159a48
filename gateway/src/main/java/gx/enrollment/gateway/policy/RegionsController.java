package gx.enrollment.gateway.policy;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/regions}: the pilot areas of {@code config/regions.yml} as portals show them
 * to parents — each with its form type and the consultation phones and hours of the seed's table —
 * and the areas inside the pilot cities that are not in the pilot.
 */
@RestController
public class RegionsController {

  private final RegionDirectory regions;
  private final RegionsProperties properties;

  public RegionsController(RegionDirectory regions, RegionsProperties properties) {
    this.regions = regions;
    this.properties = properties;
  }

  /** The directory of pilot areas. */
  public record Directory(
      String consultationHours,
      List<PilotArea> areas,
      List<RegionsProperties.ExcludedArea> excluded) {}

  @GetMapping(path = "/api/v1/regions", produces = MediaType.APPLICATION_JSON_VALUE)
  public Directory regions() {
    return new Directory(properties.consultationHours(), regions.areas(), properties.excluded());
  }
}
