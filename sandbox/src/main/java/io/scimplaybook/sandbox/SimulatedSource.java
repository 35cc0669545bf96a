package io.scimplaybook.sandbox;

/**
 * One failing source of the fleet as a whole single-source sandbox: its own scenario state and the sandbox's own
 * handlers over it, plus a Graph token it issued, which the router puts on the requests it forwards to it.
 */
record SimulatedSource(
    FleetSource source, ScenarioState state, CatoGraphqlHandler cato, GraphHandler graph, ScimHandler scim,
    TokenEndpointHandler tokens, String graphToken) {

  static SimulatedSource of(FleetSource source, SandboxConfig config) {
    ScenarioState state = new ScenarioState(config, java.time.Clock.systemUTC());
    return new SimulatedSource(source, state, new CatoGraphqlHandler(state), new GraphHandler(state),
        new ScimHandler(state), new TokenEndpointHandler(state), state.issueGraphAccessToken());
  }
}
